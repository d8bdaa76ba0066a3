using Microsoft.Extensions.Options;
using TipBot.Features.Safety;

namespace TipBot.Features.Knowledge;

/// <summary>Holds the knowledge base the bot answers from; loaded once at startup.</summary>
public sealed partial class KnowledgeStore(IOptions<KnowledgeOptions> options, ILogger<KnowledgeStore> logger)
{
    private KnowledgeBase? _current;

    public bool IsReady => _current is not null;

    public KnowledgeBase Current => _current ?? throw new InvalidOperationException("The knowledge base has not been loaded yet.");

    public string Root => options.Value.ResolvePath();

    /// <summary>
    /// Loads the knowledge base. An error in a topic costs that answer; an error in the safety rules would silently drop
    /// the patterns of a whole file (an invalid YAML line loses them all), so the bot refuses to start on one instead.
    /// </summary>
    /// <exception cref="InvalidOperationException">The safety rules have errors (each is in the message, with file and line).</exception>
    public KnowledgeLoadResult Load()
    {
        var result = KnowledgeLoader.Load(Root, proveLinearSafetyPatterns: false);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var safetyFolder = Path.Combine(Path.GetFullPath(result.Root), SafetyRulesLoader.Folder) + Path.DirectorySeparatorChar;
        var safetyErrors = errors.Where(d => Path.GetFullPath(d.File).StartsWith(safetyFolder, StringComparison.Ordinal)).ToList();
        if (safetyErrors.Count > 0)
        {
            throw new InvalidOperationException("The safety rules have errors; TipBot does not run without all of them. Fix them ('knowledge check' lists them):"
                + Environment.NewLine + string.Join(Environment.NewLine, safetyErrors));
        }
        if (errors.Count > 0)
        {
            LogLoadedWithErrors(logger, errors.Count, result.Root);
        }
        _current = result.Knowledge;
        LogLoaded(logger, result.Knowledge.TopicIds.Count, result.Knowledge.Entries.Count, result.Root);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base loaded: {TopicCount} topics, {EntryCount} entries from {Root}")]
    private static partial void LogLoaded(ILogger logger, int topicCount, int entryCount, string root);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge base has {ErrorCount} errors; run 'knowledge check' ({Root})")]
    private static partial void LogLoadedWithErrors(ILogger logger, int errorCount, string root);
}
