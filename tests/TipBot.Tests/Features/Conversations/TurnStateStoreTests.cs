using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using TipBot.Features.Conversations;
using TipBot.Persistence;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Conversations;

/// <summary>A turn's conversation memory and user profile on a real database (see TestDatabase), registered as the host registers storage.</summary>
public sealed class TurnStateStoreTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new("tipbot-turn-state-");
    private ServiceProvider _services = null!;

    private TurnStateStore Store => new(_services.GetRequiredService<EfBotStorage>());

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = TestDatabase.ArgsFor(_data.Path) });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddPersistence();
        _services = builder.Services.BuildServiceProvider();
        await _services.PrepareDatabaseAsync();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    public void Dispose() => _data.Dispose();

    private static Activity Message(string conversationId = "c-1", string userId = "u-1") => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "test",
        Conversation = new ConversationAccount(id: conversationId),
        From = new ChannelAccount(userId),
    };

    private async Task<T> WithTurnAsync<T>(Func<TipBotDbContext, Task<T>> work)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        return await work(db);
    }

    private Task<TurnStateSnapshot> LoadAsync(Activity activity) => WithTurnAsync(db => Store.LoadAsync(db, activity, CancellationToken.None));

    private Task SaveAsync(TurnStateSnapshot state) => WithTurnAsync(async db =>
    {
        await Store.SaveAsync(db, state, CancellationToken.None);
        return true;
    });

    /// <summary>A first turn that answered about recruitment fees in English.</summary>
    private async Task SaveFirstTurnAsync()
    {
        var first = await LoadAsync(Message());
        first.Memory.LastTopic = "recruitment-fees";
        first.Profile.Language = "en";
        await SaveAsync(first);
    }

    private async Task<JObject?> StoredAsync(string key) =>
        (await _services.GetRequiredService<IStorage>().ReadAsync([key])).TryGetValue(key, out var item) ? (JObject)item : null;

    [Fact]
    public async Task What_one_turn_saves_the_next_turn_loads_under_the_keys_and_shape_of_Bot_Framework_state()
    {
        var first = await LoadAsync(Message());
        first.Memory.LastTopic = "passport-confiscation";
        first.Profile.Language = "st";
        first.Profile.LanguageChosen = true;
        await SaveAsync(first);

        var next = await LoadAsync(Message());

        Assert.Equal("passport-confiscation", next.Memory.LastTopic);
        Assert.Equal("st", next.Profile.Language);
        Assert.True(next.Profile.LanguageChosen);
        Assert.Equal("passport-confiscation", (string?)(await StoredAsync("test/conversations/c-1"))?["memory"]?["LastTopic"]);
        Assert.Equal("st", (string?)(await StoredAsync("test/users/u-1"))?["profile"]?["Language"]);
    }

    [Fact]
    public async Task A_turn_that_changed_nothing_writes_nothing()
    {
        await SaveFirstTurnAsync();
        var eTags = ((string?)(await StoredAsync("test/conversations/c-1"))?["eTag"], (string?)(await StoredAsync("test/users/u-1"))?["eTag"]);

        await SaveAsync(await LoadAsync(Message()));

        Assert.Equal(eTags, ((string?)(await StoredAsync("test/conversations/c-1"))?["eTag"], (string?)(await StoredAsync("test/users/u-1"))?["eTag"]));
    }

    [Fact]
    public async Task A_turn_working_on_a_stale_copy_writes_neither_its_memory_nor_its_profile()
    {
        await SaveFirstTurnAsync();
        var stale = await LoadAsync(Message());
        // The same person in another conversation changed their language meanwhile: only the profile is stale, and the
        // profile is written after the memory.
        var other = await LoadAsync(Message(conversationId: "c-2"));
        other.Profile.Language = "st";
        other.Profile.LanguageChosen = true;
        await SaveAsync(other);

        stale.Memory.LastTopic = "fake-job-offers";
        stale.Profile.Language = "fr";
        await Assert.ThrowsAsync<ETagConflictException>(() => SaveAsync(stale));

        var now = await LoadAsync(Message());
        Assert.Equal("recruitment-fees", now.Memory.LastTopic);
        Assert.Equal("st", now.Profile.Language);
    }

    [Fact]
    public async Task A_message_without_a_sender_still_keeps_its_conversation_memory()
    {
        var anonymous = Message(conversationId: "c-anon");
        anonymous.From = null;
        var first = await LoadAsync(anonymous);
        first.Memory.LastTopic = "emergency";
        first.Profile.Language = "st";
        await SaveAsync(first);

        var next = await LoadAsync(anonymous);

        Assert.Equal("emergency", next.Memory.LastTopic);
        Assert.Null(next.Profile.Language);
    }
}
