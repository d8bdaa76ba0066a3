using System.Text.Json;
using TipBot.Features.Conversations;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Conversations;

public sealed class EvalCommandTests(TipBotFactory factory) : IClassFixture<TipBotFactory>
{
    private static readonly string[] Lines =
    [
        """{"id":"en-1","lang":"en","text":"my boss took my passport and won't give it back","topic":"passport-confiscation","urgent":false}""",
        """{"id":"en-2","lang":"en","text":"who won the soccer last night","topic":"none"}""",
        "this line is not json",
        """{"id":"en-3","lang":"en","text":"they locked us in and he says he will kill us","topic":"emergency","urgent":true}""",
        """{"id":"no-text","lang":"en","topic":"greeting"}""",
        "",
        "[1, 2, 3]",
        "null",
        """{"id":"bad-urgent","lang":"en","text":"hello","urgent":"yes"}""",
        """{"id":"bad-text","lang":"en","text":42}""",
        // Labelled wrong on purpose: "hello" is never debt bondage, so Sesotho top-1 must be 0.
        """{"id":"st-1","lang":"st","text":"lumela ntate","topic":"debt-bondage","urgent":false}""",
    ];

    [Fact]
    public async Task Eval_prints_one_JSON_object_with_the_report_keys_and_skips_malformed_lines()
    {
        using var folder = new TempDirectory();
        var file = folder.Combine("small.jsonl");
        await File.WriteAllLinesAsync(file, Lines);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await EvalCommand.RunAsync(factory.Adapter, [], [file, "--json"], output, error, CancellationToken.None);

        Assert.True(exit == 0, error.ToString());
        using var report = JsonDocument.Parse(output.ToString());
        var root = report.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal(["by_lang", "false_urgent_rate", "latency_ms", "none_accuracy", "top1", "total", "urgent_recall"],
            root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        Assert.Equal(4, root.GetProperty("total").GetInt32());
        var byLang = root.GetProperty("by_lang");
        Assert.Equal(["en", "st"], byLang.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(3, byLang.GetProperty("en").GetProperty("total").GetInt32());
        Assert.Equal(1, byLang.GetProperty("st").GetProperty("total").GetInt32());
        Assert.Equal(0, byLang.GetProperty("st").GetProperty("top1").GetDouble());
        Assert.InRange(root.GetProperty("top1").GetDouble(), 0, 0.75);
        Assert.Equal(1, root.GetProperty("none_accuracy").GetDouble());
        Assert.Equal(1, root.GetProperty("urgent_recall").GetDouble());
        Assert.Equal(0, root.GetProperty("false_urgent_rate").GetDouble());
        var latency = root.GetProperty("latency_ms");
        Assert.True(latency.GetProperty("mean").GetDouble() > 0);
        Assert.True(latency.GetProperty("p95").GetDouble() >= latency.GetProperty("mean").GetDouble());

        // Every malformed line is named by its line number; blank lines are skipped quietly.
        var skipped = error.ToString();
        foreach (var line in new[] { 3, 5, 7, 8, 9, 10 })
        {
            Assert.Contains($"small.jsonl:{line}: skipped", skipped, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("small.jsonl:6:", skipped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mixed_line_answered_in_English_or_Sesotho_counts_as_answered_in_its_language()
    {
        using var folder = new TempDirectory();
        var file = folder.Combine("mixed.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"id":"m-1","lang":"mixed","text":"boss o nkile passport ya ka and he wont give it back","topic":"passport-confiscation"}""",
            """{"id":"fr-1","lang":"fr","text":"mon patron a pris mon passeport","topic":"passport-confiscation"}""",
        ]);
        var output = new StringWriter();

        await EvalCommand.RunAsync(factory.Adapter, [], [file, "--json"], output, new StringWriter(), CancellationToken.None);

        var byLang = JsonDocument.Parse(output.ToString()).RootElement.GetProperty("by_lang");
        Assert.Equal(1, byLang.GetProperty("mixed").GetProperty("language").GetDouble());
        Assert.Equal(0, byLang.GetProperty("fr").GetProperty("language").GetDouble());
    }

    [Fact]
    public async Task Eval_without_a_readable_file_prints_usage_and_exits_2()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await EvalCommand.RunAsync(factory.Adapter, [], ["/nonexistent/dev.jsonl", "--json"], output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("usage: eval", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
    }
}
