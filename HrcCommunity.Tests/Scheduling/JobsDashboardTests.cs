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

        Assert.Equal(2, failing.Runs);
        var history = storage.GetMonitoringApi().JobDetails(jobId).History.Select(h => h.StateName).ToList();
        Assert.Contains(ScheduledState.StateName, history);
        var next = JobProbe.Create();
        jobs.Enqueue<ProbeJob>(job => job.RunAsync(next.Token));
        await next.Ran.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var admin = await app.ClientAsync(Persona.Admin);
        var failedList = await admin.GetStringAsync("/admin/jobs/jobs/failed");
        Assert.Contains("FailingJob.RunAsync", failedList);
        var details = await admin.GetStringAsync($"/admin/jobs/jobs/details/{jobId}");
        Assert.Contains("Probe failure, attempt 2.", details);
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
