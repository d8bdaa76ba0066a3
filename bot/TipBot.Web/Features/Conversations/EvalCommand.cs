using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TipBot.Features.Conversations;

/// <summary>
/// <c>eval FILE.jsonl [--json]</c>: runs each labelled line through the real pipeline in a fresh
/// conversation and reports topic accuracy, "none" handling, urgency recall and latency. The JSON
/// shape is a contract: other evaluation sets are run through it.
/// </summary>
public static class EvalCommand
{
    private sealed record Line(string Id, string Lang, string Text, string Topic, bool Urgent);

    private sealed record Result(Line Line, string Predicted, bool PredictedUrgent, string? Language, double Milliseconds)
    {
        public bool Correct => Predicted == Line.Topic;

        /// <summary>A mixed line (English and Sesotho) is answered in its language when it is answered in either.</summary>
        public bool InItsLanguage => Language == Line.Lang || (Line.Lang == MixedLanguage && Language is not null);
    }

    private const string MixedLanguage = "mixed";
    private const int WarmUpPasses = 5;
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(InProcessAdapter adapter, IReadOnlyList<string> warmUp, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (file is null || !File.Exists(file))
        {
            error.WriteLine("usage: eval FILE.jsonl [--json] [--errors]   (file not found: " + (file ?? "none") + ")");
            return 2;
        }
        var lines = Read(file, error);

        // Warm up, untimed, on the knowledge base's own examples (JIT, recognizer regexes, SQLite), so latency describes
        // a running bot rather than its first seconds. One pass was not enough: tiered compilation was still recompiling
        // hundreds of hot methods when the measured lines began, which then ran up to ~1.5x slower, by how much depending
        // on the knowledge base (bench/README.md, "The eval's warm-up").
        for (var pass = 0; pass < WarmUpPasses; pass++)
        {
            foreach (var text in warmUp)
            {
                await adapter.ProcessAsync(InProcessAdapter.Message("eval-warmup-" + Guid.NewGuid().ToString("N"), text, channelId: "eval-warmup"), cancellationToken);
            }
        }

        // What the warm-up left behind is collected now, not by a GC in the middle of the measured lines, and the JIT's
        // background compilations of the hottest methods get a moment to finish.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        await Task.Delay(SettleTime, cancellationToken);

        var results = new List<Result>(lines.Count);
        foreach (var line in lines)
        {
            var activity = InProcessAdapter.Message("eval-" + Guid.NewGuid().ToString("N"), line.Text, channelId: "eval");
            var started = Stopwatch.GetTimestamp();
            var (_, outcome) = await adapter.ProcessAsync(activity, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            results.Add(new Result(line, outcome?.TopicId ?? "none", outcome?.Urgent ?? false, outcome?.Language, elapsed));
        }

        var report = Report(results);
        if (args.Contains("--json"))
        {
            output.WriteLine(report.ToJsonString());
        }
        else
        {
            WriteText(report, results, args.Contains("--errors"), output);
        }
        return 0;
    }

    private static List<Line> Read(string file, TextWriter error)
    {
        var lines = new List<Line>();
        var number = 0;
        foreach (var raw in File.ReadLines(file))
        {
            number++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }
            try
            {
                // "null", numbers and arrays are valid JSON but not lines: skipped like any malformed line.
                var node = JsonNode.Parse(raw) as JsonObject ?? throw new FormatException("not a JSON object");
                var text = (string?)node["text"];
                if (string.IsNullOrEmpty(text))
                {
                    error.WriteLine($"{file}:{number}: skipped, no text");
                    continue;
                }
                var topic = (string?)node["topic"];
                lines.Add(new Line((string?)node["id"] ?? number.ToString(CultureInfo.InvariantCulture), (string?)node["lang"] ?? "unknown", text,
                    string.IsNullOrEmpty(topic) ? "none" : topic, node["urgent"]?.GetValue<bool>() ?? false));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                error.WriteLine($"{file}:{number}: skipped, not a JSON object with text ({e.GetType().Name})");
            }
        }
        return lines;
    }

    private static JsonObject Report(List<Result> results)
    {
        static double Ratio(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);

        var byLang = new JsonObject();
        foreach (var group in results.GroupBy(r => r.Line.Lang).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var urgentLines = group.Count(r => r.Line.Urgent);
            var calmLines = group.Count(r => !r.Line.Urgent);
            byLang[group.Key] = new JsonObject
            {
                ["total"] = group.Count(),
                ["top1"] = Ratio(group.Count(r => r.Correct), group.Count()),
                ["urgent"] = urgentLines,
                ["urgent_recall"] = Ratio(group.Count(r => r.Line.Urgent && r.PredictedUrgent), urgentLines),
                ["false_urgent_rate"] = Ratio(group.Count(r => !r.Line.Urgent && r.PredictedUrgent), calmLines),
                // The share of lines answered in the line's own language (meaningful for the languages TipBot speaks).
                ["language"] = Ratio(group.Count(r => r.InItsLanguage), group.Count()),
            };
        }
        var none = results.Where(r => r.Line.Topic == "none").ToList();
        var urgent = results.Where(r => r.Line.Urgent).ToList();
        var calm = results.Where(r => !r.Line.Urgent).ToList();
        var latencies = results.Select(r => r.Milliseconds).Order().ToArray();
        return new JsonObject
        {
            ["total"] = results.Count,
            ["top1"] = Ratio(results.Count(r => r.Correct), results.Count),
            ["by_lang"] = byLang,
            ["none_accuracy"] = Ratio(none.Count(r => r.Correct), none.Count),
            ["urgent_recall"] = Ratio(urgent.Count(r => r.PredictedUrgent), urgent.Count),
            ["false_urgent_rate"] = Ratio(calm.Count(r => r.PredictedUrgent), calm.Count),
            ["latency_ms"] = new JsonObject
            {
                ["mean"] = latencies.Length == 0 ? 0 : Math.Round(latencies.Average(), 3),
                ["p95"] = latencies.Length == 0 ? 0 : Math.Round(latencies[Math.Max(0, (int)Math.Ceiling(0.95 * latencies.Length) - 1)], 3),
            },
        };
    }

    private static void WriteText(JsonObject report, List<Result> results, bool showErrors, TextWriter output)
    {
        output.WriteLine($"lines: {report["total"]}   top-1: {report["top1"]}   none accuracy: {report["none_accuracy"]}");
        foreach (var (lang, figures) in report["by_lang"]!.AsObject())
        {
            output.WriteLine($"  {lang,-8} {figures!["total"],4} lines   top-1 {figures["top1"]}   urgent recall {figures["urgent_recall"]} ({figures["urgent"]} urgent)   false-urgent {figures["false_urgent_rate"]}   answered in its language {figures["language"]}");
        }
        output.WriteLine($"urgent recall: {report["urgent_recall"]}   false-urgent rate: {report["false_urgent_rate"]}");
        output.WriteLine($"latency ms: mean {report["latency_ms"]!["mean"]}   p95 {report["latency_ms"]!["p95"]}");
        if (showErrors)
        {
            foreach (var miss in results.Where(r => !r.Correct || r.PredictedUrgent != r.Line.Urgent))
            {
                output.WriteLine($"  {miss.Line.Id} [{miss.Line.Lang}] expected {miss.Line.Topic}{(miss.Line.Urgent ? " (urgent)" : "")}, got {miss.Predicted}{(miss.PredictedUrgent ? " (urgent)" : "")}");
            }
        }
    }
}
