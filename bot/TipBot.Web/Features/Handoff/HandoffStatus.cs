namespace TipBot.Features.Handoff;

/// <summary>Where a conversation stands between the bot and a person (architecture.md, Handoff).</summary>
public enum HandoffStatus
{
    /// <summary>No open case: the bot answers.</summary>
    BotActive,

    /// <summary>Waiting for an operator; the bot no longer answers topics.</summary>
    Queued,

    /// <summary>An operator has the conversation; the user's messages go to them.</summary>
    WithOperator,

    /// <summary>The operator handed the conversation back to the bot.</summary>
    Released,

    /// <summary>Nobody accepted in time (or the external hub failed): the user was given contacts; kept for a callback.</summary>
    Expired,

    /// <summary>Done: the user left the queue, or a supervisor closed an expired or callback case.</summary>
    Closed,
}

/// <summary>Why the case exists.</summary>
public enum HandoffReason
{
    /// <summary>The person asked for a human.</summary>
    Asked,

    /// <summary>The safety check found someone in danger.</summary>
    Safety,

    /// <summary>Nobody could answer live: the person asked to be contacted later.</summary>
    Callback,
}
