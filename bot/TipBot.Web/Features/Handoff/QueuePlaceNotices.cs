using System.Globalization;
using System.Threading.Channels;
using TipBot.Features.Conversations;
using TipBot.Features.Knowledge;

namespace TipBot.Features.Handoff;

/// <summary>
/// Everyone still waiting whose place in the queue is not the one they were last told hears the new one. Worked out just
/// after the change that may have moved them rather than inside it: reading the queue took ~0.5 ms of every urgent
/// turn before the person in danger got their reply (bench/README.md, "Console pushes after the turn"). Changes that
/// come while one is waiting are handled by one look at the queue, read after all of them were committed.
/// </summary>
public sealed partial class QueuePlaceNotices(
    WaitingList queue,
    HandoffCaseStore cases,
    UserMessenger messenger,
    KnowledgeStore knowledge,
    ILogger<QueuePlaceNotices> logger) : BackgroundService
{
    // At most one look waiting: a change that finds one already waiting is covered by it.
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Call after a change that may have moved people in the queue is committed.</summary>
    public void PlacesMayHaveMoved() => _changes.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var _ in _changes.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await AnnounceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The places are looked at again at the next change.
                LogFailed(logger, exception);
            }
        }
    }

    private async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        var waiting = await queue.WaitingAsync(cancellationToken);
        for (var i = 0; i < waiting.Count; i++)
        {
            var handoffCase = waiting[i];
            var place = i + 1;
            // A new request hears its place from the turn that made it (until then it has none to correct).
            if (handoffCase.AnnouncedPosition is not { } told || told == place)
            {
                continue;
            }
            await cases.AnnounceAsync(handoffCase.Id, place, cancellationToken);
            var strings = knowledge.Current.Strings(handoffCase.Language);
            await messenger.SendAsync(handoffCase, [new BotReply(strings.Format("handoff.position-changed", ("position", place.ToString(CultureInfo.InvariantCulture))))],
                MessageAuthor.Bot, null, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Telling people their new places in the queue failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
