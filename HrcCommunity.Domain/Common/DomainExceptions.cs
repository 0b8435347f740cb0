namespace HrcCommunity.Domain.Common;

/// <summary>Base of the failures a caller can explain to a person; anything else is a bug.</summary>
public abstract class DomainException(string message) : Exception(message);

public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public ValidationFailedException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] }) { }
}

public sealed class ForbiddenException(string what) : DomainException($"You are not allowed to {what}.");

public sealed class NotFoundException(string what) : DomainException($"{what} was not found.");

/// <summary>Someone else changed or claimed the thing first; the message says who or what.</summary>
public sealed class ConflictException(string message) : DomainException(message);

public sealed class RateLimitedException(string message) : DomainException(message);
