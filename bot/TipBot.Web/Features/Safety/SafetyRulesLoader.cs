using System.Collections.Frozen;
using System.Text.RegularExpressions;
using TipBot.Features.Knowledge;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TipBot.Features.Safety;

/// <summary>
/// Reads <c>knowledge/safety/</c>: <c>signals.yaml</c> (the signals, their level, kind and red flags, and
/// which topics are signals) and one pattern file per language. A pattern that does not compile, names an
/// unknown signal or has no examples is left out and reported with its file and line; loading never throws.
/// Whether each example behaves as declared is checked by <see cref="SafetyRulesChecker"/>.
/// </summary>
public static partial class SafetyRulesLoader
{
    public const string Folder = "safety";
    public const string SignalsFile = "signals.yaml";

    /// <summary>How long an expression may be once its {words} are filled in; a longer one is hard to review.</summary>
    private const int MaxPatternChars = 6000;

    private static readonly string[] CueKinds = ["negation", "not_negation", "past", "past_tense", "safe_now", "hypothetical", "just_asking", "discussion", "present", "not_present", "negation_ends", "reported_speech", "got_away"];

    private sealed record LanguageFile(string Code, string File, YamlMappingNode Map, IReadOnlyDictionary<string, IReadOnlyList<string>> Cues, IReadOnlyList<string> SwitchesWith, IReadOnlyDictionary<string, string> Words);

