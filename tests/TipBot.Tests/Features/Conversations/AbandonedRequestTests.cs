using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TipBot.Features.Conversations;
using TipBot.Persistence;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Conversations;

/// <summary>A channel that stops waiting for the answer (a timeout, a dropped connection) does not cut the turn short.</summary>
public sealed class AbandonedRequestTests(HeldTurnFactory factory) : IClassFixture<HeldTurnFactory>
{
    [Fact]
    public async Task A_turn_whose_caller_hangs_up_still_records_its_message_and_keeps_the_conversation_state()
    {
        var bot = factory.Conversation();
        await bot.SayAsync("menu");
        using var hangUp = new CancellationTokenSource();

        var posting = bot.Http.PostAsync(new Uri("/api/messages", UriKind.Relative),
            new StringContent(bot.Activity("my passport " + HeldTurnFactory.Marker).ToString(), System.Text.Encoding.UTF8, "application/json"), hangUp.Token);
        Assert.True(factory.Held.Entered.Wait(TimeSpan.FromSeconds(10)), "the turn never reached the safety check");
        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => posting);
        factory.Held.Release.Set();

        var key = factory.Services.GetRequiredService<TranscriptRecorder>().ConversationKey(bot.ChannelId, bot.ConversationId);
        var recorded = false;
        for (var attempt = 0; attempt < 50 && !recorded; attempt++)
        {
            await Task.Delay(100);
            await using var db = await factory.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
            recorded = await db.Set<MessageRecord>().AnyAsync(m => m.Direction == MessageDirection.Inbound
                && db.Set<ConversationRecord>().Any(c => c.Id == m.ConversationId && c.ChannelId == bot.ChannelId && c.Key == key && c.Messages.Count(x => x.Direction == MessageDirection.Inbound) == 2));
        }

        Assert.True(recorded, "the abandoned turn's message was never recorded");
        Assert.DoesNotContain(factory.Logs.Logs, l => l.Level >= LogLevel.Error && l.Category.EndsWith("TurnErrorHandler", StringComparison.Ordinal));
        var stateKey = factory.Services.GetRequiredService<Pseudonymizer>().Pseudonym($"{bot.ChannelId}/conversations/{bot.ConversationId}");
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync())
        {
            Assert.True(await db.BotState.AnyAsync(s => s.Key == stateKey), "the conversation state was deleted");
        }
    }
}
