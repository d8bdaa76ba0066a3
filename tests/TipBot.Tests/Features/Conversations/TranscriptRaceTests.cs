using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Conversations;
using TipBot.Persistence;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Conversations;

/// <summary>
/// Turns of one conversation recorded at once (two webhook deliveries, two instances): both looked the conversation up
/// before either wrote it. They must end up in one conversation, not fail on its unique key, and neither may overwrite
/// what the other added.
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

    [Fact]
    public async Task Two_turns_recorded_at_once_keep_the_safety_signals_of_both()
    {
        var recorder = factory.Services.GetRequiredService<TranscriptRecorder>();
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>();
        var pipeline = factory.Services.GetRequiredService<TurnPipeline>();
        var passport = pipeline.Handle(new InboundMessage("test", "my boss took my passport"), new ConversationMemory(), new UserProfile());
        var wages = pipeline.Handle(new InboundMessage("test", "he has not paid us for three months"), new ConversationMemory(), new UserProfile());
        Assert.NotEqual(passport.Safety.Signals, wages.Safety.Signals);
        var key = recorder.ConversationKey("test", Guid.NewGuid().ToString());
        await using (var start = await contexts.CreateDbContextAsync())
        {
            await start.Database.OpenConnectionAsync();
            await recorder.RecordTurnAsync(start, ConversationLookup.New, "test", key, "activity-0", "hello", pipeline.Handle(new InboundMessage("test", "hello"), new ConversationMemory(), new UserProfile()), CancellationToken.None);
        }
        // Both turns read the conversation before either recorded: each knows only the signals stored before it.
        var before = await recorder.LookupAsync("test", key, null, CancellationToken.None);

        await using var firstTurn = await contexts.CreateDbContextAsync();
        await using var secondTurn = await contexts.CreateDbContextAsync();
        await firstTurn.Database.OpenConnectionAsync();
        await secondTurn.Database.OpenConnectionAsync();
        await Task.WhenAll(
            recorder.RecordTurnAsync(firstTurn, before, "test", key, "activity-1", "first", passport, CancellationToken.None),
            recorder.RecordTurnAsync(secondTurn, before, "test", key, "activity-2", "second", wages, CancellationToken.None));

        var after = await recorder.LookupAsync("test", key, null, CancellationToken.None);
        var signals = after.SafetySignals?.Split(',') ?? [];
        var redFlags = after.SafetyRedFlags?.Split(',') ?? [];
        Assert.All(passport.Safety.Signals.Concat(wages.Safety.Signals), signal => Assert.Contains(signal, signals));
        Assert.All(passport.Safety.RedFlags.Concat(wages.Safety.RedFlags), flag => Assert.Contains(flag, redFlags));
        Assert.Equal(signals.Length, signals.Distinct().Count());
    }
}
