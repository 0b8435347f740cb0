namespace HrcCommunity.Domain.Email;

public interface IEmailTransport
{
    Task SendAsync(OutboxEmail email, CancellationToken ct);
}
