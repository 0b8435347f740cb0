using System.Net.Mail;
using HrcCommunity.Domain.Features.Themes;

namespace HrcCommunity.Domain.Common;

/// <summary>Collects every problem with an input before anything is written, then throws once.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public Validator Required(string field, string? value, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{label} is required.");
        else Length(field, value, label, maxLength);
        return this;
    }

    public Validator Length(string field, string? value, string label, int maxLength, int minLength = 0)
    {
        if (value is null) return this;
        if (value.Length > maxLength) Add(field, $"{label} must be at most {maxLength:N0} characters (it has {value.Length:N0}).");
        else if (value.Trim().Length < minLength) Add(field, $"{label} must be at least {minLength} characters.");
        return this;
    }

    public Validator Email(string field, string? value, string label, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, $"{label} is required.");
            return this;
        }
        if (value.Length > 254 || !MailAddress.TryCreate(value, out var parsed) || parsed.Address != value.Trim())
            Add(field, $"{label} is not a valid email address.");
        return this;
    }

    public Validator Url(string field, string? value, string label, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, $"{label} is required.");
            return this;
        }
        if (!SafeUrl.IsSafeAbsolute(value) || value.Length > 2048)
            Add(field, $"{label} must be a full http or https address.");
        return this;
    }

    public Validator Range(string field, long? value, string label, long min, long max)
    {
        if (value is { } v && (v < min || v > max)) Add(field, $"{label} must be between {min:N0} and {max:N0}.");
        return this;
    }

    /// <summary>Every code must come from the shared theme vocabulary.</summary>
    public Validator Themes(string field, IEnumerable<string> codes) =>
        Check(codes.All(ThemeCatalog.IsKnown), field, "Choose themes from the list.");

    public Validator Check(bool condition, string field, string message)
    {
        if (!condition) Add(field, message);
        return this;
    }

    public bool IsValid => _errors.Count == 0;

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
            throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }
}
