using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TipBot.Features.Knowledge;
using TipBot.Persistence;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TipBot.Features.Console;

/// <summary>
/// Ready-made replies per language. Stored as written, with <c>{name}</c> (the operator's display name) and
/// <c>{{contact:…}}</c> references, and filled in only when an operator picks one, so a phone number is fixed in
/// one place (the contacts files) and an unverified contact is never sent.
/// </summary>
public sealed partial class CannedResponseStore(
    IDbContextFactory<TipBotDbContext> contexts,
    KnowledgeStore knowledge,
    AnswerRenderer renderer,
    TimeProvider time,
    ILogger<CannedResponseStore> logger)
{
    public const string SeedFile = "canned-responses.yaml";
    public const int MaxTitleLength = 80;
    public const int MaxTextLength = 2000;
    public const int HistoryLength = 50;

    public async Task<IReadOnlyList<CannedResponse>> ListAsync(string? language, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = db.Set<CannedResponse>().AsNoTracking();
        if (language is not null)
        {
            all = all.Where(c => c.Language == language);
        }
        return await all.OrderBy(c => c.Language).ThenBy(c => c.Id).ToListAsync(cancellationToken);
    }

    public async Task<CannedResponse?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<CannedResponse>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    public async Task AddAsync(string operatorId, string language, string title, string text, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var response = new CannedResponse { Language = language, Title = title.Trim(), Text = text.Trim(), UpdatedAt = time.GetUtcNow().UtcDateTime };
        db.Add(response);
        using var writing = await DatabaseWriteGate.EnterAsync(contexts, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.Add(Change(response, operatorId, CannedResponseActions.Add));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> UpdateAsync(int id, string operatorId, string language, string title, string text, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writing = await DatabaseWriteGate.EnterAsync(contexts, cancellationToken);
        if (await db.Set<CannedResponse>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } response)
        {
            return false;
        }
        (response.Language, response.Title, response.Text, response.UpdatedAt) = (language, title.Trim(), text.Trim(), time.GetUtcNow().UtcDateTime);
        db.Add(Change(response, operatorId, CannedResponseActions.Edit));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DeleteAsync(int id, string operatorId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writing = await DatabaseWriteGate.EnterAsync(contexts, cancellationToken);
        if (await db.Set<CannedResponse>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } response)
        {
            return false;
        }
        db.Remove(response);
        db.Add(Change(response, operatorId, CannedResponseActions.Delete));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The latest changes, newest first.</summary>
    public async Task<IReadOnlyList<CannedResponseChange>> HistoryAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<CannedResponseChange>().AsNoTracking().OrderByDescending(c => c.Id).Take(HistoryLength).ToListAsync(cancellationToken);
    }

    private CannedResponseChange Change(CannedResponse response, string operatorId, string action) => new()
    {
        ResponseId = response.Id,
        OperatorId = operatorId,
        Action = action,
        Language = response.Language,
        Title = response.Title,
        Text = response.Text,
        At = time.GetUtcNow().UtcDateTime,
    };

    /// <summary>What the operator's reply box receives: the operator's name and the contacts filled in.</summary>
    public string Render(CannedResponse response, string operatorName) =>
        renderer.Render(response.Text, knowledge.Current, response.Language).Replace("{name}", operatorName, StringComparison.Ordinal);

    /// <summary>
    /// Contact references that do not exist or are not verified: they would render as nothing, so the editor says so
    /// instead of saving a reply with a hole in it.
    /// </summary>
    public IReadOnlyList<string> UnshowableContacts(string text) =>
        ContactReference().Matches(text).Select(m => m.Groups["key"].Value)
            .Where(key => !knowledge.Current.Contacts.TryGetValue(key, out var contact) || !contact.IsShowable)
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A phone number typed into the text instead of a contact reference.</summary>
    public static bool HasTypedNumber(string text) => PhoneNumbers.Any(ContactReference().Replace(text, ""));

    /// <summary>At start-up, fills an empty table from <c>knowledge/canned-responses.yaml</c>; after that, supervisors own the list.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Set<CannedResponse>().AnyAsync(cancellationToken))
        {
            return;
        }
        var file = Path.Combine(knowledge.Root, SeedFile);
        if (!File.Exists(file))
        {
            LogSeedMissing(logger, file);
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var seeds = Parse(await File.ReadAllTextAsync(file, cancellationToken));
        db.AddRange(seeds.Select(s => new CannedResponse { Language = s.Language, Title = s.Title, Text = s.Text, UpdatedAt = now }));
        using var writing = await DatabaseWriteGate.EnterAsync(contexts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        LogSeeded(logger, seeds.Count, file);
    }

    /// <summary>The seed file: a list of <c>title</c>/<c>text</c> pairs under each language code.</summary>
    public static IReadOnlyList<(string Language, string Title, string Text)> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new YamlException($"{SeedFile} must map language codes to lists of title and text");
        }
        var seeds = new List<(string, string, string)>();
        foreach (var (key, value) in root.Children)
        {
            if (key is not YamlScalarNode { Value: { } language } || value is not YamlSequenceNode items)
            {
                throw new YamlException(key.Start, key.End, $"{SeedFile}: '{key}' must be a language code with a list of replies");
            }
            foreach (var item in items.Children.OfType<YamlMappingNode>())
            {
                var title = item.Scalar("title");
                var text = item.Scalar("text");
                if (title is null || text is null || title.Length > MaxTitleLength || text.Length > MaxTextLength)
                {
                    throw new YamlException(item.Start, item.End, $"{SeedFile}: every reply needs a title (≤ {MaxTitleLength}) and a text (≤ {MaxTextLength})");
                }
                seeds.Add((language, title, text));
            }
        }
        return seeds;
    }

    [GeneratedRegex(@"\{\{contact:(?<key>[a-z0-9.\-]+)\}\}")]
    private static partial Regex ContactReference();

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} canned responses from {File}")]
    private static partial void LogSeeded(ILogger logger, int count, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No canned responses seeded: {File} not found")]
    private static partial void LogSeedMissing(ILogger logger, string file);
}
