using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.Bot.Builder;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace TipBot.Persistence;

/// <summary>
/// Bot Framework <see cref="IStorage"/> on the TipBot database, with ETag optimistic concurrency: a write
/// that carries an ETag (an <see cref="IStoreItem"/>, or state read earlier with its "eTag") succeeds only
/// if nobody wrote the item since; no ETag or "*" means last writer wins. Keys are pseudonymised.
/// </summary>
public sealed class EfBotStorage(IDbContextFactory<TipBotDbContext> contexts, Pseudonymizer pseudonymizer, TimeProvider time) : IStorage
{
    internal const string ETagProperty = "eTag";

    // No TypeNameHandling: type names in stored JSON are a deserialisation hazard. Readers convert the JObjects themselves.
    internal static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
    });

    // The one- and two-key reads are compiled once instead of translating the Contains over a parameter array each
    // time. Same rows.
    private static readonly Func<TipBotDbContext, string, CancellationToken, Task<BotStateItem?>> ReadOne =
        EF.CompileAsyncQuery((TipBotDbContext db, string pseudonym, CancellationToken _) =>
            db.BotState.AsNoTracking().FirstOrDefault(x => x.Key == pseudonym));

    private static readonly Func<TipBotDbContext, string, string, IAsyncEnumerable<BotStateItem>> ReadTwo =
        EF.CompileAsyncQuery((TipBotDbContext db, string first, string second) =>
            db.BotState.AsNoTracking().Where(x => x.Key == first || x.Key == second));

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, keys, cancellationToken);
    }

    /// <summary><see cref="ReadAsync(string[], CancellationToken)"/> on the caller's context (a turn's one connection).</summary>
    public async Task<IDictionary<string, object>> ReadAsync(TipBotDbContext db, string[] keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var byPseudonym = keys.Distinct(StringComparer.Ordinal).ToDictionary(pseudonymizer.Pseudonym, k => k, StringComparer.Ordinal);
        var pseudonyms = byPseudonym.Keys.ToArray();
        List<BotStateItem> items;
        switch (pseudonyms.Length)
        {
            case 1:
                var item = await ReadOne(db, pseudonyms[0], cancellationToken);
                items = item is null ? [] : [item];
                break;
            case 2:
                items = await ReadTwo(db, pseudonyms[0], pseudonyms[1]).ToListAsync(cancellationToken);
                break;
            default:
                items = await db.BotState.AsNoTracking().Where(x => pseudonyms.Contains(x.Key)).ToListAsync(cancellationToken);
                break;
        }

        var result = new Dictionary<string, object>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
        {
            var value = JObject.Parse(item.Json);
            value[ETagProperty] = item.ETag;
            result[byPseudonym[item.Key]] = value;
        }
        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateOpenDbContextAsync(cancellationToken);
        await WriteAsync(db, changes, cancellationToken);
    }

    /// <summary>
    /// <see cref="WriteAsync(IDictionary{string, object}, CancellationToken)"/> on the caller's context, whose
    /// connection is open: a turn's one connection.
    /// </summary>
    public async Task WriteAsync(TipBotDbContext db, IDictionary<string, object> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var now = time.GetUtcNow().UtcDateTime;
        var rows = changes.Select(change =>
        {
            // A JObject (what TurnStateStore writes) is written as it is, not copied through the serializer first.
            var json = change.Value as JObject ?? (change.Value is null ? new JObject() : JObject.FromObject(change.Value, Serializer));
            var expected = change.Value is IStoreItem storeItem ? storeItem.ETag : json.Value<string>(ETagProperty);
            return (change.Key, Pseudonym: pseudonymizer.Pseudonym(change.Key), Text: WithoutETag(json), Expected: expected);
        }).ToList();

        using var writing = await DatabaseWriteGate.EnterAsync(contexts, cancellationToken);
        // All or nothing: a turn's conversation and user state are written together, or neither when one is stale.
        await using var transaction = rows.Count > 1 ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        // One statement an item: insert, or update when the stored ETag is the one this copy was read with ("*": whatever
        // is stored). Nothing written means someone else wrote the item since. Before, an update, an existence check and
        // an insert each went to the database, and a new item cost all three. All items in one round trip where batched.
        var results = await SqlStatement.BatchAsync(db, rows.Select(row => new Statement("""
            INSERT INTO bot_state ("Key", "ETag", "Json", "UpdatedAt") VALUES (@key, @eTag, @json, @now)
            ON CONFLICT ("Key") DO UPDATE SET "ETag" = excluded."ETag", "Json" = excluded."Json", "UpdatedAt" = excluded."UpdatedAt"
            WHERE @required = '*' OR bot_state."ETag" = @required
            """, ("@key", row.Pseudonym), ("@eTag", NewETag()), ("@json", row.Text), ("@now", now),
            ("@required", string.IsNullOrEmpty(row.Expected) ? "*" : row.Expected))).ToList(), cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            if (results[i].Changed == 0)
            {
                // The transaction (several items) is rolled back when disposed uncommitted.
                throw new ETagConflictException(rows[i].Key);
            }
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var pseudonyms = keys.Select(pseudonymizer.Pseudonym).ToArray();
        await using var db = await contexts.CreateOpenDbContextAsync(cancellationToken);
        using var writing = await DatabaseWriteGate.EnterAsync(contexts, cancellationToken);
        await db.BotState.Where(x => pseudonyms.Contains(x.Key)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The item's JSON without its ETag (the row keeps that in a column of its own); the caller's object is left as it is.</summary>
    private static string WithoutETag(JObject json)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text))
        {
            writer.WriteStartObject();
            foreach (var property in json.Properties())
            {
                if (property.Name != ETagProperty)
                {
                    property.WriteTo(writer);
                }
            }
            writer.WriteEndObject();
        }
        return text.ToString();
    }

    private static string NewETag() => Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
}

