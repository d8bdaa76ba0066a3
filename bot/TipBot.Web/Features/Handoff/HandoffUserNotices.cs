using TipBot.Features.Conversations;
using TipBot.Features.Knowledge;
using TipBot.Features.Operators;
using TipBot.Features.Safety;

namespace TipBot.Features.Handoff;

/// <summary>
/// Tells the person, in their language, what happened to their request: someone is here, someone else took over, the
/// bot is back, nobody could answer in time (with contacts). People still waiting hear when their place changes
/// (<see cref="QueuePlaceNotices"/>).
/// </summary>
public sealed class HandoffUserNotices(
    HandoffCaseStore cases,
    QueuePlaceNotices places,
    UserMessenger messenger,
    OperatorDirectory operators,
    KnowledgeStore knowledge) : IHandoffListener
{
    public async Task HandleAsync(HandoffEvent handoffEvent, CancellationToken cancellationToken)
    {
        // Only some events tell the person something: the others (a new request on every urgent turn) need no read.
        if (NoticeKey(handoffEvent.Name) is { } key && await cases.FindAsync(handoffEvent.CaseId, cancellationToken) is { } handoffCase)
        {
            var notice = await NoticeAsync(key, handoffEvent, handoffCase, cancellationToken);
            await messenger.SendAsync(handoffCase, [new BotReply(notice)], MessageAuthor.Bot, null, cancellationToken);
        }
        if (MayMovePlaces(handoffEvent))
        {
            places.PlacesMayHaveMoved();
        }
    }

    /// <summary>Nobody answered in time: the notice also lists the numbers to call, so it has no operator name.</summary>
    private const string ExpiredKey = "handoff.expired";

    /// <summary>The locale string an event tells the person, or null when it tells them nothing.</summary>
    private static string? NoticeKey(string eventName) => eventName switch
    {
        HandoffEvent.Accepted => "handoff.accepted",
        HandoffEvent.Transferred => "handoff.transferred",
        HandoffEvent.Released => "handoff.released",
        HandoffEvent.Expired or HandoffEvent.Failed => ExpiredKey,
        _ => null,
    };

    /// <summary>
    /// Whether anyone's place in the queue can have changed. A transfer or release keeps the case out of the queue's
    /// order; a new normal request joins at the end (the queue is urgent first, then oldest first), so nobody moves.
    /// </summary>
    private static bool MayMovePlaces(HandoffEvent handoffEvent) =>
        handoffEvent.Name is not HandoffEvent.Transferred and not HandoffEvent.Released
        && handoffEvent is not { Name: HandoffEvent.Requested, Priority: HumanPriority.Normal };

    private async Task<string> NoticeAsync(string key, HandoffEvent handoffEvent, HandoffCase handoffCase, CancellationToken cancellationToken)
    {
        var kb = knowledge.Current;
        var strings = kb.Strings(handoffCase.Language);
        if (key == ExpiredKey)
        {
            return strings[key] + "\n\n" + strings["handoff.cannot-wait"] + "\n"
                + SafetyReplies.ContactList(kb, SafetyReplies.SouthAfrica, minor: false, strings.Language) + "\n\n" + strings["urgent.lesotho"];
        }
        var name = await operators.DisplayNameAsync(handoffEvent.OperatorId, cancellationToken);
        if (name.Length == 0)
        {
            // An agent of an external hub: TipBot does not know their name.
            name = strings["handoff.someone"];
        }
        return strings.Format(key, ("name", name));
    }
}
