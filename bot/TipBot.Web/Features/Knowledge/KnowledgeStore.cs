using Microsoft.Extensions.Options;

namespace TipBot.Features.Knowledge;

/// <summary>Holds the knowledge base the bot answers from; loaded once at startup.</summary>
public sealed partial class KnowledgeStore(IOptions<KnowledgeOptions> options, ILogger<KnowledgeStore> logger)
{
    private KnowledgeBase? _current;

    public bool IsReady => _current is not null;

    public KnowledgeBase Current => _current ?? throw new InvalidOperationException("The knowledge base has not been loaded yet.");

    public string Root => options.Value.ResolvePath();

    public KnowledgeLoadResult Load()
    {
        var result = KnowledgeLoader.Load(Root, proveLinearSafetyPatterns: false);
        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        if (errors > 0)
        {
            LogLoadedWithErrors(logger, errors, result.Root);
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
