using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TipBot.Persistence;

namespace TipBot.Features.Operators;

/// <summary>Operators' display names by id, for the people in the chat and the console. Names rarely change; they are cached.</summary>
public sealed class OperatorDirectory(IDbContextFactory<TipBotDbContext> contexts)
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    public async ValueTask<string> DisplayNameAsync(string? operatorId, CancellationToken cancellationToken)
    {
        if (operatorId is null)
        {
            return "";
        }
        if (_names.TryGetValue(operatorId, out var cached))
        {
            return cached;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = await db.Users.Where(u => u.Id == operatorId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "";
        _names[operatorId] = name;
        return name;
    }

    /// <summary>Everyone who can take a case, for transfers: id and display name only.</summary>
    public async Task<IReadOnlyList<(string Id, string DisplayName)>> AllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = await db.Users.OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        return all.Select(u => (u.Id, u.DisplayName)).ToList();
    }
}
