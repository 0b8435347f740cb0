using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Networks;

/// <summary>
/// The one way an entry's facts change (edit, accepted correction, import, seed): apply the changed
/// fields, bump the version, move "last confirmed", write a history line and re-index, all in the
/// caller's SaveChanges.
/// </summary>
internal static class NetworkWriter
{
    public static string Describe(Actor actor) => string.IsNullOrWhiteSpace(actor.DisplayName) ? "HrcCommunity" : actor.DisplayName;

    /// <summary>Fields whose canonical value differs from the entry's; values are expected canonical already.</summary>
    public static Dictionary<string, string> ChangedFields(Network network, IReadOnlyDictionary<string, string> values) =>
        values.Where(v => NetworkFields.Find(v.Key) is { } field && field.Get(network) != v.Value)
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    public static Dictionary<string, string> Canonicalize(IReadOnlyDictionary<string, string> values) =>
        values.ToDictionary(v => v.Key, v => NetworkFields.Canonical(v.Key, v.Value), StringComparer.Ordinal);

    public static async Task ApplyAsync(HrcDbContext db, Network network, IReadOnlyDictionary<string, string> changes, Actor actor,
        string kind, long? correctionId, TimeProvider clock, CancellationToken ct, IEnumerable<string>? alsoChanged = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, value) in changes) NetworkFields.Find(key)!.Set(network, value);
        network.Version++;
        network.UpdatedAt = now;
        network.LastConfirmedAt = now;
        db.NetworkChanges.Add(new NetworkChange
        {
            NetworkId = network.Id, Version = network.Version, Kind = kind,
            Fields = string.Join(' ', NetworkFields.All.Select(f => f.Key).Where(changes.ContainsKey).Concat(alsoChanged ?? [])),
            ChangedAt = now, ChangedById = actor.UserId, ChangedByName = Describe(actor), CorrectionId = correctionId,
        });
        await db.IndexAsync(ToSearchDocument(network), clock, ct);
    }

    /// <summary>Public text only: contact persons are never indexed.</summary>
    public static SearchDocument ToSearchDocument(Network n) => new(
        "network", n.Slug, $"/directory/{n.Slug}",
        n.Acronym.Length > 0 ? $"{n.Name} ({n.Acronym})" : n.Name,
        n.Summary,
        string.Join("\n", new[] { n.Mission, n.Mandate, n.KeyProjects, n.MemberKinds, n.MembershipNote, n.Headquarters,
            string.Join(", ", NetworkVocabulary.Codes(n.Regions).Select(NetworkVocabulary.RegionLabel)) }.Where(t => t.Length > 0)),
        NetworkVocabulary.Codes(n.Themes));

    public static async Task<Network> FindForChangeAsync(HrcDbContext db, string slug, CancellationToken ct)
    {
        var network = await db.Networks.FirstOrDefaultAsync(n => n.Slug == slug, ct) ?? throw new NotFoundException("The directory entry");
        ThrowIfDeleted(network);
        return network;
    }

    public static void ThrowIfDeleted(Network network)
    {
        if (network.DeletedAt is { } deleted)
            throw new ConflictException($"\"{network.Name}\" was removed from the directory on {deleted:yyyy-MM-dd}; it can no longer be changed or corrected.");
    }
}
