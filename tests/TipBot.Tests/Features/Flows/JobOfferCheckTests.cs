using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Flows;

public sealed class JobOfferCheckTests
{
    [Fact]
    public async Task A_typed_yes_answers_the_check_only_right_after_its_question()
    {
        await using var factory = new TipBotFactory();
        var user = factory.Conversation();
        await user.SayAsync("check a job offer");
        await user.SayAsync("what must a work contract say");

        var afterInterruption = await user.SayAsync("yes");
        var continued = await user.SayAsync("check a job offer");

        Assert.DoesNotContain(afterInterruption, reply => reply.Text.Contains("(2 of 6)", StringComparison.Ordinal));
        Assert.Contains("(1 of 6)", continued[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_survives_a_restart_between_two_answers()
    {
        using var data = new TempDirectory();
        var conversationId = "offer-" + Guid.NewGuid().ToString("N");
        await using (var before = new TipBotFactory(data.Path))
        {
            var user = before.Conversation(conversationId);
            await user.SayAsync("check a job offer");
            await user.SayAsync("yes");
        }

        await using var after = new TipBotFactory(data.Path);
        var replies = await after.Conversation(conversationId).SayAsync("no");

        Assert.Contains("(3 of 6)", replies[^1].Text, StringComparison.Ordinal);
    }
}
