using Hangfire;
using Hangfire.States;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Scheduling;

[Collection(AppCollection.Name)]
public sealed class JobsDashboardTests(AppHost app)
{
    [Fact]
    public async Task FailingJob_IsRetriedAfterABackOff_ThenShownAsFailed_AndOtherJobsStillRun()
    {
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var storage = app.Services.GetRequiredService<JobStorage>();
        var failing = JobProbe.Create();

        var jobId = jobs.Enqueue<FailingJob>(job => job.RunAsync(failing.Token));
        await storage.WaitForStateAsync(jobId, FailedState.StateName, TimeSpan.FromSeconds(60));

        var details = storage.GetMonitoringApi().JobDetails(jobId);
        // The states with their reasons and data say why, when Hangfire took another path.
        var trail = string.Join(" | ", details.History.AsEnumerable().Reverse().Select(h =>
            $"{h.StateName}: {h.Reason} {string.Join(", ", h.Data.Select(d => $"{d.Key}={d.Value}"))}"));
        Assert.True(failing.Runs == 2, $"Ran {failing.Runs} times; states: {trail}");
        Assert.Contains(details.History, h => h.StateName == ScheduledState.StateName);
        var next = JobProbe.Create();
        jobs.Enqueue<ProbeJob>(job => job.RunAsync(next.Token));
        await next.Ran.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var admin = await app.ClientAsync(Persona.Admin);
        var failedList = await admin.GetStringAsync("/admin/jobs/jobs/failed");
        Assert.Contains("FailingJob.RunAsync", failedList);
        var detailsPage = await admin.GetStringAsync($"/admin/jobs/jobs/details/{jobId}");
        Assert.Contains("Probe failure, attempt 2.", detailsPage);
    }

    [Fact]
    public async Task Dashboard_HasOurTitle_LinksBackToTheSite_AndHidesTheStorageLocation()
    {
        var admin = await app.ClientAsync(Persona.Admin);

        var page = await admin.GetStringAsync("/admin/jobs");

        Assert.Contains("HrcCommunity jobs", page);
        Assert.Contains("href=\"/\"", page);
        Assert.DoesNotContain("hangfire.db", page);
    }
}
