namespace HrcCommunity.Domain.Features.Notifications;

public interface IEmailTransport
{
    Task SendAsync(OutboxEmail email, CancellationToken ct);
}
