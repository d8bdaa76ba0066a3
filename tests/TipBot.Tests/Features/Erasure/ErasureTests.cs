using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Conversations;
using TipBot.Features.Handoff;
using TipBot.Persistence;
using TipBot.Tests.Features.Handoff;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Erasure;

/// <summary>"Delete my messages": asked, confirmed, and nothing of the conversation left in the database.</summary>
public sealed class ErasureTests
{
    [Fact]
    public async Task Confirmed_delete_my_data_removes_the_conversation_its_messages_cases_and_the_bots_memory()
    {
        await using var harness = await HandoffHarness.StartAsync();
        await harness.OperatorOnlineAsync();
        var user = harness.User();
        await user.SayAsync("my boss keeps my passport in his office");
        await user.SayAsync("he locked me in the storeroom and says he will beat me if i shout");
        await user.SayAsync("cancel");
        var conversationId = (await harness.CaseAsync(user)).ConversationId;

        var asked = await user.SayAsync("delete my data");
        var done = await user.SayAsync("Yes, delete");

        Assert.Contains(asked[^1].SuggestedActions.Actions, a => a.Title == "Yes, delete");
        Assert.Contains("deleted from our system", done[^1].Text, StringComparison.Ordinal);
        await using var db = await harness.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Set<ConversationRecord>().AnyAsync(c => c.Id == conversationId), "the conversation is still stored");
        Assert.False(await db.Set<MessageRecord>().AnyAsync(m => m.ConversationId == conversationId), "messages are still stored");
        Assert.False(await db.Set<HandoffCase>().AnyAsync(c => c.ConversationId == conversationId), "the handoff case is still stored");
        var pseudonymizer = harness.Services.GetRequiredService<Pseudonymizer>();
        string[] stateKeys = [pseudonymizer.Pseudonym($"{user.ChannelId}/conversations/{user.ConversationId}"), pseudonymizer.Pseudonym($"{user.ChannelId}/users/user-{user.ConversationId}")];
        Assert.False(await db.BotState.AnyAsync(s => stateKeys.Contains(s.Key)), "the bot still remembers the conversation or the person");
    }

    [Fact]
    public async Task Keeping_the_messages_deletes_nothing_and_a_later_turn_is_recorded_as_before()
    {
        await using var factory = new TipBotFactory();
        var user = factory.Conversation();
        await user.SayAsync("is it safe to pay an agent R2000 for a job in a hotel");

        await user.SayAsync("delete my data");
        var kept = await user.SayAsync("No, keep them");
        await user.SayAsync("thanks");

        Assert.Equal("Nothing was deleted.", kept[0].Text);
        var key = factory.Services.GetRequiredService<TranscriptRecorder>().ConversationKey(user.ChannelId, user.ConversationId);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        var conversation = await db.Set<ConversationRecord>().SingleAsync(c => c.ChannelId == user.ChannelId && c.Key == key);
        Assert.Equal(4, await db.Set<MessageRecord>().CountAsync(m => m.ConversationId == conversation.Id && m.Direction == MessageDirection.Inbound));
    }

    [Fact]
    public async Task After_deleting_the_next_message_starts_a_new_conversation_that_forgot_the_chosen_language()
    {
        await using var factory = new TipBotFactory();
        var user = factory.Conversation();
        await user.SayAsync("sesotho");

        await user.SayAsync("hlakola melaetsa ea ka");
        var done = await user.SayAsync("1");
        var after = await user.SayAsync("menu");

        Assert.StartsWith("Ho phethiloe", done[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Here is what I can help with", after[0].Text, StringComparison.Ordinal);
    }
}
