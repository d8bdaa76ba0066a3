using TipBot.Features.Conversations;
using TipBot.Features.Knowledge;
using TipBot.Features.Safety;

namespace TipBot.Features.Handoff;

/// <summary>What the handoff needs to know about a turn that has just been answered and recorded.</summary>
public sealed record HandoffTurn(
    ConversationLookup Before,
    RecordedTurn Recorded,
    string ChannelId,
    string Text,
    string? Country,
    TurnOutcome Outcome,
    Func<string> ProtectedReference);

/// <summary>
/// The handoff's part of a turn: opens a case when the person (or the safety check) asks for a person, carries
/// messages to the operator while one has the conversation, lets the person leave the queue, and tells them
/// honestly where they stand. Returns what the bot says about it.
/// </summary>
public sealed class HandoffRouter(
    HandoffStateMachine machine,
    WaitingList queue,
    HandoffAvailability availability,
    HandoffCaseStore cases,
    IConversationFeed feed,
    KnowledgeStore knowledge)
{
    /// <summary>
    /// Whether a turn has anything to do with a person from the team; most turns do not, and skip the handoff
    /// entirely (no country lookup, no reference, no allocation).
    /// </summary>
    public static bool Concerns(ConversationLookup before, TurnOutcome outcome) =>
        before.WithPerson || outcome.HumanRequest is not null || outcome.TopicId == TurnPipeline.CallbackNumberTopic;

    public async Task<IReadOnlyList<BotReply>> AfterTurnAsync(HandoffTurn turn, ConversationMemory memory, CancellationToken cancellationToken)
    {
        var outcome = turn.Outcome;
        var kb = knowledge.Current;
        var strings = kb.Strings(outcome.Language);
        if (turn.Before is { WithPerson: true, OpenCaseId: { } openCase })
        {
            return await WithPersonAsync(turn, openCase, strings, memory, cancellationToken);
        }
        switch (outcome.TopicId)
        {
            case TurnPipeline.CallbackTarget:
                await RequestAsync(turn, HumanPriority.Normal, HandoffReason.Callback, callback: true, cancellationToken);
                memory.AwaitingCallbackNumber = true;
                return [new BotReply(strings["handoff.callback-saved"])];
            case TurnPipeline.CallbackNumberTopic:
                await cases.SaveCallbackNumberAsync(turn.Recorded.ConversationId, outcome.Entities.PhoneNumbers[0], cancellationToken);
                return [new BotReply(strings["handoff.callback-number-saved"])];
        }
        if (outcome.HumanRequest is not { } priority)
        {
            return [];
        }

        var reason = outcome.Safety.IsUrgent ? HandoffReason.Safety : HandoffReason.Asked;
        var now = availability.Now();
        if (now.Open)
        {
            var created = await RequestAsync(turn, priority, reason, callback: false, cancellationToken);
            return [await QueueNoticeAsync(created, strings, kb, turn.Country, priority == HumanPriority.Urgent, cancellationToken)];
        }

        var offline = now.WithinHours || now.NextOpening is not { } opening
            ? strings["handoff.nobody-online"]
            : strings.Format("handoff.closed-hours", ("when", When(strings, availability.Local(opening))));
        if (priority == HumanPriority.Urgent)
        {
            // Nobody can answer now, but the team must see this first when they can: an urgent callback case.
            await RequestAsync(turn, priority, reason, callback: true, cancellationToken);
            return [new BotReply(offline + " " + strings["handoff.urgent-recorded"])];
        }
        memory.Offered.Clear();
        memory.Offered.Add(new OfferedChoice(strings["button.callback"], TurnPipeline.CallbackTarget));
        memory.Offered.Add(new OfferedChoice(strings["button.menu"], TurnPipeline.MenuTarget));
        var contacts = SafetyReplies.ContactList(kb, turn.Country ?? SafetyReplies.SouthAfrica, minor: false, strings.Language);
        return [new BotReply(offline + "\n\n" + strings["handoff.cannot-wait"] + "\n" + contacts + "\n\n" + strings["handoff.callback-offer"],
            memory.Offered.Select(o => new ReplyButton(o.Title)).ToArray())];
    }

    private async Task<IReadOnlyList<BotReply>> WithPersonAsync(HandoffTurn turn, Guid caseId, LocaleStrings strings, ConversationMemory memory, CancellationToken cancellationToken)
    {
        var outcome = turn.Outcome;
        if (outcome.Urgent)
        {
            await machine.EscalateAsync(caseId, cancellationToken);
        }
        await feed.MessagesAddedAsync(turn.Recorded.Messages.Select(m => new CaseMessage(m.Id, caseId, m.Author, null, m.Text, m.At, m.Urgent)).ToList(), cancellationToken);
        if (turn.Before.Handoff != HandoffStatus.Queued || outcome.Urgent)
        {
            return [];
        }
        if (IsLeaveWord(strings, turn.Text) && await machine.LeaveAsync(caseId, cancellationToken))
        {
            memory.Offered.Clear();
            memory.Offered.Add(new OfferedChoice(strings["button.menu"], TurnPipeline.MenuTarget));
            return [new BotReply(strings["handoff.left"], [new ReplyButton(strings["button.menu"])])];
        }
        var position = await queue.PositionAsync(caseId, cancellationToken);
        var text = strings["handoff.still-waiting"];
        if (position is { } place)
        {
            text += " " + strings.Format("handoff.queued", ("position", place.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return [new BotReply(text + " " + strings["handoff.leave-hint"])];
    }

    private Task<HandoffCase> RequestAsync(HandoffTurn turn, HumanPriority priority, HandoffReason reason, bool callback, CancellationToken cancellationToken) =>
        machine.RequestAsync(new HandoffRequest(turn.Recorded.ConversationId, turn.ChannelId, turn.Outcome.Language, priority, reason, turn.ProtectedReference()) { Callback = callback }, cancellationToken);

    /// <summary>Place in the queue, the typical wait if known, numbers to call if they cannot wait, and how to leave.</summary>
    private async Task<BotReply> QueueNoticeAsync(HandoffCase created, LocaleStrings strings, KnowledgeBase kb, string? country, bool urgent, CancellationToken cancellationToken)
    {
        var position = await queue.PositionAsync(created.Id, cancellationToken) ?? 1;
        await cases.AnnounceAsync(created.Id, position, cancellationToken);
        var parts = new List<string> { strings.Format("handoff.queued", ("position", position.ToString(System.Globalization.CultureInfo.InvariantCulture))) };
        var wait = await queue.TypicalWaitAsync(cancellationToken);
        parts.Add(wait is { } typical
            ? strings.Format("handoff.wait", ("minutes", Math.Max(1, (int)Math.Ceiling(typical.TotalMinutes)).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : strings["handoff.wait-unknown"]);
        var text = string.Join(" ", parts);
        if (!urgent)
        {
            // The urgent reply already gave the emergency contacts.
            text += "\n\n" + strings["handoff.cannot-wait"] + "\n" + SafetyReplies.ContactList(kb, country ?? SafetyReplies.SouthAfrica, minor: false, strings.Language);
        }
        return new BotReply(text + "\n\n" + strings["handoff.leave-hint"]);
    }

    internal static bool IsLeaveWord(LocaleStrings strings, string text)
    {
        var said = text.Trim().TrimEnd('.', '!').ToLowerInvariant();
        foreach (var word in strings["handoff.leave-words"].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (said == word)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"Monday 08:00", with the day's name in the person's language.</summary>
    internal static string When(LocaleStrings strings, DateTimeOffset local)
    {
        var days = strings["handoff.days"].Split(',', StringSplitOptions.TrimEntries);
        var day = days.Length == 7 ? days[(int)local.DayOfWeek] : local.DayOfWeek.ToString();
        return day + " " + local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }
}
