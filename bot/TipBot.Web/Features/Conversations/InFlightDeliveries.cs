using System.Collections.Concurrent;

namespace TipBot.Features.Conversations;

/// <summary>
/// Activity ids whose turn is running in this process. The transcript's duplicate check only sees a delivery once
/// its turn is recorded, so a channel's retry that arrives while the first delivery is still being answered would
/// pass it and be answered twice; this catches that retry. Across several instances the messages table's unique
/// index still refuses the second record.
/// </summary>
public sealed class InFlightDeliveries
{
    private readonly ConcurrentDictionary<(string ChannelId, string Key, string ActivityId), byte> _running = new();

    /// <summary>False when the same delivery is already running; otherwise dispose the result when the turn ends.</summary>
    public bool TryBegin(string channelId, string key, string? activityId, out Delivery delivery)
    {
        delivery = default;
        if (string.IsNullOrEmpty(activityId))
        {
            return true;
        }
        var id = (channelId, key, activityId);
        if (!_running.TryAdd(id, 0))
        {
            return false;
        }
        delivery = new Delivery(this, id);
        return true;
    }

    public readonly struct Delivery : IDisposable
    {
        private readonly InFlightDeliveries? _owner;
        private readonly (string, string, string) _id;

        internal Delivery(InFlightDeliveries owner, (string, string, string) id) => (_owner, _id) = (owner, id);

        public void Dispose() => _owner?._running.TryRemove(_id, out _);
    }
}
