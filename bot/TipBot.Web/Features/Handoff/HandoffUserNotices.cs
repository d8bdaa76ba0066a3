using System.Globalization;
using TipBot.Features.Conversations;
using TipBot.Features.Knowledge;
using TipBot.Features.Operators;
using TipBot.Features.Safety;

namespace TipBot.Features.Handoff;

/// <summary>
/// Tells the person, in their language, what happened to their request: someone is here, someone else took over, the
/// bot is back, nobody could answer in time (with contacts). People still waiting hear when their place changes.
/// </summary>
public sealed class HandoffUserNotices(
    HandoffCaseStore cases,
    WaitingList queue,
    UserMessenger messenger,
    OperatorDirectory operators,
    KnowledgeStore knowledge) : IHandoffListener
{
    public async Task HandleAsync(HandoffEvent handoffEvent, CancellationToken cancellationToken)
    {
        if (await cases.FindAsync(handoffEvent.CaseId, cancellationToken) is { } handoffCase && await NoticeAsync(handoffEvent, handoffCase, cancellationToken) is { } notice)
        {
            await messenger.SendAsync(handoffCase, [new BotReply(notice)], MessageAuthor.Bot, null, cancellationToken);
        }
        if (handoffEvent.Name is not HandoffEvent.Transferred and not HandoffEvent.Released)
        {
            await AnnouncePlacesAsync(handoffEvent.CaseId, cancellationToken);
        }
    }

    private async Task<string?> NoticeAsync(HandoffEvent handoffEvent, HandoffCase handoffCase, CancellationToken cancellationToken)
    {
        var kb = knowledge.Current;
        var strings = kb.Strings(handoffCase.Language);
        var name = await operators.DisplayNameAsync(handoffEvent.OperatorId, cancellationToken);
        if (name.Length == 0)
        {
            // An agent of an external hub: TipBot does not know their name.
            name = strings["handoff.someone"];
        }
        return handoffEvent.Name switch
        {
            HandoffEvent.Accepted => strings.Format("handoff.accepted", ("name", name)),
            HandoffEvent.Transferred => strings.Format("handoff.transferred", ("name", name)),
            HandoffEvent.Released => strings.Format("handoff.released", ("name", name)),
            HandoffEvent.Expired or HandoffEvent.Failed => strings["handoff.expired"] + "\n\n" + strings["handoff.cannot-wait"] + "\n"
                + SafetyReplies.ContactList(kb, SafetyReplies.SouthAfrica, minor: false) + "\n\n" + strings["urgent.lesotho"],
            _ => null,
        };
    }

    /// <summary>Everyone still waiting whose place is not the one they were last told hears the new one.</summary>
    private async Task AnnouncePlacesAsync(Guid changedCase, CancellationToken cancellationToken)
    {
        var waiting = await queue.WaitingAsync(cancellationToken);
        for (var i = 0; i < waiting.Count; i++)
        {
            var handoffCase = waiting[i];
            var place = i + 1;
            // A new request hears its place from the turn that made it.
            if (handoffCase.Id == changedCase || handoffCase.AnnouncedPosition is not { } told || told == place)
            {
                continue;
            }
            await cases.AnnounceAsync(handoffCase.Id, place, cancellationToken);
            var strings = knowledge.Current.Strings(handoffCase.Language);
            await messenger.SendAsync(handoffCase, [new BotReply(strings.Format("handoff.position-changed", ("position", place.ToString(CultureInfo.InvariantCulture))))],
                MessageAuthor.Bot, null, cancellationToken);
        }
    }
}
