namespace TipBot.Features.Conversations;

/// <summary>What the bot remembers within one conversation (Bot Framework conversation state).</summary>
public sealed class ConversationMemory
{
    /// <summary>The buttons last offered, in order, so "2", a tap, or the button's words pick the same thing.</summary>
    public List<OfferedChoice> Offered { get; set; } = [];

    /// <summary>The last topic answered, for "More".</summary>
    public string? LastTopic { get; set; }

    public bool Welcomed { get; set; }
}

/// <summary>A button the bot offered: a topic, or a command such as the menu.</summary>
public sealed record OfferedChoice(string Title, string Target);

/// <summary>What the bot remembers about a user across conversations (Bot Framework user state).</summary>
public sealed class UserProfile
{
    public string? Language { get; set; }
}
