using System.Net;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace HrcCommunity.Tests.Features.Hosting;

/// <summary>The whole app on PostgreSQL (the run's throwaway cluster): migrations, seeds, search, sign-in and jobs.</summary>
public sealed class PostgreSqlAppTests
{
    [Fact]
    public async Task App_OnPostgreSql_ServesHomeAndSearch_SignsIn_AndKeepsItsKeysAndJobsInTheDatabase()
    {
        var cluster = await PostgresCluster.StartedAsync();
        var name = $"app_{Guid.NewGuid():N}";
        var connectionString = await cluster.CreateDatabaseAsync(name);
        await using (var host = new AppHost())
        await using (var app = host.WithWebHostBuilder(b => b
            .UseSetting("Hrc:Database:Provider", "PostgreSql")
            .UseSetting("Hrc:Database:ConnectionString", connectionString)))
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
            var search = await client.GetStringAsync("/search?q=human+rights");
            Assert.Contains("<mark>", search);
            await AppHost.SignInAsync(client, PersonaAccounts.EmailOf(Persona.Practitioner), PersonaAccounts.Password);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/notifications")).StatusCode);

            // The cookie's data-protection key and the server's HMAC keys are rows every instance reads, not files.
            Assert.True(await CountAsync(connectionString, "SELECT COUNT(*) FROM \"DataProtectionKeys\"") > 0);
            Assert.False(Directory.Exists(Path.Combine(host.DataFolder, "keys")), "No key files on PostgreSQL.");
            Assert.Equal(1, await CountAsync(connectionString, "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'hangfire'"));
            Assert.True(await CountAsync(connectionString, "SELECT COUNT(*) FROM hangfire.set WHERE key = 'recurring-jobs'") > 0);
        }
        await cluster.DropDatabaseAsync(name);
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
