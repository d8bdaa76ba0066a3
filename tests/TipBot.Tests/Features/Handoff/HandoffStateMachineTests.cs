using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Conversations;
using TipBot.Features.Handoff;
using TipBot.Persistence;

namespace TipBot.Tests.Features.Handoff;

/// <summary>Every transition of a case on the real database: allowed ones change it and raise their event, others change nothing.</summary>
public sealed class HandoffStateMachineTests : IAsyncLifetime
{
    private HandoffHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await HandoffHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private HandoffStateMachine Machine => _harness.Machine;

    /// <summary>A conversation with a case in <paramref name="status"/>, reached through the machine's own transitions.</summary>
    private async Task<(HandoffCase Case, string OperatorId)> CaseInAsync(HandoffStatus status, bool callback = false)
    {
        var operatorId = await _harness.OperatorOnlineAsync();
        var user = _harness.User();
        await user.SayAsync("hello");
        var conversation = (await ConversationsAsync()).Last();
        var created = await Machine.RequestAsync(new HandoffRequest(conversation, "test", "en", HumanPriority.Normal, HandoffReason.Asked, "reference") { Callback = callback }, CancellationToken.None);
        var id = created.Id;
        switch (status)
        {
            case HandoffStatus.WithOperator:
                Assert.True(await Machine.AcceptAsync(id, operatorId, CancellationToken.None));
                break;
            case HandoffStatus.Released:
                Assert.True(await Machine.AcceptAsync(id, operatorId, CancellationToken.None));
                Assert.True(await Machine.ReleaseAsync(id, operatorId, HandoffOutcomes.Referred, CancellationToken.None));
                break;
            case HandoffStatus.Expired:
                Assert.True(await Machine.ExpireAsync(id, CancellationToken.None));
                break;
            case HandoffStatus.Closed:
                Assert.True(await Machine.LeaveAsync(id, CancellationToken.None));
                break;
        }
        return (await ReadAsync(id), operatorId);
    }

    private async Task<HandoffCase> ReadAsync(Guid id) =>
        (await _harness.Services.GetRequiredService<HandoffCaseStore>().FindAsync(id, CancellationToken.None))!;

    private async Task<List<Guid>> ConversationsAsync()
    {
        await using var db = await _harness.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        return await db.Set<ConversationRecord>().OrderBy(c => c.StartedAt).Select(c => c.Id).ToListAsync();
    }

    private async Task<ConversationRecord> ConversationAsync(Guid id)
    {
        await using var db = await _harness.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        return await db.Set<ConversationRecord>().SingleAsync(c => c.Id == id);
    }

