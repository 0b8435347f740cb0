using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Spi;

namespace HrcCommunity.Domain.Features.Notifications.Scheduling;

/// <summary>Builds each job from the service container, so jobs get the same services the pages use.</summary>
public sealed class DiJobFactory(IServiceProvider services) : IJobFactory
{
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler) =>
        (IJob)ActivatorUtilities.CreateInstance(services, bundle.JobDetail.JobType);

    public void ReturnJob(IJob job) => (job as IDisposable)?.Dispose();
}