/// <summary>Another writer changed the item since it was read; the caller's copy is stale.</summary>
public sealed class ETagConflictException(string key) : Exception($"The stored item changed since it was read (ETag conflict) for a key of length {key.Length}.");

/// <summary>
/// Lets one writer at a time at a SQLite database, queued asynchronously; readers don't wait (WAL). SQLite allows a single
/// write transaction: a second writer gets SQLITE_BUSY, and Microsoft.Data.Sqlite answers that by blocking its
/// thread in <c>Thread.Sleep(150)</c> before retrying. Under concurrent turns that sleep dominated latency (p50 of
/// hundreds of ms at low CPU, thread-pool threads parked). Queuing writers in-process here means they never collide
/// in SQLite; the statements, transactions and their outcomes are unchanged. Another process writing to the same
/// file still meets SQLite's own locking, as before. One gate per database, i.e. per context factory. PostgreSQL
/// takes concurrent writers itself (row locks), so there the gate lets everyone through.
/// </summary>
internal static class DatabaseWriteGate
{
    private static readonly ConditionalWeakTable<object, Gate> Gates = [];

    public static async ValueTask<Releaser> EnterAsync(IDbContextFactory<TipBotDbContext> database, CancellationToken cancellationToken)
    {
        var gate = Gates.GetValue(database, static factory => new Gate((IDbContextFactory<TipBotDbContext>)factory)).Semaphore;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }
        return new Releaser(gate);
    }

    private sealed class Gate(IDbContextFactory<TipBotDbContext> database)
    {
        public SemaphoreSlim? Semaphore { get; } = IsSqlite(database) ? new SemaphoreSlim(1, 1) : null;

        private static bool IsSqlite(IDbContextFactory<TipBotDbContext> database)
        {
            using var db = database.CreateDbContext();
            return db.Database.IsSqlite();
        }
    }

    public readonly struct Releaser(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
