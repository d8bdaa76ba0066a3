using TipBot.Features.Conversations;

namespace TipBot.Features.Handoff;

/// <summary>
/// Something that happened to a case. Raised by <see cref="HandoffStateMachine"/> after the change is saved and
/// consumed by every <see cref="IHandoffListener"/>: the console hub, the user's channel, the outgoing webhook.
/// </summary>
public sealed record HandoffEvent(string Name, Guid CaseId, Guid ConversationId, HandoffStatus From, HandoffStatus To, HumanPriority Priority, string? OperatorId, DateTime At)
{
    public const string Requested = "handoff.requested";
    public const string Accepted = "handoff.accepted";
    public const string Released = "handoff.released";
    public const string Expired = "handoff.expired";
    public const string Failed = "handoff.failed";
    public const string Transferred = "handoff.transferred";
    public const string Escalated = "handoff.escalated";
    public const string Closed = "handoff.closed";
}

/// <summary>Reacts to handoff events. A failing handler is logged and does not stop the others.</summary>
public interface IHandoffListener
{
    Task HandleAsync(HandoffEvent handoffEvent, CancellationToken cancellationToken);
}
