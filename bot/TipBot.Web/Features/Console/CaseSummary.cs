using TipBot.Features.Conversations;
using TipBot.Features.Handoff;

namespace TipBot.Features.Console;

/// <summary>
/// A case as the queue shows it. The conversation is named by a short pseudonym and its channel, never by a phone
/// number; <see cref="HasCallbackNumber"/> only says whether the person left one.
/// </summary>
public sealed record CaseSummary(
    Guid Id,
    string Conversation,
    string Channel,
    string Language,
    HandoffStatus Status,
    HumanPriority Priority,
    HandoffReason Reason,
    bool Callback,
    bool HasCallbackNumber,
    DateTime RequestedAt,
    DateTime? AcceptedAt,
    string? OperatorId,
    string? OperatorName,
    IReadOnlyList<string> Signals,
    IReadOnlyList<string> RedFlags,
    string? Preview,
    DateTime? LastMessageAt,
    string? Outcome);

/// <summary>One line of a case's transcript: who said it (user, bot, operator by display name), what, and when.</summary>
public sealed record TranscriptLine(long Id, Guid CaseId, MessageAuthor Author, string? OperatorName, string Text, DateTime At, bool Urgent);
