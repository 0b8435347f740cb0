using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Networks;

/// <summary>What someone proposes: the values of the fields as they want them, against the version they saw.</summary>
public sealed record CorrectionProposal(int BaseVersion, IReadOnlyDictionary<string, string> Values, string? Note, string? Email, string? Trap = null);

/// <summary>The current values a person may propose changes to; DeletedAt is set when the entry was removed.</summary>
public sealed record CorrectionForm(string Slug, string Name, int Version, IReadOnlyDictionary<string, string> Values, DateTime? DeletedAt);

public sealed record FieldDiff(string Field, string Label, string Old, string Proposed, string Current);

public sealed record CorrectionView(long Id, string Slug, string NetworkName, bool NetworkDeleted, bool IsStale,
    IReadOnlyList<FieldDiff> Changes, string Note, string? Email, string ProposedByName, DateTime ProposedAt);

/// <summary>
/// Anyone proposes a correction; a Coordinator accepts (applied as one history line) or rejects it.
/// A correction remembers the version it was made against, so a later change makes it stale rather
/// than silently overwriting someone else's update.
/// </summary>
public sealed class NetworkCorrectionService(
    IDbContextFactory<HrcDbContext> dbFactory, TimeProvider clock, ILiveNotifier<NetworkCorrectionChanged> notifier)
{
    public const int NoteMax = 2000;
    public const int MaxProposalsPerHour = 5;

    public async Task<CorrectionForm?> GetFormAsync(Actor actor, string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == slug, ct);
        return network is null ? null
            : new CorrectionForm(network.Slug, network.Name, network.Version,
                NetworkFields.VisibleTo(actor).ToDictionary(f => f.Key, f => f.Get(network)), network.DeletedAt);
    }

    /// <summary>
    /// Returns the new correction's id, or null when the honeypot field was filled: bots get the same
    /// thanks as people, and nothing is stored.
    /// </summary>
    public async Task<long?> ProposeAsync(Actor actor, string slug, CorrectionProposal proposal, string clientAddress, CancellationToken ct = default)
    {
        if (!string.IsNullOrEmpty(proposal.Trap)) return null;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == slug, ct) ?? throw new NotFoundException("The directory entry");
        NetworkWriter.ThrowIfDeleted(network);
        if (network.Version != proposal.BaseVersion)
            throw new ConflictException("This entry was updated while you were writing your correction. Reload the form to see the current values, then propose your change again.");

        var visible = NetworkFields.VisibleTo(actor).Select(f => f.Key).ToHashSet();
        var proposed = NetworkWriter.Canonicalize(proposal.Values.Where(v => visible.Contains(v.Key)).ToDictionary());
        var changes = NetworkWriter.ChangedFields(network, proposed);
        var validator = NetworkFields.Validate(changes, clock.GetUtcNow().Year)
            .Required("note", proposal.Note, "A note on what you changed and where it comes from", NoteMax)
            .Email("email", proposal.Email?.Trim(), "Your email address", required: false)
            .Check(changes.Count > 0, "values", "Your proposal does not change any field. Change at least one value before sending it.");
        validator.ThrowIfInvalid();

        var key = ProposerKey(actor, clientAddress);
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        if (await db.NetworkCorrections.CountAsync(c => c.ProposerKey == key && c.ProposedAt > since, ct) >= MaxProposalsPerHour)
            throw new RateLimitedException($"You have proposed {MaxProposalsPerHour} corrections in the last hour. Please wait a while before proposing more.");

        var diff = changes.ToDictionary(c => c.Key, c => new StoredChange(NetworkFields.Find(c.Key)!.Get(network), c.Value));
        var correction = new NetworkCorrection
        {
            NetworkId = network.Id, BaseVersion = network.Version, ChangesJson = JsonSerializer.Serialize(diff),
            Note = proposal.Note!.Trim(), Email = string.IsNullOrWhiteSpace(proposal.Email) ? null : proposal.Email.Trim(),
            ProposedById = actor.UserId, ProposedByName = actor.IsAuthenticated ? NetworkWriter.Describe(actor) : "A visitor",
            ProposerKey = key, ProposedAt = clock.GetUtcNow().UtcDateTime, Status = CorrectionStatus.Pending,
        };
        db.NetworkCorrections.Add(correction);
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(NetworkCorrectionChanged.QueueTopic, actor.UserId, new(correction.Id, slug, CorrectionStatus.Pending));
        return correction.Id;
    }

    /// <summary>Oldest proposal first; <see cref="ListRequest.Sort"/> is not used, since corrections are decided in turn.</summary>
    public async Task<ListPage<CorrectionView>> ListPendingAsync(Actor actor, ListRequest? request = null, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "review directory corrections");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.NetworkCorrections.AsNoTracking().Where(c => c.Status == CorrectionStatus.Pending)
            .Join(db.Networks, c => c.NetworkId, n => n.Id, (c, n) => new { Correction = c, Network = n })
            .OrderBy(r => r.Correction.ProposedAt).ThenBy(r => r.Correction.Id)
            .ToListPageAsync(request ?? new ListRequest(), ct);
        return rows.Map(r =>
        {
            var c = r.Correction;
            var changes = Read(c.ChangesJson).Select(kv => new FieldDiff(kv.Key, NetworkFields.LabelOf(kv.Key), kv.Value.Old, kv.Value.New,
                NetworkFields.Find(kv.Key)?.Get(r.Network) ?? "")).ToList();
            return new CorrectionView(c.Id, r.Network.Slug, r.Network.Name, r.Network.DeletedAt is not null, r.Network.Version != c.BaseVersion,
                changes, c.Note, c.Email, c.ProposedByName, c.ProposedAt);
        });
    }

    public async Task<int> PendingCountAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.CanCoordinate) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.NetworkCorrections.CountAsync(c => c.Status == CorrectionStatus.Pending, ct);
    }

    /// <summary>Applies the proposed values, moves "last confirmed" and records the change in the entry's history.</summary>
    public async Task AcceptAsync(Actor actor, long correctionId, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "accept directory corrections");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var correction = await PendingAsync(db, correctionId, ct);
        var network = await db.Networks.FirstAsync(n => n.Id == correction.NetworkId, ct);
        NetworkWriter.ThrowIfDeleted(network);
        if (network.Version != correction.BaseVersion)
            throw new ConflictException($"\"{network.Name}\" has changed since this correction was proposed (version {correction.BaseVersion}, now {network.Version}). " +
                "Compare it with the current values: reject it, or apply what still holds by editing the entry.");

        var changes = Read(correction.ChangesJson).ToDictionary(kv => kv.Key, kv => kv.Value.New, StringComparer.Ordinal);
        // Re-validated: the rules (a year in the future, a theme that left the catalogue) may differ from when it was proposed.
        NetworkFields.Validate(changes, clock.GetUtcNow().Year).ThrowIfInvalid();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ClaimAsync(db, correction, CorrectionStatus.Accepted, actor, null, ct);
        await NetworkWriter.ApplyAsync(db, network, changes, actor, "correction", correction.Id, clock, ct);
        NotifyProposer(db, correction, network.Name, accepted: true, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"\"{network.Name}\" was changed at the same moment. Reload the queue and review the correction again.");
        }
        await transaction.CommitAsync(ct);
        await notifier.PublishAsync(NetworkCorrectionChanged.QueueTopic, actor.UserId, new(correction.Id, network.Slug, CorrectionStatus.Accepted));
    }

    public async Task RejectAsync(Actor actor, long correctionId, string? reason, CancellationToken ct = default)
    {
        actor.Require(actor.CanCoordinate, "reject directory corrections");
        new Validator().Length("reason", reason, "The reason", 500).ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var correction = await PendingAsync(db, correctionId, ct);
        var network = await db.Networks.AsNoTracking().FirstAsync(n => n.Id == correction.NetworkId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ClaimAsync(db, correction, CorrectionStatus.Rejected, actor, reason?.Trim(), ct);
        NotifyProposer(db, correction, network.Name, accepted: false, reason);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await notifier.PublishAsync(NetworkCorrectionChanged.QueueTopic, actor.UserId, new(correction.Id, network.Slug, CorrectionStatus.Rejected));
    }

    private static async Task<NetworkCorrection> PendingAsync(HrcDbContext db, long id, CancellationToken ct)
    {
        var correction = await db.NetworkCorrections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("The correction");
        if (correction.Status != CorrectionStatus.Pending) throw AlreadyDecided(correction);
        return correction;
    }

    /// <summary>The database decides which of two Coordinators deciding at once wins.</summary>
    private async Task ClaimAsync(HrcDbContext db, NetworkCorrection correction, CorrectionStatus decision, Actor actor, string? note, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var name = NetworkWriter.Describe(actor);
        var claimed = await db.NetworkCorrections.Where(c => c.Id == correction.Id && c.Status == CorrectionStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, decision).SetProperty(c => c.DecidedAt, now)
                .SetProperty(c => c.DecidedByName, name).SetProperty(c => c.DecisionNote, note), ct);
        if (claimed == 0)
            throw AlreadyDecided(await db.NetworkCorrections.AsNoTracking().FirstAsync(c => c.Id == correction.Id, ct));
    }

    private static ConflictException AlreadyDecided(NetworkCorrection c) =>
        new($"This correction was already {(c.Status == CorrectionStatus.Accepted ? "accepted" : "rejected")} by {c.DecidedByName} on {c.DecidedAt:yyyy-MM-dd HH:mm} UTC.");

    private void NotifyProposer(HrcDbContext db, NetworkCorrection correction, string networkName, bool accepted, string? reason)
    {
        if (correction.Email is null) return;
        var outcome = accepted ? "Accepted" : "NotAccepted";
        var body = NetworkEmails.Text($"Correction{outcome}Text", networkName)
            + (string.IsNullOrWhiteSpace(reason) ? "" : NetworkEmails.Text("CorrectionNote", reason.Trim()));
        db.Enqueue(clock, correction.Email, NetworkEmails.Text($"Correction{outcome}Subject", networkName), body, "directory-correction");
    }

    private static string ProposerKey(Actor actor, string clientAddress)
    {
        var source = actor.UserId is { } id ? "user:" + id : "ip:" + clientAddress;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..32];
    }

    private static Dictionary<string, StoredChange> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, StoredChange>>(json) ?? [];

    private sealed record StoredChange(string Old, string New);
}
