using TipBot.Features.Safety;
using TipBot.Features.Understanding;

namespace TipBot.Features.Conversations;

/// <summary>
/// A user's message as TipBot sees it, whatever channel it came from. <see cref="UserId"/> is the channel's id
/// of the sender (a phone number on WhatsApp): read for the likely country, never stored or logged.
/// </summary>
public sealed record InboundMessage(string ChannelId, string Text, string? UserId = null);

/// <summary>One message the bot sends: Markdown text and optional buttons.</summary>
public sealed record BotReply(string Text, IReadOnlyList<ReplyButton> Buttons)
{
    public BotReply(string text) : this(text, []) { }
}

/// <summary>A button: the title is shown, and sent back as the user's message when tapped.</summary>
public sealed record ReplyButton(string Title);

/// <summary>Everything one turn decided: the replies and why (for the transcript, the console and eval).</summary>
public sealed record TurnOutcome(
    IReadOnlyList<BotReply> Replies,
    string Language,
    string TopicId,
    TopicRanking Ranking,
    SafetyAssessment Safety,
    TurnEntities Entities,
    HumanPriority? HumanRequest)
{
    public TopicScore? Best => Ranking.Best;
    public bool Urgent => Safety.IsUrgent || HumanRequest == HumanPriority.Urgent;

    /// <summary>The person confirmed "delete my messages": the turn deletes the conversation instead of recording it.</summary>
    public bool Erase { get; init; }
}