    /// <param name="outOfScope">Messages nothing in the knowledge base answers (weather, football): calm for the urgency model too.</param>
    public static SafetyRules Load(string root, List<KnowledgeDiagnostic> diagnostics, bool proveLinear = true, IReadOnlyList<string>? outOfScope = null)
    {
        var dir = Path.Combine(root, Folder);
        var signalsFile = Path.Combine(dir, SignalsFile);
        if (!File.Exists(signalsFile))
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, signalsFile, 0, "safety signals file not found: without it no message is ever recognised as dangerous"));
            return SafetyRules.Empty;
        }
        if (Read(signalsFile, diagnostics) is not { } signalsMap)
        {
            return SafetyRules.Empty;
        }
        var signals = LoadSignals(signalsFile, signalsMap, diagnostics);
        var topics = new Dictionary<string, string>(StringComparer.Ordinal);
        if (signalsMap.Get("topics") is YamlMappingNode topicMap)
        {
            foreach (var (key, value) in topicMap.Children)
            {
                if (key is YamlScalarNode { Value: { } topic } && value is YamlScalarNode { Value: { } signal })
                {
                    if (!signals.ContainsKey(signal))
                    {
                        diagnostics.Add(new(DiagnosticSeverity.Error, signalsFile, Line(value), $"topic '{topic}' names unknown signal '{signal}'"));
                        continue;
                    }
                    topics[topic] = signal;
                }
            }
        }
        var calmTopics = new HashSet<string>(StringComparer.Ordinal);
        if (signalsMap.Get("calm_topics") is YamlSequenceNode calmList)
        {
            foreach (var item in calmList.Children)
            {
                if (item is YamlScalarNode { Value: { Length: > 0 } topic })
                {
                    calmTopics.Add(topic);
                }
                else
                {
                    diagnostics.Add(new(DiagnosticSeverity.Error, signalsFile, Line(item), "calm_topics lists topic ids"));
                }
            }
        }

        var proof = new NonBacktrackingProof();
        var files = new List<LanguageFile>();
        var spellings = new Dictionary<string, (string Written, string File)>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(dir, "*.yaml").Where(f => Path.GetFileName(f) != SignalsFile).Order(StringComparer.Ordinal))
        {
            if (Read(file, diagnostics) is not { } map)
            {
                continue;
            }
            var code = Path.GetFileNameWithoutExtension(file);
            if (map.Scalar("lang") is { } lang && lang != code)
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, file, Line(map.Get("lang")), $"lang '{lang}' does not match the file name"));
            }
            var words = new Dictionary<string, string>(StringComparer.Ordinal) { [PastYearWord] = PastYears(DateTime.UtcNow.Year) };
            if (map.Get("words") is YamlMappingNode wordMap)
            {
                foreach (var (key, value) in wordMap.Children)
                {
                    if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode { Value: { } fragment })
                    {
                        words[name] = Expand(fragment, words);
                    }
                }
            }
            LoadSpellings(map, file, spellings, diagnostics);
            var cues = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (map.Get("cues") is YamlMappingNode cueMap)
            {
                foreach (var (key, value) in cueMap.Children)
                {
                    var kind = (key as YamlScalarNode)?.Value ?? "";
                    if (!CueKinds.Contains(kind))
                    {
                        diagnostics.Add(new(DiagnosticSeverity.Error, file, Line(key), $"unknown cue kind '{kind}' (known: {string.Join(", ", CueKinds)})"));
                        continue;
                    }
                    var valid = new List<string>();
                    foreach (var item in value is YamlSequenceNode seq ? seq.Children.OfType<YamlScalarNode>() : [])
                    {
                        if (item.Value is { Length: > 0 } raw && Expand(raw, words) is var cue && Compile(Wrap(cue), file, Line(item), $"cue '{kind}'", proof, diagnostics) is not null)
                        {
                            valid.Add(cue);
                        }
                    }
                    cues[kind] = valid;
                }
            }
            files.Add(new LanguageFile(code, file, map, cues, map.Strings("code_switches_with"), words));
        }

        var byCode = files.ToDictionary(f => f.Code, StringComparer.Ordinal);
        var languages = new List<SafetyLanguage>();
        foreach (var file in files)
        {
            foreach (var other in file.SwitchesWith.Where(o => !byCode.ContainsKey(o)))
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, file.File, Line(file.Map.Get("code_switches_with")), $"code_switches_with names '{other}', which has no pattern file"));
            }
            var merged = CueKinds.ToDictionary(k => k, k => file.SwitchesWith.Where(byCode.ContainsKey).Select(o => byCode[o]).Prepend(file)
                .SelectMany(f => f.Cues.GetValueOrDefault(k) ?? []).Distinct(StringComparer.Ordinal).ToArray());
            var cues = new SafetyCues(
                CueRegex(merged["negation"]), CueRegex(merged["not_negation"]), CueRegex(merged["past"]), CueRegex(merged["past_tense"]), CueRegex(merged["safe_now"]),
                CueRegex(merged["hypothetical"]), CueRegex(merged["just_asking"]), CueRegex(merged["discussion"]), CueRegex(merged["present"]), CueRegex(merged["not_present"]),
                CueRegex(merged["negation_ends"]), CueRegex(merged["reported_speech"]), CueRegex(merged["got_away"]));

            var ages = new List<SafetyRegex>();
            if (file.Map.Get("ages") is YamlSequenceNode ageList)
            {
                foreach (var node in ageList.Children.OfType<YamlScalarNode>())
                {
                    if (Compile(Wrap(Expand(node.Value ?? "", file.Words)), file.File, Line(node), "age phrasing", proof, diagnostics) is { } age)
                    {
                        if (Array.IndexOf(age.Engine.GetGroupNames(), "age") < 0)
                        {
                            diagnostics.Add(new(DiagnosticSeverity.Error, file.File, Line(node), "an age phrasing needs a group named age, e.g. (?<age>\\d{1,2})"));
                            continue;
                        }
                        ages.Add(age);
                    }
                }
            }

            var patterns = LoadPatterns(file, signals, proof, diagnostics);
            languages.Add(new SafetyLanguage(file.Code, file.File, cues, patterns, ages));
        }
        if (proveLinear)
        {
            // Checked with the proof, at `knowledge check` only: a stranded space loses some matches, not the pattern, and a
            // serving bot refuses to start on any safety error, which would lose them all.
            foreach (var (source, file, line, what) in proof.Expressions)
            {
                if (ExpressionSpacing.Problem(source) is { } spacing)
                {
                    diagnostics.Add(new(DiagnosticSeverity.Error, file, line, $"{what}: {spacing}"));
                }
            }
            proof.Verify(diagnostics);
        }
        if (!signals.ContainsKey(SafetyRules.ReadsUrgentSignal))
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, signalsFile, 0, $"signal '{SafetyRules.ReadsUrgentSignal}' is missing: the urgency examples could raise nothing"));
        }
        return new SafetyRules(signals, languages, topics)
        {
            Urgency = LoadUrgency(dir, diagnostics, outOfScope ?? []),
            CalmTopics = calmTopics.ToFrozenSet(StringComparer.Ordinal),
            Spellings = spellings.ToFrozenDictionary(s => s.Key, s => s.Value.Written, StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// A file's <c>spellings:</c> (one normalised word → the words patterns are written with). They apply to every message
    /// whatever its language, so two files may not spell one word differently.
    /// </summary>
    private static void LoadSpellings(YamlMappingNode map, string file, Dictionary<string, (string Written, string File)> spellings, List<KnowledgeDiagnostic> diagnostics)
    {
        if (map.Get("spellings") is not YamlMappingNode spellingMap)
        {
            return;
        }
        foreach (var (key, value) in spellingMap.Children)
        {
            var word = (key as YamlScalarNode)?.Value ?? "";
            var written = (value as YamlScalarNode)?.Value ?? "";
            if (word.Length == 0 || word.Contains(' ', StringComparison.Ordinal) || SafetyText.Normalize(word) != word || written.Length == 0 || SafetyText.Normalize(written) != written)
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, file, Line(key), $"spelling '{word}: {written}' must map one lower-case word without punctuation to lower-case words"));
            }
            else if (spellings.TryGetValue(word, out var earlier) && earlier.Written != written)
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, file, Line(key), $"spelling '{word}' is already written '{earlier.Written}' in {Path.GetFileName(earlier.File)}"));
            }
            else
            {
                spellings[word] = (written, file);
            }
        }
    }

    /// <summary><see cref="UrgencyModel"/>'s examples; null (and an error) when the file is missing or a label has too few.</summary>
    private static UrgencyModel? LoadUrgency(string dir, List<KnowledgeDiagnostic> diagnostics, IReadOnlyList<string> outOfScope)
    {
        var file = Path.Combine(dir, UrgencyModel.Folder, UrgencyModel.File);
        if (!File.Exists(file))
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, file, 0, "urgency examples not found: danger told in other words than the patterns' would go unnoticed"));
            return null;
        }
        if (Read(file, diagnostics) is not { } map)
        {
            return null;
        }
        if (!DateOnly.TryParseExact(map.Scalar("reviewed_on"), "yyyy-MM-dd", out _))
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, file, Line(map), "missing or malformed 'reviewed_on' (yyyy-MM-dd)"));
        }
        var urgent = map.Strings(UrgencyModel.Urgent).Distinct(StringComparer.Ordinal).ToList();
        var calm = map.Strings(UrgencyModel.Calm).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (label, examples) in new[] { (UrgencyModel.Urgent, urgent), (UrgencyModel.Calm, calm) })
        {
            if (examples.Count < UrgencyModel.MinExamples)
            {
                var key = map.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == label);
                diagnostics.Add(new(DiagnosticSeverity.Error, file, Line(key ?? (YamlNode)map), $"'{label}' has {examples.Count} examples; at least {UrgencyModel.MinExamples} are needed"));
            }
        }
        return urgent.Count >= UrgencyModel.MinExamples && calm.Count >= UrgencyModel.MinExamples
            ? new UrgencyModel(urgent, calm.Concat(outOfScope).Distinct(StringComparer.Ordinal).ToList())
            : null;
    }

    private static Dictionary<string, SignalDefinition> LoadSignals(string file, YamlMappingNode map, List<KnowledgeDiagnostic> diagnostics)
    {
        var signals = new Dictionary<string, SignalDefinition>(StringComparer.Ordinal);
        if (map.Get("signals") is not YamlSequenceNode list)
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, file, 1, "missing 'signals' list"));
            return signals;
        }
        foreach (var item in list.Children.OfType<YamlMappingNode>())
        {
            var line = Line(item);
            var id = item.Scalar("id");
            if (id is null)
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, file, line, "a signal needs an 'id'"));
                continue;
            }
            if (!Enum.TryParse<SafetyLevel>(item.Scalar("level"), ignoreCase: true, out var level))
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, file, line, $"signal '{id}' needs a level: none, concern or urgent"));
                continue;
            }
            if (!Enum.TryParse<SignalKind>(item.Scalar("kind"), ignoreCase: true, out var kind))
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, file, line, $"signal '{id}' needs a kind: danger, exploitation or escalator"));
                continue;
            }
            var outlastsEscape = item.Scalar("outlasts_escape");
            if (outlastsEscape is not (null or "true" or "false"))
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, file, line, $"signal '{id}': outlasts_escape is true or false, not '{outlastsEscape}'"));
            }
            var flags = item.Strings("red_flags");
            foreach (var flag in flags.Where(f => !RedFlags.All.Contains(f)))
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, file, Line(item.Get("red_flags")), $"signal '{id}' names unknown red flag '{flag}' (the ILO indicators: {string.Join(", ", RedFlags.All)})"));
            }
            if (!signals.TryAdd(id, new SignalDefinition(id, level, kind, flags.Where(RedFlags.All.Contains).ToArray()) { OutlastsEscape = outlastsEscape == "true" }))
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, file, line, $"signal '{id}' is defined twice"));
            }
        }
        if (!signals.ContainsKey(SafetyRules.MinorSignal))
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, file, 1, $"the '{SafetyRules.MinorSignal}' signal (an age under 18) must be defined"));
        }
        return signals;
    }

    private static List<SafetyPattern> LoadPatterns(LanguageFile file, Dictionary<string, SignalDefinition> signals, NonBacktrackingProof proof, List<KnowledgeDiagnostic> diagnostics)
    {
        var patterns = new List<SafetyPattern>();
        if (file.Map.Get("patterns") is not YamlSequenceNode list)
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, file.File, 1, "missing 'patterns' list"));
            return patterns;
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Children.OfType<YamlMappingNode>())
        {
            var line = Line(item);
            void Error(YamlNode? node, string reason) => diagnostics.Add(new(DiagnosticSeverity.Error, file.File, node is null ? line : Line(node), reason));

            var id = item.Scalar("id");
            if (id is null)
            {
                Error(null, "a pattern needs an 'id'");
                continue;
            }
            if (!ids.Add(id))
            {
                Error(item.Get("id"), $"pattern '{id}' is defined twice");
            }
            var signalId = item.Scalar("signal");
            if (signalId is null || !signals.TryGetValue(signalId, out var signal))
            {
                Error(item.Get("signal"), $"pattern '{id}' names unknown signal '{signalId}' (see {SignalsFile})");
                continue;
            }
            var level = signal.Level;
            if (item.Scalar("level") is { } levelText && !Enum.TryParse(levelText, ignoreCase: true, out level))
            {
                Error(item.Get("level"), $"pattern '{id}' has level '{levelText}'; use none, concern or urgent");
                continue;
            }
            var source = item.Scalar("regex") is { } written ? Expand(written, file.Words) : null;
            if (source is null)
            {
                Error(null, $"pattern '{id}' needs a 'regex'");
                continue;
            }
            if (Lint(source) is { } problem)
            {
                Error(item.Get("regex"), $"pattern '{id}': {problem}");
                continue;
            }
            if (Compile(Wrap(source), file.File, Line(item.Get("regex")!), $"pattern '{id}'", proof, diagnostics) is not { } regex)
            {
                continue;
            }
            SafetyRegex? unless = null;
            if (item.Scalar("unless") is { } unlessWritten && Expand(unlessWritten, file.Words) is var unlessSource
                && (unless = Compile(Wrap(unlessSource), file.File, Line(item.Get("unless")!), $"pattern '{id}' unless", proof, diagnostics)) is null)
            {
                continue;
            }

            var positive = Examples(item.Get("positive"));
            var negative = Examples(item.Get("negative"));
            if (positive.Count == 0 || negative.Count == 0)
            {
                Error(null, $"pattern '{id}' needs at least one positive and one negative example");
                continue;
            }
            patterns.Add(new SafetyPattern($"{file.Code}.{id}", file.Code, signal, level,
                Flag(item, "present"), Flag(item, "conditional"), regex, unless, positive, negative, file.File, line));
        }
        return patterns;
    }

    /// <summary>Mistakes that compile but never match a normalised message.</summary>
    private static string? Lint(string source)
    {
        if (source.Length > MaxPatternChars)
        {
            return $"longer than {MaxPatternChars} characters; split it into several patterns";
        }
        if (WordReference().Match(source) is { Success: true } unknown)
        {
            return $"{unknown.Value} is not defined under 'words:'";
        }
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\\')
            {
                i++;
                continue;
            }
            if (char.IsUpper(c))
            {
                return $"'{c}' is upper case; messages are lower-cased before matching";
            }
            if (c is '\'' or '\u2019')
            {
                return "apostrophes are removed from messages before matching (write \"cant\", \"hell\", \"ntsoere\")";
            }
            if (c > 127 && char.IsLetter(c))
            {
                return $"'{c}' has an accent or is not a plain letter; accents are removed from messages before matching";
            }
        }
        return null;
    }

    private static List<SafetyExample> Examples(YamlNode? node) =>
        node is YamlSequenceNode seq
            ? seq.Children.OfType<YamlScalarNode>().Where(s => !string.IsNullOrWhiteSpace(s.Value)).Select(s => new SafetyExample(s.Value!, Line(s))).ToList()
            : [];

    private static bool Flag(YamlMappingNode map, string key) => string.Equals(map.Scalar(key), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Replaces {name} with the language file's <c>words:</c> entry of that name, as a group, so a list of words
    /// (people, pronouns, vehicles) is written once. {0,3} and other quantifiers have digits and are left alone.
    /// </summary>
    private static string Expand(string source, IReadOnlyDictionary<string, string> words) =>
        source.Contains('{', StringComparison.Ordinal)
            ? WordReference().Replace(source, m => words.TryGetValue(m.Groups[1].Value, out var fragment) ? "(?:" + fragment + ")" : m.Value)
            : source;

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex WordReference();

    /// <summary>
    /// The word every file gets without writing it: a year before this one. "In 2019" is over; "the contract ends in 2027"
    /// is not, and a fixed list of years in the files would turn a future year into the past when the calendar passes it.
    /// </summary>
    private const string PastYearWord = "past_year";

    /// <summary>A pattern of the years 1900 up to the year before <paramref name="thisYear"/> (2026: 19xx, 2000-2019, 2020-2025).</summary>
    internal static string PastYears(int thisYear)
    {
        var last = thisYear - 1;
        var decade = last / 10;
        var earlierDecades = decade % 10 == 0 ? "" : $@"{decade / 10}[0-{decade % 10 - 1}]\d|";
        return $@"19\d\d|{earlierDecades}{decade}[0-{last % 10}]";
    }

    /// <summary>Patterns and cues match whole words: "kill me" must not fire inside "killing me".</summary>
    private static string Wrap(string source) => @"\b(?:" + source + @")\b";

    /// <summary>Runs on the ordinary interpreter, falling back to the linear engine on a timeout (SafetyRegex).</summary>
    private static SafetyRegex Build(string source) => new(source);

    /// <summary>Each cue compiled on its own before, so their alternation does too.</summary>
    private static SafetyRegex? CueRegex(IReadOnlyList<string> items) =>
        items.Count == 0 ? null : Build(Wrap(string.Join('|', items.Select(i => "(?:" + i + ")"))));

    private static SafetyRegex? Compile(string source, string file, int line, string what, NonBacktrackingProof proof, List<KnowledgeDiagnostic> diagnostics)
    {
        try
        {
            var regex = Build(source);
            proof.Add(source, file, line, what);
            return regex;
        }
        catch (ArgumentException e)
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, file, line, $"{what}: invalid regular expression: {e.Message}"));
            return null;
        }
    }

    private static int Line(YamlNode? node) => node is null ? 0 : (int)node.Start.Line;

    private static YamlMappingNode? Read(string file, List<KnowledgeDiagnostic> diagnostics)
    {
        try
        {
            return YamlNodes.LoadMapping(File.ReadAllText(file)) ?? throw new YamlException("the file is empty or not a mapping");
        }
        catch (YamlException e)
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, file, (int)e.Start.Line, $"invalid YAML: {e.Message}"));
            return null;
        }
    }
}
