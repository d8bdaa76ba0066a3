using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using TipBot.Features.Handoff;
using TipBot.Features.Operators;

namespace TipBot.Features.Console;

/// <summary>What the server pushes to open consoles.</summary>
public interface IConsoleClient
{
    /// <summary>A case appeared, moved or changed (status, priority, operator, last message).</summary>
    Task CaseChanged(CaseSummary summary);

    /// <summary>A new or newly urgent case: the console sounds and shows an alert.</summary>
    Task UrgentCase(CaseSummary summary);

    /// <summary>A case was deleted with its conversation at the person's request: the queue drops it, its page says so.</summary>
    Task CaseDeleted(Guid caseId);

    /// <summary>A new line in a case the console is watching.</summary>
    Task MessageAdded(TranscriptLine line);
}

/// <summary>
/// Thin on purpose: it tracks who is online and which case each console watches. Everything else (accept, reply,
/// release) goes through the console's HTTP endpoints, and the server pushes through IHubContext.
/// </summary>
[Authorize(Policy = OperatorRoles.CanWatchLive)]
public sealed class ConsoleHub(OperatorPresence presence) : Hub<IConsoleClient>
{
    public const string Path = "/console/hub";
    public const string OperatorsGroup = "operators";

    public static string CaseGroup(Guid caseId) => "case:" + caseId.ToString("N");

    private string OperatorId => Context.User?.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new HubException("Not signed in.");

    public override async Task OnConnectedAsync()
    {
        presence.Connected(OperatorId);
        await Groups.AddToGroupAsync(Context.ConnectionId, OperatorsGroup);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Disconnected(OperatorId);
        return base.OnDisconnectedAsync(exception);
    }

    public Task Watch(Guid caseId) => Groups.AddToGroupAsync(Context.ConnectionId, CaseGroup(caseId));

    public Task Unwatch(Guid caseId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, CaseGroup(caseId));
}
