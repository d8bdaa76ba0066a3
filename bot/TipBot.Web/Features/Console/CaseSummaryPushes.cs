using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace TipBot.Features.Console;

/// <summary>
/// Pushes a changed case's summary to every open console just after the turn or action that changed it rather than
/// inside it: reading the summary costs about a millisecond, which every urgent turn paid before the person got the
/// emergency contacts (bench/README.md, "Console pushes after the turn"). One reader pushes in order; a case waiting
/// to be pushed is pushed once however often it changed meanwhile, and its summary is read when it is pushed, after
/// every change that asked for it was committed, so the last push always shows the latest state; a case that is gone by
/// then was deleted with its conversation, and the consoles are told to drop it.
/// </summary>
public sealed partial class CaseSummaryPushes(IHubContext<ConsoleHub, IConsoleClient> hub, CaseReader reader, ILogger<CaseSummaryPushes> logger)
    : BackgroundService
{
    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    // The cases waiting, and whether any of their changes was a new or escalated urgent request (an alert, not only a refresh).
    private readonly ConcurrentDictionary<Guid, bool> _waiting = new();

    /// <summary>Call after the change is committed.</summary>
    public void Push(Guid caseId, bool urgent)
    {
        var added = false;
        _waiting.AddOrUpdate(caseId, _ =>
        {
            added = true;
            return urgent;
        }, (_, wasUrgent) => wasUrgent || urgent);
        if (added)
        {
            _queue.Writer.TryWrite(caseId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var caseId in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            _waiting.TryRemove(caseId, out var urgent);
            try
            {
                await PushNowAsync(caseId, urgent, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The consoles show the case at their next refresh or reconnect; the next change pushes it again.
                LogPushFailed(logger, exception, caseId);
            }
        }
    }

    private async Task PushNowAsync(Guid caseId, bool urgent, CancellationToken cancellationToken)
    {
        var everyone = hub.Clients.Group(ConsoleHub.OperatorsGroup);
        if (await reader.SummaryAsync(caseId, cancellationToken) is not { } summary)
        {
            await everyone.CaseDeleted(caseId);
            return;
        }
        await everyone.CaseChanged(summary);
        if (urgent)
        {
            await everyone.UrgentCase(summary);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Pushing case {CaseId} to the consoles failed")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, Guid caseId);
}
