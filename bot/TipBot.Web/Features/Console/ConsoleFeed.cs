using Microsoft.AspNetCore.SignalR;
using TipBot.Features.Conversations;
using TipBot.Features.Handoff;
using TipBot.Features.Operators;

namespace TipBot.Features.Console;

/// <summary>
/// Pushes case changes and new messages to open consoles: summaries to every operator (through <see cref="CaseSummaryPushes"/>),
/// text only to consoles watching the case, at once.
/// </summary>
public sealed class ConsoleFeed(IHubContext<ConsoleHub, IConsoleClient> hub, CaseSummaryPushes summaries, OperatorDirectory operators) : IConversationFeed, IHandoffListener
{
    public async Task MessagesAddedAsync(IReadOnlyList<CaseMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            var name = message.Author == MessageAuthor.Operator ? await operators.DisplayNameAsync(message.OperatorId, cancellationToken) : null;
            await hub.Clients.Group(ConsoleHub.CaseGroup(message.CaseId))
                .MessageAdded(new TranscriptLine(message.Id, message.CaseId, message.Author, name, message.Text, message.At, message.Urgent));
        }
        foreach (var caseId in messages.Select(m => m.CaseId).Distinct())
        {
            summaries.Push(caseId, urgent: false);
        }
    }

    /// <summary>A deleted case has no summary any more: its push tells the consoles to drop it.</summary>
    public void CasesDeleted(IReadOnlyList<Guid> caseIds)
    {
        foreach (var caseId in caseIds)
        {
            summaries.Push(caseId, urgent: false);
        }
    }

    public Task HandleAsync(HandoffEvent handoffEvent, CancellationToken cancellationToken)
    {
        summaries.Push(handoffEvent.CaseId, urgent: handoffEvent.Priority == HumanPriority.Urgent && handoffEvent.Name is HandoffEvent.Requested or HandoffEvent.Escalated);
        return Task.CompletedTask;
    }
}
