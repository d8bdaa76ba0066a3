using TipBot.Features.Knowledge;

namespace TipBot.Features.Understanding;

/// <summary>
/// Which of the knowledge base's languages a message is written in: a naive Bayes model over the character 1-3-grams of
/// each word, learnt from that language's example phrasings and answers. It replaced SearchPioneer.Lingua for English vs
/// Sesotho: Lingua's two models held ~39 MB of heap for the life of the process and allocated ~100 KB a message, this
/// model holds ~1 MB and allocates nothing; on the dev set and the held-out sets it decides as well (bench/README.md,
/// "Language detection without Lingua"). Immutable, thread-safe.
/// </summary>
public sealed class WrittenLanguageModel
{
    private const int MaxGram = 3;

    /// <summary>Words longer than this (pasted links, keyboard mash) are not scored: they say nothing about a language.</summary>
    private const int MaxWordLength = 40;

    // Add-half smoothing: an n-gram a language's texts never use still gets some probability, so one typo cannot veto it.
    private const double Smoothing = 0.5;

    private readonly string[] _languages;
    private readonly Dictionary<string, float[]>.AlternateLookup<ReadOnlySpan<char>> _logProbabilities;
    private readonly float[] _unseen;

    public WrittenLanguageModel(IEnumerable<(string Language, string Text)> texts)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (language, text) in texts)
        {
            if (!counts.TryGetValue(language, out var grams))
            {
                counts[language] = grams = new Dictionary<string, int>(StringComparer.Ordinal);
            }
            ForEachGram(TextNormalizer.Normalize(text), grams, static (gram, grams) =>
            {
                var lookup = grams.GetAlternateLookup<ReadOnlySpan<char>>();
                lookup[gram] = lookup.TryGetValue(gram, out var count) ? count + 1 : 1;
            });
        }

        _languages = [.. counts.Keys.Order(StringComparer.Ordinal)];
        var vocabulary = counts.Values.SelectMany(g => g.Keys).ToHashSet(StringComparer.Ordinal);
        var denominators = _languages.Select(l => counts[l].Values.Sum() + Smoothing * vocabulary.Count).ToArray();
        _unseen = [.. denominators.Select(d => (float)Math.Log(Smoothing / d))];
        var logProbabilities = new Dictionary<string, float[]>(vocabulary.Count, StringComparer.Ordinal);
        foreach (var gram in vocabulary)
        {
            logProbabilities[gram] = [.. _languages.Select((l, i) => (float)Math.Log((counts[l].GetValueOrDefault(gram) + Smoothing) / denominators[i]))];
        }
        _logProbabilities = logProbabilities.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The languages it tells apart, in a stable order.</summary>
    public IReadOnlyList<string> Languages => _languages;

    /// <summary>Learnt from every topic entry's title, example phrasings and answer, by the entry's language.</summary>
    public static WrittenLanguageModel From(KnowledgeBase knowledge) =>
        new(knowledge.Entries.SelectMany(e => e.Examples.Append(e.Title).Append(e.Answer).Append(e.More ?? "").Select(text => (e.Language, text))));

    /// <summary>
    /// The most likely language of a normalised message (<see cref="TextNormalizer"/>), null when it has no letters; and the
    /// share of its words (three letters or more) that, each on its own, read as another language than those words as a
    /// whole: 0 for a message in one language, towards 0.5 for one that mixes two evenly. One pass over the n-grams.
    /// </summary>
    public WrittenLanguage Read(string normalized)
    {
        if (_languages.Length == 0 || !normalized.AsSpan().ContainsAnyExcept(NotLetters))
        {
            return default;
        }
        Span<double> all = stackalloc double[_languages.Length];
        Span<double> longWords = stackalloc double[_languages.Length];
        Span<double> word = stackalloc double[_languages.Length];
        Span<int> wordsFor = stackalloc int[_languages.Length];
        all.Clear();
        longWords.Clear();
        wordsFor.Clear();
        var counted = 0;
        foreach (var range in normalized.AsSpan().Split(' '))
        {
            var text = normalized.AsSpan(range);
            if (text.IsEmpty || text.Length > MaxWordLength)
            {
                continue;
            }
            word.Clear();
            ForEachGramOfWord(text, new Scoring(this, word), static (gram, scoring) => scoring.Add(gram));
            Add(all, word);
            if (text.Length >= 3 && text.ContainsAnyExcept(NotLetters))
            {
                Add(longWords, word);
                wordsFor[Best(word)]++;
                counted++;
            }
        }
        var mixedShare = counted == 0 || _languages.Length < 2 ? 0 : (counted - wordsFor[Best(longWords)]) / (double)counted;
        return new(_languages[Best(all)], mixedShare);
    }

    private static void Add(Span<double> total, ReadOnlySpan<double> word)
    {
        for (var i = 0; i < total.Length; i++)
        {
            total[i] += word[i];
        }
    }

    private static int Best(ReadOnlySpan<double> scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            best = scores[i] > scores[best] ? i : best;
        }
        return best;
    }

    private static readonly System.Buffers.SearchValues<char> NotLetters = System.Buffers.SearchValues.Create(" 0123456789");

    /// <summary>Sums each language's log-probabilities of a message's n-grams.</summary>
    private readonly ref struct Scoring
    {
        private readonly WrittenLanguageModel _model;
        private readonly Span<double> _scores;

        public Scoring(WrittenLanguageModel model, Span<double> scores)
        {
            _model = model;
            _scores = scores;
        }

        public void Add(ReadOnlySpan<char> gram)
        {
            var probabilities = _model._logProbabilities.TryGetValue(gram, out var known) ? known : _model._unseen;
            for (var i = 0; i < _scores.Length; i++)
            {
                _scores[i] += probabilities[i];
            }
        }
    }

    private delegate void GramAction<TState>(ReadOnlySpan<char> gram, TState state) where TState : allows ref struct;

    /// <summary>Calls <paramref name="action"/> with every 1-, 2- and 3-gram of each word padded with a space on both sides.</summary>
    private static void ForEachGram<TState>(string normalized, TState state, GramAction<TState> action) where TState : allows ref struct
    {
        foreach (var range in normalized.AsSpan().Split(' '))
        {
            var word = normalized.AsSpan(range);
            if (!word.IsEmpty && word.Length <= MaxWordLength)
            {
                ForEachGramOfWord(word, state, action);
            }
        }
    }

    private static void ForEachGramOfWord<TState>(ReadOnlySpan<char> word, TState state, GramAction<TState> action) where TState : allows ref struct
    {
        Span<char> padded = stackalloc char[MaxWordLength + 2];
        padded[0] = ' ';
        word.CopyTo(padded[1..]);
        padded[word.Length + 1] = ' ';
        var length = word.Length + 2;
        for (var n = 1; n <= MaxGram; n++)
        {
            for (var start = 0; start + n <= length; start++)
            {
                action(padded.Slice(start, n), state);
            }
        }
    }
}

/// <param name="Language">The most likely language; null when the text has no letters.</param>
/// <param name="MixedShare">The share of its words that read as another language (see <see cref="WrittenLanguageModel.Read"/>).</param>
public readonly record struct WrittenLanguage(string? Language, double MixedShare);
