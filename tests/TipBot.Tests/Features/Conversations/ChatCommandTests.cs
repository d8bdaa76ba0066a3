using TipBot.Features.Conversations;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Conversations;

public sealed class ChatCommandTests(TipBotFactory factory) : IClassFixture<TipBotFactory>
{
    [Fact]
    public async Task Chat_answers_each_line_and_shows_buttons_as_numbers()
    {
        var output = new StringWriter();

        var exit = await ChatCommand.RunAsync(factory.Adapter, [], new StringReader("menu\nquit\n"), output, CancellationToken.None);

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("[1] ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[topic", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_debug_shows_topic_score_and_runner_up()
    {
        var output = new StringWriter();

        await ChatCommand.RunAsync(factory.Adapter, ["--debug"], new StringReader("my boss took my passport and will not give it back\n"), output, CancellationToken.None);

        var text = output.ToString();
        Assert.Contains("[topic passport-confiscation", text, StringComparison.Ordinal);
        Assert.Contains("score 0.", text, StringComparison.Ordinal);
        Assert.Contains("runner-up ", text, StringComparison.Ordinal);
    }
}
