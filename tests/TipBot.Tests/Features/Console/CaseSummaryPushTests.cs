using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Console;
using TipBot.Tests.Features.Handoff;

namespace TipBot.Tests.Features.Console;

/// <summary>
/// Case summaries reach the consoles after the turn, through CaseSummaryPushes; the consoles here record what the hub
/// sends them (the browser tests watch the same pushes arrive in a real console).
/// </summary>
public sealed class CaseSummaryPushTests
{
    private const string Urgent = "please help they locked me in the room and took my passport";

    [Fact]
    public async Task An_urgent_request_reaches_every_console_as_a_case_change_and_an_alert()
    {
        var consoles = new RecordingConsoles();
        await using var harness = await StartAsync(consoles);
        var user = harness.User();

        await user.SayAsync(Urgent);

        var caseId = (await harness.CaseAsync(user)).Id;
        await consoles.WaitForAsync(nameof(IConsoleClient.UrgentCase), caseId);
        Assert.Contains((nameof(IConsoleClient.CaseChanged), caseId), consoles.Sent);
    }

    [Fact]
    public async Task A_case_that_changes_again_while_waiting_is_pushed_once_and_keeps_its_alert()
    {
        var consoles = new RecordingConsoles();
        await using var harness = await StartAsync(consoles);
        var (first, second) = (harness.User(), harness.User());
        await first.SayAsync(Urgent);
        await second.SayAsync(Urgent);
        var (a, b) = ((await harness.CaseAsync(first)).Id, (await harness.CaseAsync(second)).Id);
        await consoles.WaitForAsync(nameof(IConsoleClient.UrgentCase), a);
        await consoles.WaitForAsync(nameof(IConsoleClient.UrgentCase), b);
        var pushes = harness.Services.GetRequiredService<CaseSummaryPushes>();

        // The pusher is busy with a, while b changes three times, once as an urgent escalation.
        var busy = consoles.HoldNextPush();
        pushes.Push(a, urgent: false);
        await busy;
        consoles.Clear();
        pushes.Push(b, urgent: false);
        pushes.Push(b, urgent: true);
        pushes.Push(b, urgent: false);
        consoles.Release();
        // Pushes go out in order: once a's next push has arrived, b's are all out.
        pushes.Push(a, urgent: false);
        await consoles.WaitForAsync(nameof(IConsoleClient.CaseChanged), a);

        Assert.Equal(1, consoles.Sent.Count(sent => sent == (nameof(IConsoleClient.CaseChanged), b)));
        Assert.Equal(1, consoles.Sent.Count(sent => sent == (nameof(IConsoleClient.UrgentCase), b)));
    }

    [Fact]
    public async Task A_case_deleted_with_its_conversation_is_dropped_from_every_console()
    {
        var consoles = new RecordingConsoles();
        await using var harness = await StartAsync(consoles);
        var user = harness.User();
        await user.SayAsync(Urgent);
        var shown = (await harness.CaseAsync(user)).Id;
        await consoles.WaitForAsync(nameof(IConsoleClient.UrgentCase), shown);

        await user.SayAsync("delete my data");
        await user.SayAsync("Yes, delete");

        await consoles.WaitForAsync(nameof(IConsoleClient.CaseDeleted), shown);
    }

    private static Task<HandoffHarness> StartAsync(RecordingConsoles consoles) =>
        HandoffHarness.StartAsync(services: services => services.AddSingleton<IHubContext<ConsoleHub, IConsoleClient>>(consoles));

    /// <summary>Every console, as one recorder of what the hub sends (by method and case).</summary>
    private sealed class RecordingConsoles : IHubContext<ConsoleHub, IConsoleClient>, IHubClients<IConsoleClient>, IConsoleClient
    {
        private readonly ConcurrentQueue<(string Method, Guid CaseId)> _sent = new();
        private TaskCompletionSource? _entered;
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyCollection<(string Method, Guid CaseId)> Sent => _sent;

        IHubClients<IConsoleClient> IHubContext<ConsoleHub, IConsoleClient>.Clients => this;

        IGroupManager IHubContext<ConsoleHub, IConsoleClient>.Groups => throw new NotSupportedException();

        public IConsoleClient All => this;

        public void Clear() => _sent.Clear();

        /// <summary>The next summary push is recorded, then waits until <see cref="Release"/>; the task completes when it is waiting.</summary>
        public Task HoldNextPush()
        {
            _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
            return _entered.Task;
        }

        public void Release() => _released.TrySetResult();

        public async Task WaitForAsync(string method, Guid caseId)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (!_sent.Contains((method, caseId)))
            {
                await Task.Delay(10, timeout.Token);
            }
        }

        public async Task CaseChanged(CaseSummary summary)
        {
            // Recorded on arrival, so a held push is already in the record that Clear empties: recorded on completion,
            // the held push of a could arrive after Clear and end the wait for a's last push before b's were out.
            _sent.Enqueue((nameof(CaseChanged), summary.Id));
            if (Interlocked.Exchange(ref _entered, null) is { } entered)
            {
                entered.TrySetResult();
                await _released.Task;
            }
        }

        public Task UrgentCase(CaseSummary summary)
        {
            _sent.Enqueue((nameof(UrgentCase), summary.Id));
            return Task.CompletedTask;
        }

        public Task CaseDeleted(Guid caseId)
        {
            _sent.Enqueue((nameof(CaseDeleted), caseId));
            return Task.CompletedTask;
        }

        public Task MessageAdded(TranscriptLine line) => Task.CompletedTask;

        public IConsoleClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => this;

        public IConsoleClient Client(string connectionId) => this;

        public IConsoleClient Clients(IReadOnlyList<string> connectionIds) => this;

        public IConsoleClient Group(string groupName) => this;

        public IConsoleClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => this;

        public IConsoleClient Groups(IReadOnlyList<string> groupNames) => this;

        public IConsoleClient User(string userId) => this;

        public IConsoleClient Users(IReadOnlyList<string> userIds) => this;
    }
}
