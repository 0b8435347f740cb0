using HrcCommunity.Web.Hosting;

ProcessSettings.Apply();
var builder = WebApplication.CreateBuilder(args);
builder.AddHrcWeb();

var app = builder.Build();

if (await AdminCommands.TryRunAsync(app, args)) return;

await app.InitializeDatabaseAsync();
app.UseHrcPipeline();
app.MapHrcEndpoints();
app.Run();

public partial class Program;