    private Task<bool> ActAsync(HandoffAction action, Guid id, string operatorId) => action switch
    {
        HandoffAction.Accept => Machine.AcceptAsync(id, operatorId, CancellationToken.None),
        HandoffAction.Release => Machine.ReleaseAsync(id, operatorId, HandoffOutcomes.InformationGiven, CancellationToken.None),
        HandoffAction.Transfer => Machine.TransferAsync(id, operatorId, "someone-else", CancellationToken.None),
        HandoffAction.Expire => Machine.ExpireAsync(id, CancellationToken.None),
        HandoffAction.Fail => Machine.FailAsync(id, CancellationToken.None),
        HandoffAction.Leave => Machine.LeaveAsync(id, CancellationToken.None),
        HandoffAction.Close => Machine.CloseAsync(id, operatorId, HandoffOutcomes.CallbackNeeded, CancellationToken.None),
        HandoffAction.Escalate => Machine.EscalateAsync(id, CancellationToken.None),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static TheoryData<HandoffStatus, HandoffAction, HandoffStatus?> Transitions()
    {
        var data = new TheoryData<HandoffStatus, HandoffAction, HandoffStatus?>();
        // Expected outcome of each action from each status a case can be in (null: refused, nothing changes).
        (HandoffStatus From, HandoffAction Action, HandoffStatus? To)[] table =
        [
            (HandoffStatus.Queued, HandoffAction.Accept, HandoffStatus.WithOperator),
            (HandoffStatus.Queued, HandoffAction.Release, null),
            (HandoffStatus.Queued, HandoffAction.Transfer, null),
            (HandoffStatus.Queued, HandoffAction.Expire, HandoffStatus.Expired),
            (HandoffStatus.Queued, HandoffAction.Fail, HandoffStatus.Expired),
            (HandoffStatus.Queued, HandoffAction.Leave, HandoffStatus.Closed),
            (HandoffStatus.Queued, HandoffAction.Close, null),
            (HandoffStatus.Queued, HandoffAction.Escalate, HandoffStatus.Queued),
            (HandoffStatus.WithOperator, HandoffAction.Accept, null),
            (HandoffStatus.WithOperator, HandoffAction.Release, HandoffStatus.Released),
            (HandoffStatus.WithOperator, HandoffAction.Transfer, HandoffStatus.WithOperator),
            (HandoffStatus.WithOperator, HandoffAction.Expire, null),
            (HandoffStatus.WithOperator, HandoffAction.Fail, HandoffStatus.Expired),
            (HandoffStatus.WithOperator, HandoffAction.Leave, null),
            (HandoffStatus.WithOperator, HandoffAction.Close, null),
            (HandoffStatus.Released, HandoffAction.Accept, null),
            (HandoffStatus.Released, HandoffAction.Release, null),
            (HandoffStatus.Released, HandoffAction.Expire, null),
            (HandoffStatus.Released, HandoffAction.Leave, null),
            (HandoffStatus.Released, HandoffAction.Close, HandoffStatus.Closed),
            (HandoffStatus.Expired, HandoffAction.Accept, HandoffStatus.WithOperator),
            (HandoffStatus.Expired, HandoffAction.Release, null),
            (HandoffStatus.Expired, HandoffAction.Expire, null),
            (HandoffStatus.Expired, HandoffAction.Leave, null),
            (HandoffStatus.Expired, HandoffAction.Close, HandoffStatus.Closed),
            (HandoffStatus.Closed, HandoffAction.Accept, null),
            (HandoffStatus.Closed, HandoffAction.Release, null),
            (HandoffStatus.Closed, HandoffAction.Expire, null),
            (HandoffStatus.Closed, HandoffAction.Leave, null),
            (HandoffStatus.Closed, HandoffAction.Close, null),
            (HandoffStatus.Closed, HandoffAction.Escalate, null),
        ];
        foreach (var (from, action, to) in table)
        {
            data.Add(from, action, to);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task An_action_moves_a_case_only_where_the_state_machine_allows(HandoffStatus from, HandoffAction action, HandoffStatus? expected)
    {
        var (handoffCase, operatorId) = await CaseInAsync(from);
        Assert.Equal(from, handoffCase.Status);

        var moved = await ActAsync(action, handoffCase.Id, operatorId);

        var after = await ReadAsync(handoffCase.Id);
        Assert.Equal(expected is not null, moved);
        Assert.Equal(expected ?? from, after.Status);
        Assert.Equal(HandoffStateMachine.Next(from, action), expected);
        // The conversation row says whether a person holds the conversation, for the next turn's single lookup.
        var conversation = await ConversationAsync(handoffCase.ConversationId);
        var holds = HandoffStateMachine.HoldsConversation(after.Status, after.Callback);
        Assert.Equal(holds ? after.Status : HandoffStatus.BotActive, conversation.Handoff);
        Assert.Equal(holds ? after.Id : null, conversation.OpenCaseId);
    }

    [Fact]
    public async Task Each_transition_raises_its_named_event()
    {
        await using var harness = await HandoffHarness.StartAsync();
        var recorder = new RecordingListener();
        var machine = new HandoffStateMachine(
            harness.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>(), [recorder], harness.Clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<HandoffStateMachine>.Instance);
        var user = harness.User();
        await user.SayAsync("hello");
        var conversation = await ConversationIdAsync(harness);

        var created = await machine.RequestAsync(new HandoffRequest(conversation, "test", "en", HumanPriority.Normal, HandoffReason.Asked, "reference"), CancellationToken.None);
        await machine.EscalateAsync(created.Id, CancellationToken.None);
        await machine.AcceptAsync(created.Id, "op-1", CancellationToken.None);
        await machine.TransferAsync(created.Id, "op-1", "op-2", CancellationToken.None);
        await machine.ReleaseAsync(created.Id, "op-2", HandoffOutcomes.Referred, CancellationToken.None);
        await machine.CloseAsync(created.Id, "op-2", HandoffOutcomes.Referred, CancellationToken.None);
        var second = await machine.RequestAsync(new HandoffRequest(conversation, "test", "en", HumanPriority.Normal, HandoffReason.Asked, "reference"), CancellationToken.None);
        await machine.ExpireAsync(second.Id, CancellationToken.None);
        var third = await machine.RequestAsync(new HandoffRequest(conversation, "test", "en", HumanPriority.Normal, HandoffReason.Asked, "reference"), CancellationToken.None);
        await machine.FailAsync(third.Id, CancellationToken.None);

        Assert.Equal(
            [HandoffEvent.Requested, HandoffEvent.Escalated, HandoffEvent.Accepted, HandoffEvent.Transferred, HandoffEvent.Released, HandoffEvent.Closed,
             HandoffEvent.Requested, HandoffEvent.Expired, HandoffEvent.Requested, HandoffEvent.Failed],
            recorder.Events.Select(e => e.Name));
        Assert.Equal("op-2", recorder.Events[4].OperatorId);
        Assert.All(recorder.Events.Skip(1).Take(5), e => Assert.Equal(HumanPriority.Urgent, e.Priority));
    }

    [Fact]
    public async Task Two_operators_accepting_the_same_case_at_once_end_with_exactly_one_winner()
    {
        for (var round = 0; round < 5; round++)
        {
            var (handoffCase, first) = await CaseInAsync(HandoffStatus.Queued);
            var second = await _harness.OperatorOnlineAsync("Thabo");
            using var start = new Barrier(2);
            var attempts = new[] { first, second }.Select(op => Task.Run(async () =>
            {
                start.SignalAndWait();
                return (op, won: await Machine.AcceptAsync(handoffCase.Id, op, CancellationToken.None));
            })).ToArray();

            var results = await Task.WhenAll(attempts);

            var winner = Assert.Single(results, r => r.won);
            Assert.Equal(winner.op, (await ReadAsync(handoffCase.Id)).OperatorId);
        }
    }

    [Fact]
    public async Task Accepting_and_expiring_at_once_leave_the_case_in_one_consistent_state()
    {
        var (handoffCase, operatorId) = await CaseInAsync(HandoffStatus.Queued);

        var results = await Task.WhenAll(
            Task.Run(() => Machine.AcceptAsync(handoffCase.Id, operatorId, CancellationToken.None)),
            Task.Run(() => Machine.ExpireAsync(handoffCase.Id, CancellationToken.None)));

        // Either one wins the queued case, or the expiry committed before the accept read it: an operator may still
        // pick up an expired case, so both win, one after the other. The stored state is the last winner's.
        var (accepted, expired) = (results[0], results[1]);
        Assert.True(accepted || expired);
        var after = await ReadAsync(handoffCase.Id);
        Assert.Equal(accepted ? HandoffStatus.WithOperator : HandoffStatus.Expired, after.Status);
    }

    [Fact]
    public async Task Only_the_operator_who_has_the_case_can_release_it()
    {
        var (handoffCase, operatorId) = await CaseInAsync(HandoffStatus.WithOperator);

        Assert.False(await Machine.ReleaseAsync(handoffCase.Id, "another-operator", HandoffOutcomes.Other, CancellationToken.None));
        Assert.True(await Machine.ReleaseAsync(handoffCase.Id, operatorId, HandoffOutcomes.Other, CancellationToken.None));
    }

    [Fact]
    public async Task A_second_request_in_the_same_conversation_raises_the_open_case_instead_of_opening_another()
    {
        var (handoffCase, _) = await CaseInAsync(HandoffStatus.Queued);

        var again = await Machine.RequestAsync(new HandoffRequest(handoffCase.ConversationId, "test", "en", HumanPriority.Urgent, HandoffReason.Safety, "reference"), CancellationToken.None);

        Assert.Equal(handoffCase.Id, again.Id);
        Assert.Equal(HumanPriority.Urgent, (await ReadAsync(handoffCase.Id)).Priority);
    }

    private static async Task<Guid> ConversationIdAsync(HandoffHarness harness)
    {
        await using var db = await harness.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        return await db.Set<ConversationRecord>().Select(c => c.Id).SingleAsync();
    }

    private sealed class RecordingListener : IHandoffListener
    {
        public List<HandoffEvent> Events { get; } = [];

        public Task HandleAsync(HandoffEvent handoffEvent, CancellationToken cancellationToken)
        {
            Events.Add(handoffEvent);
            return Task.CompletedTask;
        }
    }
}
