using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Conversations;
using TipBot.Persistence;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Conversations;

/// <summary>
/// Two first messages of one conversation recorded at once (two webhook deliveries, two instances): both looked the
/// conversation up before either wrote it. They must end up in one conversation, not fail on its unique key.
/// </summary>
public sealed class TranscriptRaceTests(TipBotFactory factory) : IClassFixture<TipBotFactory>
{
    [Fact]
    public async Task Two_first_messages_recorded_at_once_share_one_conversation()
    {
        var recorder = factory.Services.GetRequiredService<TranscriptRecorder>();
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>();
        var outcome = factory.Services.GetRequiredService<TurnPipeline>().Handle(new InboundMessage("test", "my boss took my passport"), new ConversationMemory(), new UserProfile());
        var key = recorder.ConversationKey("test", Guid.NewGuid().ToString());

        await using var firstTurn = await contexts.CreateDbContextAsync();
        await using var secondTurn = await contexts.CreateDbContextAsync();
        await firstTurn.Database.OpenConnectionAsync();
        await secondTurn.Database.OpenConnectionAsync();
        Task<RecordedTurn> first, second;
        // Holding the write gate lets both look the (missing) conversation up and queue their writes behind it.
        using (await DatabaseWriteGate.EnterAsync(contexts, CancellationToken.None))
        {
            first = recorder.RecordTurnAsync(firstTurn, ConversationLookup.New, "test", key, "activity-1", "first", outcome, CancellationToken.None);
            second = recorder.RecordTurnAsync(secondTurn, ConversationLookup.New, "test", key, "activity-2", "second", outcome, CancellationToken.None);
        }
        var turns = await Task.WhenAll(first, second);

        Assert.Equal(turns[0].ConversationId, turns[1].ConversationId);
        await using var db = await contexts.CreateDbContextAsync();
        var conversation = await db.Set<ConversationRecord>().Include(c => c.Messages).SingleAsync(c => c.ChannelId == "test" && c.Key == key);
        Assert.Equal(turns[0].ConversationId, conversation.Id);
        Assert.Equal(["activity-1", "activity-2"], conversation.Messages.Where(m => m.Direction == MessageDirection.Inbound).Select(m => m.ActivityId).Order());
    }
}
