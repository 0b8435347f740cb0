using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HrcCommunity.Domain.Scheduling;

/// <summary>
/// Hangfire logs through one process-wide provider, which every host's AddHangfire points at its own logger
/// factory. Once the host that did so last is disposed, Hangfire's own provider throws ObjectDisposedException
/// for each logger created after that, even inside another host's job client or server (tests run several
/// hosts in one process): here such a logger stays silent instead.
/// </summary>
public sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private static readonly AspNetCoreLogProvider Silent = new(NullLoggerFactory.Instance);

    private readonly AspNetCoreLogProvider _host = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _host.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.GetLogger(name);
        }
    }
}
