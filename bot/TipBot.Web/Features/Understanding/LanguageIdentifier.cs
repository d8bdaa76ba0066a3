using Lingua;

namespace TipBot.Features.Understanding;

/// <summary>
/// Whether a message nothing in the knowledge base matched is written in another language of the region (isiZulu,
/// isiXhosa, Setswana, Afrikaans, Portuguese, French, Shona; Lingua has no Chichewa), with SearchPioneer.Lingua, so
/// the reply can say which languages TipBot speaks. English vs Sesotho is <see cref="WrittenLanguageModel"/>'s work.
/// </summary>
public sealed class LanguageIdentifier
{
    private static readonly Dictionary<Language, string> Codes = new()
    {
        [Language.English] = "en",
        [Language.Sotho] = "st",
        [Language.Zulu] = "zu",
        [Language.Xhosa] = "xh",
        [Language.Tswana] = "tn",
        [Language.Afrikaans] = "af",
        [Language.Portuguese] = "pt",
        [Language.French] = "fr",
        [Language.Shona] = "sn",
    };

    // Low-accuracy mode (trigram models only) for the wide detector: with every n-gram model its nine languages held
    // ~127 MB more heap, loaded in ~2 s on the first message nothing matched; trigrams alone take ~7 MB and ~0.4 s.
    // Measured on the dev lines: the same eval figures, and no English or Sesotho line that fails to match a topic is
    // called another language with the 0.8 confidence that needs.
    private readonly Lazy<LanguageDetector> _regional = new(() => LanguageDetectorBuilder.FromLanguages([.. Codes.Keys]).WithLowAccuracyMode().Build());

    /// <summary>
    /// The region's language the text is clearly written in, or null. Real sentences score ≥ 0.89 for their
    /// language; keyboard mash ("asdkjh qwpeoiu") spreads around 0.5, and must not be called a foreign language.
    /// </summary>
    public string? RegionalLanguage(string text)
    {
        if (!text.Any(char.IsLetter))
        {
            return null;
        }
        var (language, confidence) = OnCallingThread(() => _regional.Value.ComputeLanguageConfidenceValues(text)).MaxBy(c => c.Value);
        return confidence >= MinRegionalConfidence ? Codes.GetValueOrDefault(language) : null;
    }

    private const double MinRegionalConfidence = 0.8;

    /// <summary>
    /// Lingua spreads each detection over the thread pool with Parallel.ForEach, which takes its scheduler from the
    /// current task. On a scheduler that allows one task at a time and runs it at once, the whole loop stays on the
    /// calling thread: a turn already runs on a pool thread, and ~0.1 ms of work is not worth handing to other
    /// threads that concurrent turns need (under load the turn waited for them). Lingua has no option for this.
    /// </summary>
    private static T OnCallingThread<T>(Func<T> detect) =>
        Task.Factory.StartNew(detect, CancellationToken.None, TaskCreationOptions.None, CallingThreadScheduler.Instance).GetAwaiter().GetResult();

    private sealed class CallingThreadScheduler : TaskScheduler
    {
        public static readonly CallingThreadScheduler Instance = new();

        public override int MaximumConcurrencyLevel => 1;

        protected override void QueueTask(Task task) => TryExecuteTask(task);

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => TryExecuteTask(task);

        protected override IEnumerable<Task> GetScheduledTasks() => [];
    }
}
