using TipBot.Features.Conversations;
using TipBot.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace TipBot.Tests.Transcripts;

/// <summary>
/// Conversations as data: every Transcripts/*.yaml is a list of steps, each a user message and what the bot must do:
/// <c>topic</c>, <c>contains</c> (all of these texts), <c>buttons</c> (at least these), <c>urgent</c>. Each file runs in a
/// fresh conversation through the host's in-process adapter (same bot, state and transcript as /api/messages).
/// </summary>
public sealed class TranscriptTests(TipBotFactory factory) : IClassFixture<TipBotFactory>
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Transcripts");
    private static readonly HashSet<string> Keys = ["user", "topic", "contains", "buttons", "urgent"];

    public static TheoryData<string> Files() =>
        new(Directory.EnumerateFiles(Folder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Fact]
    public void There_are_at_least_six_transcripts()
    {
        Assert.True(Files().Count >= 6, $"{Files().Count} transcripts in {Folder}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Transcript_plays_as_written(string file)
    {
        var steps = Read(Path.Combine(Folder, file));
        var conversationId = "transcript-" + Guid.NewGuid().ToString("N");

        foreach (var step in steps)
        {
            var (replies, outcome) = await factory.Adapter.ProcessAsync(InProcessAdapter.Message(conversationId, step.User, "en"));
            var where = $"{file}:{step.Line} (\"{step.User}\")";
            Assert.True(replies.Count > 0, $"{where}: no reply");
            Assert.True(outcome is not null, $"{where}: the turn decided nothing");
            var text = replies.AllText();
            var buttons = replies.SelectMany(r => r.Buttons()).ToList();

            if (step.Topic is not null)
            {
                Assert.True(step.Topic == outcome.TopicId, $"{where}: topic {outcome.TopicId} ({outcome.Ranking.Verdict}), expected {step.Topic}\n{text}");
            }
            foreach (var expected in step.Contains)
            {
                Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{where}: reply lacks \"{expected}\":\n{text}");
            }
            foreach (var expected in step.Buttons)
            {
                Assert.True(buttons.Contains(expected), $"{where}: no button \"{expected}\" in [{string.Join(", ", buttons)}]");
            }
            if (step.Urgent is { } urgent)
            {
                Assert.True(urgent == outcome.Urgent, $"{where}: urgent {outcome.Urgent}, expected {urgent}");
            }
        }
    }

    private sealed record Step(int Line, string User, string? Topic, IReadOnlyList<string> Contains, IReadOnlyList<string> Buttons, bool? Urgent);

    private static List<Step> Read(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }
        var list = Assert.IsType<YamlSequenceNode>(yaml.Documents[0].RootNode);
        var steps = new List<Step>();
        foreach (var node in list.Children)
        {
            var map = Assert.IsType<YamlMappingNode>(node);
            var line = (int)map.Start.Line;
            var keys = map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();
            Assert.True(keys.All(Keys.Contains), $"{path}:{line}: unknown key in [{string.Join(", ", keys)}]");
            Assert.True(keys.Count > 1, $"{path}:{line}: a step must expect something");

            string? Scalar(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
            IReadOnlyList<string> List(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var value)
                ? ((YamlSequenceNode)value).Children.Select(c => ((YamlScalarNode)c).Value!).ToList()
                : [];

            var user = Scalar("user");
            Assert.False(string.IsNullOrEmpty(user), $"{path}:{line}: a step needs 'user'");
            steps.Add(new Step(line, user, Scalar("topic"), List("contains"), List("buttons"), Scalar("urgent") is { } urgent ? bool.Parse(urgent) : null));
        }
        Assert.NotEmpty(steps);
        return steps;
    }
}
