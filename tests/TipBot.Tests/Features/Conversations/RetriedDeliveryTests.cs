using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Conversations;
using TipBot.Persistence;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Conversations;

/// <summary>A channel retrying a delivery while the first is still being answered gets one answer, not two.</summary>
public sealed class RetriedDeliveryTests(HeldTurnFactory factory) : IClassFixture<HeldTurnFactory>
{
    [Fact]
    public async Task A_retry_that_arrives_while_the_first_delivery_runs_is_skipped()
    {
        var bot = factory.Conversation();
        var activity = bot.Activity("my passport " + HeldTurnFactory.Marker, activityId: "retried-" + Guid.NewGuid().ToString("N")).ToString();

        var first = bot.PostAsync(activity);
        Assert.True(factory.Held.Entered.Wait(TimeSpan.FromSeconds(10)), "the first delivery never reached the safety check");
        using var retry = await bot.PostAsync(activity);
        var retryReplies = BotClient.ParseReplies(await retry.Content.ReadAsStringAsync());
        factory.Held.Release.Set();
        using var answered = await first;

        Assert.Empty(retryReplies);
        Assert.NotEmpty(BotClient.ParseReplies(await answered.Content.ReadAsStringAsync()));
        var key = factory.Services.GetRequiredService<TranscriptRecorder>().ConversationKey(bot.ChannelId, bot.ConversationId);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        var conversation = await db.Set<ConversationRecord>().Include(c => c.Messages).SingleAsync(c => c.ChannelId == bot.ChannelId && c.Key == key);
        Assert.Single(conversation.Messages, m => m.Direction == MessageDirection.Inbound);
    }
}
