using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TipBot.Features.Console.Pages;

/// <summary>The queue: what is waiting (urgent first), callbacks, the operator's own cases; supervisors see every open case.</summary>
public sealed class QueueModel(CaseReader reader, ConsoleText text, TimeProvider time) : PageModel
{
    public IReadOnlyList<QueueItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.OperatorId();
        var now = time.GetUtcNow().UtcDateTime;
        var queue = await reader.QueueAsync(me, User.IsSupervisor(), cancellationToken);
        Items = queue.Select(s => QueueItem.From(s, text, me, now)).ToList();
    }
}
