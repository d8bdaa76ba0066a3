using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TipBot.Persistence;

namespace TipBot.Features.Conversations;

/// <summary>
/// A turn's conversation memory and user profile, kept in the Bot Framework <see cref="IStorage"/> under the keys and
/// in the shape <c>ConversationState</c> and <c>UserState</c> use (<c>{channel}/conversations/{id}</c> holding
/// <c>{"memory": …}</c>, <c>{channel}/users/{id}</c> holding <c>{"profile": …}</c>), so stored state reads the same.
/// Read with one storage call and written with one (one query, one transaction), on the turn's connection, where the
/// two <c>BotState</c>s read and saved each on its own: two queries and two write transactions a turn, each on a
/// connection of its own.
/// </summary>
public sealed class TurnStateStore(EfBotStorage storage)
{
    private const string MemoryProperty = "memory";
    private const string ProfileProperty = "profile";
    private const string ETagProperty = EfBotStorage.ETagProperty;
    private static readonly JsonSerializer Serializer = EfBotStorage.Serializer;

    public async Task<TurnStateSnapshot> LoadAsync(TipBotDbContext db, Activity activity, CancellationToken cancellationToken)
    {
        var conversationKey = ConversationKey(activity);
        var userKey = UserKey(activity);
        var items = await storage.ReadAsync(db, userKey is null ? [conversationKey] : [conversationKey, userKey], cancellationToken);
        return new TurnStateSnapshot(
            Stored<ConversationMemory>.From(items, conversationKey, MemoryProperty),
            Stored<UserProfile>.From(items, userKey, ProfileProperty));
    }

    /// <summary>Writes what changed since <see cref="LoadAsync"/>; a stale copy fails with the storage's ETag conflict.</summary>
    public Task SaveAsync(TipBotDbContext db, TurnStateSnapshot state, CancellationToken cancellationToken)
    {
        var changes = new Dictionary<string, object>(2, StringComparer.Ordinal);
        state.Conversation.AddIfChanged(changes);
        state.User.AddIfChanged(changes);
        return changes.Count == 0 ? Task.CompletedTask : storage.WriteAsync(db, changes, cancellationToken);
    }

    public Task DeleteConversationAsync(Activity activity, CancellationToken cancellationToken) =>
        storage.DeleteAsync([ConversationKey(activity)], cancellationToken);

    /// <summary>The conversation's memory and the person's profile on this channel ("delete my messages").</summary>
    public Task DeleteAllAsync(Activity activity, CancellationToken cancellationToken) =>
        storage.DeleteAsync(UserKey(activity) is { } userKey ? [ConversationKey(activity), userKey] : [ConversationKey(activity)], cancellationToken);

    private static string ConversationKey(Activity activity) =>
        $"{activity.ChannelId ?? throw new InvalidOperationException("The activity has no channel id.")}/conversations/{activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id.")}";

    /// <summary>Null when the activity names no sender: such a turn still runs, with a profile that is not kept.</summary>
    private static string? UserKey(Activity activity) =>
        string.IsNullOrEmpty(activity.From?.Id) ? null : $"{activity.ChannelId}/users/{activity.From.Id}";

    /// <summary>One stored item: its value, and what it looked like when read, to write it only when it changed.</summary>
    internal sealed class Stored<T>(string? key, string property, T value, string? eTag, JObject? loaded) where T : new()
    {
        public T Value { get; } = value;

        public static Stored<T> From(IDictionary<string, object> items, string? key, string property)
        {
            if (key is null || !items.TryGetValue(key, out var item) || item is not JObject stored || stored[property] is not JObject json)
            {
                return new(key, property, new T(), null, null);
            }
            return new(key, property, json.ToObject<T>(Serializer) ?? new T(), stored.Value<string>(ETagProperty), json);
        }

        public void AddIfChanged(Dictionary<string, object> changes)
        {
            if (key is null)
            {
                return;
            }
            var json = JObject.FromObject(Value!, Serializer);
            if (loaded is not null && JToken.DeepEquals(json, loaded))
            {
                return;
            }
            changes[key] = new JObject { [property] = json, [ETagProperty] = eTag };
        }
    }
}

/// <summary>The state a turn works on: the conversation's memory and the person's profile.</summary>
public sealed class TurnStateSnapshot
{
    internal TurnStateSnapshot(TurnStateStore.Stored<ConversationMemory> conversation, TurnStateStore.Stored<UserProfile> user)
    {
        Conversation = conversation;
        User = user;
    }

    internal TurnStateStore.Stored<ConversationMemory> Conversation { get; }

    internal TurnStateStore.Stored<UserProfile> User { get; }

    public ConversationMemory Memory => Conversation.Value;

    public UserProfile Profile => User.Value;
}
