using TipBot.Features.Flows;
using TipBot.Features.Safety;

namespace TipBot.Features.Conversations;

/// <summary>What the bot remembers within one conversation (Bot Framework conversation state).</summary>
public sealed class ConversationMemory
{
    /// <summary>The buttons last offered, in order, so "2", a tap, or the button's words pick the same thing.</summary>
    public List<OfferedChoice> Offered { get; set; } = [];

    /// <summary>The last topic answered, for "More".</summary>
    public string? LastTopic { get; set; }

    public bool Welcomed { get; set; }

    /// <summary>True after leaving a request for a person: a phone number in the next message is the number to call.</summary>
    public bool AwaitingCallbackNumber { get; set; }

    /// <summary>Recent safety signals, a child mentioned, the likely country, warning signs already named.</summary>
    public SafetyMemory Safety { get; set; } = new();

    /// <summary>A job-offer check under way (the next question and the answers so far), or null.</summary>
    public JobOfferCheckState? OfferCheck { get; set; }

    /// <summary>A report under way (the next question), or null.</summary>
    public ReportState? Report { get; set; }
}

/// <summary>A button the bot offered: a topic, or a command such as the menu.</summary>
public sealed record OfferedChoice(string Title, string Target);

/// <summary>What the bot remembers about a user across conversations (Bot Framework user state).</summary>
public sealed class UserProfile
{
    public string? Language { get; set; }

    /// <summary>True once the person chose a language themselves; then detection no longer changes it.</summary>
    public bool LanguageChosen { get; set; }
}
