using TipBot.Features.Conversations;

namespace TipBot.Features.Handoff;

/// <summary>A message of a case's conversation as the console shows it: who, what, when.</summary>
public sealed record CaseMessage(long Id, Guid CaseId, MessageAuthor Author, string? OperatorId, string Text, DateTime At, bool Urgent);

/// <summary>Carries messages of conversations that have a case to the operators, live (the console implements it).</summary>
public interface IConversationFeed
{
    Task MessagesAddedAsync(IReadOnlyList<CaseMessage> messages, CancellationToken cancellationToken);

    /// <summary>Cases deleted with their conversation (the person asked to delete their messages); call after the delete is committed.</summary>
    void CasesDeleted(IReadOnlyList<Guid> caseIds);
}
