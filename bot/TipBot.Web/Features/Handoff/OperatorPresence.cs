using System.Collections.Concurrent;

namespace TipBot.Features.Handoff;

/// <summary>
/// Which operators have the console open (a live hub connection), counted per operator because one person may have
/// several tabs. Per instance: with several instances behind a load balancer, each sees its own operators, which
/// errs towards "nobody online" and a callback, never towards a person left waiting for nobody.
/// </summary>
public sealed class OperatorPresence
{
    private readonly ConcurrentDictionary<string, int> _connections = new(StringComparer.Ordinal);

    public bool AnyOnline => !_connections.IsEmpty;

    public void Connected(string operatorId) => _connections.AddOrUpdate(operatorId, 1, (_, count) => count + 1);

    public void Disconnected(string operatorId)
    {
        while (_connections.TryGetValue(operatorId, out var count))
        {
            if (count <= 1 ? _connections.TryRemove(new KeyValuePair<string, int>(operatorId, count)) : _connections.TryUpdate(operatorId, count - 1, count))
            {
                return;
            }
        }
    }
}
