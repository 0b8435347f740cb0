namespace HrcCommunity.Web.Live;

/// <summary>The periodic half of <see cref="LiveHubMembers"/>: catches changes no live event announced.</summary>
public sealed class LiveHubRevalidation(LiveHubMembers members, IConfiguration configuration, ILogger<LiveHubRevalidation> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue("Hrc:Accounts:RefreshClaimsEvery", TimeSpan.FromMinutes(1)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await members.RevalidateAllAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Could not judge hub topics again");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
