using System.Globalization;
using Markdig;

namespace TipBot.Features.Conversations;

/// <summary>
/// <c>chat [--lang en] [--debug]</c>: talk to the real pipeline in a terminal, for content editors.
/// <c>--debug</c> shows the topic, its score and the runner-up for every message, and the safety patterns that counted or
/// were discounted (and why), so an editor can see why a message was or was not urgent.
/// </summary>
public static class ChatCommand
{
    public static async Task<int> RunAsync(InProcessAdapter adapter, IReadOnlyList<string> args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var language = args.SkipWhile(a => a != "--lang").Skip(1).FirstOrDefault();
        var debug = args.Contains("--debug");
        var conversationId = "chat-" + Guid.NewGuid().ToString("N");
        output.WriteLine("TipBot chat. Type a message and press Enter; 'menu' shows the menu; Ctrl-D or 'quit' ends.");

        while (!cancellationToken.IsCancellationRequested)
        {
            output.Write("> ");
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null || line.Trim() is "quit" or "exit")
            {
                return 0;
            }
            var (replies, outcome) = await adapter.ProcessAsync(InProcessAdapter.Message(conversationId, line, language), cancellationToken);
            if (debug && outcome is not null)
            {
                var best = outcome.Best;
                var runnerUp = outcome.Ranking.RunnerUp;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  [topic {outcome.TopicId} ({outcome.Ranking.Verdict}) score {best?.Score:F3} | runner-up {runnerUp?.TopicId ?? "-"} {runnerUp?.Score:F3} | safety {outcome.Safety.Level} {string.Join(',', outcome.Safety.Signals)} | lang {outcome.Language}]"));
                if (outcome.Safety.Patterns.Count + outcome.Safety.Discounted.Count > 0)
                {
                    output.WriteLine($"  [safety patterns: {string.Join(", ", outcome.Safety.Patterns)}; discounted: {string.Join(", ", outcome.Safety.Discounted)}]");
                }
                if (!outcome.Entities.IsEmpty)
                {
                    output.WriteLine($"  [entities: money {string.Join(", ", outcome.Entities.Money)}; ages {string.Join(", ", outcome.Entities.Ages)}; phone numbers {outcome.Entities.PhoneNumbers.Count}; durations {string.Join(", ", outcome.Entities.Durations)}]");
                }
            }
            foreach (var reply in replies)
            {
                output.WriteLine(Markdown.ToPlainText(reply.Text ?? "").TrimEnd());
                if (reply.SuggestedActions?.Actions is { Count: > 0 } actions)
                {
                    output.WriteLine("  " + string.Join("  ", actions.Select((a, i) => $"[{i + 1}] {a.Title}")));
                }
                output.WriteLine();
            }
        }
        return 0;
    }
}
