namespace TipBot.Features.Handoff;

/// <summary>How an operator ends a case: ids stored on the case, labelled in the console's language.</summary>
public static class HandoffOutcomes
{
    public const string InformationGiven = "information-given";
    public const string Referred = "referred";
    public const string ReportedToPolice = "reported-to-police";
    public const string CallbackNeeded = "callback-needed";
    public const string NoResponse = "no-response";
    public const string Other = "other";

    /// <summary>Set by TipBot itself, never chosen in the console.</summary>
    public const string UserLeftQueue = "user-left-queue";

    public static readonly IReadOnlyList<string> Choosable = [InformationGiven, Referred, ReportedToPolice, CallbackNeeded, NoResponse, Other];
}
