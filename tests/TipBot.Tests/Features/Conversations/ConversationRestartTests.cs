using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Knowledge;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Conversations;

public sealed class ConversationRestartTests
{
    [Fact]
    public async Task Conversation_state_survives_a_restart_on_the_same_data_folder()
    {
        using var data = new TempDirectory();
        var conversationId = "restart-" + Guid.NewGuid().ToString("N");

        await using (var before = new TipBotFactory(data.Path))
        {
            var bot = before.Conversation(conversationId);
            await bot.SayAsync("hello");
            await bot.SayAsync("menu");
        }

        await using var after = new TipBotFactory(data.Path);
        var replies = await after.Conversation(conversationId).SayAsync("2");

        var knowledge = after.Services.GetRequiredService<KnowledgeStore>().Current;
        var expected = after.Services.GetRequiredService<AnswerRenderer>().Render(knowledge.Find(knowledge.Menu[1], "en")!.Answer, knowledge, "en");
        Assert.Equal(expected, replies[^1].Text);
    }

    [Fact]
    public async Task A_chosen_language_survives_a_restart()
    {
        using var data = new TempDirectory();
        var conversationId = "restart-lang-" + Guid.NewGuid().ToString("N");

        await using (var before = new TipBotFactory(data.Path))
        {
            await before.Conversation(conversationId).SayAsync("sesotho");
        }

        await using var after = new TipBotFactory(data.Path);
        var replies = await after.Conversation(conversationId).SayAsync("menu");

        var sesotho = after.Services.GetRequiredService<KnowledgeStore>().Current.Strings("st");
        Assert.StartsWith(sesotho["menu.intro"], replies[0].Text, StringComparison.Ordinal);
    }
}
