using Microsoft.AspNetCore.SignalR;
using TipBot.Features.Conversations;
using TipBot.Features.Handoff;
using TipBot.Features.Operators;

namespace TipBot.Features.Console;

/// <summary>Pushes case changes and new messages to open consoles: summaries to every operator, text only to consoles watching the case.</summary>
public sealed class ConsoleFeed(IHubContext<ConsoleHub, IConsoleClient> hub, CaseReader reader, OperatorDirectory operators) : IConversationFeed, IHandoffListener
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
            await PushSummaryAsync(caseId, urgent: false, cancellationToken);
        }
    }

    public Task HandleAsync(HandoffEvent handoffEvent, CancellationToken cancellationToken) =>
        PushSummaryAsync(handoffEvent.CaseId,
            urgent: handoffEvent.Priority == HumanPriority.Urgent && handoffEvent.Name is HandoffEvent.Requested or HandoffEvent.Escalated,
            cancellationToken);

    private async Task PushSummaryAsync(Guid caseId, bool urgent, CancellationToken cancellationToken)
    {
        if (await reader.SummaryAsync(caseId, cancellationToken) is not { } summary)
        {
            return;
        }
        var everyone = hub.Clients.Group(ConsoleHub.OperatorsGroup);
        await everyone.CaseChanged(summary);
        if (urgent)
        {
            await everyone.UrgentCase(summary);
        }
    }
}
