using System.Collections.Concurrent;
using System.Data.Common;
using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HrcCommunity.Domain.Features.Dialogues;

/// <summary>
/// Writes a group commit's messages as plain INSERTs in the context's transaction, each returning its id. EF's change
/// tracker allocated about 20 KB per message row (entries, snapshots, a modification command per column); at 500 messages a
/// second that garbage alone brought a collection every few seconds, and each pause held every post waiting behind it.
/// Table and column names come from the EF model and are quoted by the provider, so both databases take the same text.
/// </summary>
internal static class RoomMessageInserts
{
    /// <summary>Per provider, the INSERT of row 0, row 1, …: a batch's text is the first n of them.</summary>
    private static readonly ConcurrentDictionary<Type, string[]> Statements = new();

    /// <summary>
    /// Inserts <paramref name="rows"/> and saves what else the context tracks (the notifications and emails their mentions
    /// make) in one transaction, and sets each row's <see cref="DialogueMessage.Id"/>. A database error comes back as EF's
    /// own would, a <see cref="DbUpdateException"/>, so callers tell a busy database or a duplicate the same way.
    /// </summary>
    public static async Task SaveAsync(HrcDbContext db, IReadOnlyList<DialogueMessage> rows)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await InsertAsync(db, rows);
            if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbException ex)
        {
            throw new DbUpdateException("The room's messages could not be saved.", ex);
        }
    }

    private static async Task InsertAsync(HrcDbContext db, IReadOnlyList<DialogueMessage> rows)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = string.Concat(StatementsFor(db, connection.GetType(), rows.Count));
        for (var row = 0; row < rows.Count; row++)
            for (var column = 0; column < Columns.Length; column++)
                Add(command, row, column, Columns[column].Value(rows[row]));
        await using var reader = await command.ExecuteReaderAsync();
        for (var i = 0; i < rows.Count; i++)
        {
            // Each INSERT is its own statement and result: reading on is what runs the next one.
            if (i > 0 && !await reader.NextResultAsync() || !await reader.ReadAsync())
                throw new InvalidOperationException($"The database returned no id for message {i + 1} of {rows.Count}.");
            rows[i].Id = reader.GetInt64(0);
        }
    }

    /// <summary>Every column an insert writes, with the value it takes: the statements' text and their parameters both follow this one list.</summary>
    private static readonly (string Property, Func<DialogueMessage, object?> Value)[] Columns =
    [
        (nameof(DialogueMessage.EventId), m => m.EventId),
        (nameof(DialogueMessage.ParentId), m => m.ParentId),
        (nameof(DialogueMessage.AuthorId), m => m.AuthorId),
        (nameof(DialogueMessage.AuthorName), m => m.AuthorName),
        (nameof(DialogueMessage.AuthorCity), m => m.AuthorCity),
        (nameof(DialogueMessage.Text), m => m.Text),
        (nameof(DialogueMessage.Mentions), m => m.Mentions),
        (nameof(DialogueMessage.ClientMessageId), m => m.ClientMessageId),
        (nameof(DialogueMessage.SentAt), m => m.SentAt),
        (nameof(DialogueMessage.IsRemoved), m => m.IsRemoved),
    ];

    private static void Add(DbCommand command, int row, int column, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = Name(row, column);
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static string Name(int row, int column) => $"@m{row}_{column}";

    private static ReadOnlySpan<string> StatementsFor(HrcDbContext db, Type provider, int rows)
    {
        if (!Statements.TryGetValue(provider, out var known) || known.Length < rows)
            Statements[provider] = known = Build(db, Math.Max(rows, RoomPostWriter.MaxBatch));
        return known.AsSpan(0, rows);
    }

    private static string[] Build(HrcDbContext db, int rows)
    {
        var quote = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(DialogueMessage))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => quote.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var into = $"INSERT INTO {quote.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", Columns.Select(c => Column(c.Property)))}) VALUES (";
        var returning = $") RETURNING {Column(nameof(DialogueMessage.Id))};";
        return [.. Enumerable.Range(0, rows).Select(row => into + string.Join(", ", Columns.Select((_, column) => Name(row, column))) + returning)];
    }
}
