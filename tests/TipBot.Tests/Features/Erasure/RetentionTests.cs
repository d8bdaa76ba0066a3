using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TipBot.Features.Conversations;
using TipBot.Features.Erasure;
using TipBot.Persistence;
using TipBot.Tests.Features.Handoff;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Erasure;

public sealed class RetentionTests
{
    [Fact]
    public async Task Conversations_past_the_limit_are_deleted_and_recent_ones_or_ones_with_an_open_case_are_kept()
    {
        await using var harness = await HandoffHarness.StartAsync(settings => settings["TipBot:Retention:Days"] = "90");
        await harness.OperatorOnlineAsync();
        var old = harness.User();
        await old.SayAsync("how do i check that a recruitment agency is registered");
        var waiting = harness.User();
        await waiting.SayAsync("the foreman chained the gate of our hostel and hit my cousin with a spade, please send police");
        harness.Clock.Advance(TimeSpan.FromDays(60));
        var recent = harness.User();
        await recent.SayAsync("what must a work contract say");
        harness.Clock.Advance(TimeSpan.FromDays(31));

        var (conversations, states) = await harness.Services.GetRequiredService<RetentionService>().DeleteExpiredAsync(CancellationToken.None);

        Assert.Equal(1, conversations);
        Assert.True(states >= 2, $"{states} stored memories deleted; the old conversation's and its person's are past the limit");
        Assert.False(await StoredAsync(harness, old), "a conversation 91 days old is still stored");
        Assert.True(await StoredAsync(harness, recent), "a conversation 31 days old was deleted");
        Assert.True(await StoredAsync(harness, waiting), "a conversation with an open case was deleted");
        var oldState = harness.Services.GetRequiredService<Pseudonymizer>().Pseudonym($"{old.ChannelId}/conversations/{old.ConversationId}");
        await using var db = await harness.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        Assert.False(await db.BotState.AnyAsync(s => s.Key == oldState), "the old conversation's memory is still stored");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4000")]
    public void A_retention_limit_outside_one_day_to_ten_years_stops_the_host(string days)
    {
        using var factory = new TipBotFactory();
        factory.Settings["TipBot:Retention:Days"] = days;

        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Contains("Days", error.Message, StringComparison.Ordinal);
    }

    private static async Task<bool> StoredAsync(HandoffHarness harness, BotClient user)
    {
        var key = harness.Services.GetRequiredService<TranscriptRecorder>().ConversationKey(user.ChannelId, user.ConversationId);
        await using var db = await harness.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        return await db.Set<ConversationRecord>().AnyAsync(c => c.ChannelId == user.ChannelId && c.Key == key);
    }
}
