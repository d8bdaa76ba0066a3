using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using TipBot.Hosting;
using TipBot.Persistence;
using TipBot.Tests.Support;

namespace TipBot.Tests.Persistence;

/// <summary>EfBotStorage on a real database (see TestDatabase) for a temporary data folder, registered as the host registers it.</summary>
public sealed class EfBotStorageTests : IAsyncLifetime, IDisposable
{
    private const string PhoneKey = "whatsapp/conversations/+26650123456";
    private readonly TempDirectory _data = new("tipbot-storage-");
    private ServiceProvider _services = null!;

    private IStorage Storage => _services.GetRequiredService<IStorage>();

    public async Task InitializeAsync() => _services = await StartAsync(_data.Path);

    public async Task DisposeAsync() => await _services.DisposeAsync();

    // xunit calls this after DisposeAsync, when nothing holds the database open any more.
    public void Dispose() => _data.Dispose();

    private static async Task<ServiceProvider> StartAsync(string dataDirectory)
    {
        // The host's own registration, without building (and starting) a whole web host.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = TestDatabase.ArgsFor(dataDirectory) });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddPersistence();
        var services = builder.Services.BuildServiceProvider();
        await services.PrepareDatabaseAsync();
        return services;
    }

    private static Dictionary<string, object> Change(string key, object value) => new() { [key] = value };

    private async Task<JObject?> ReadAsync(string key) =>
        (await Storage.ReadAsync([key])).TryGetValue(key, out var value) ? (JObject)value : null;

    [Fact]
    public async Task Written_state_reads_back_with_an_eTag()
    {
        await Storage.WriteAsync(Change("test/conversations/a", new { lastTopic = "recruitment-fees", count = 2 }));

        var read = await ReadAsync("test/conversations/a");

        Assert.NotNull(read);
        Assert.Equal("recruitment-fees", (string?)read["lastTopic"]);
        Assert.Equal(2, (int?)read["count"]);
        Assert.False(string.IsNullOrEmpty((string?)read["eTag"]));
    }

    [Fact]
    public async Task A_written_item_is_stored_without_its_eTag_and_the_callers_object_keeps_it()
    {
        const string key = "test/conversations/json";
        await Storage.WriteAsync(Change(key, new JObject { ["step"] = 1 }));
        var read = await ReadAsync(key);
        var eTag = (string?)read!["eTag"];
        read["step"] = 2;

        await Storage.WriteAsync(Change(key, read));

        Assert.Equal(eTag, (string?)read["eTag"]);
        await using var db = await _services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        var stored = JObject.Parse(Assert.Single(await db.BotState.ToListAsync()).Json);
        Assert.Equal(2, (int?)stored["step"]);
        Assert.Null(stored["eTag"]);
    }

    [Fact]
    public async Task Reading_unknown_keys_returns_nothing()
    {
        var read = await Storage.ReadAsync(["test/conversations/never-written", "test/users/nobody"]);

        Assert.Empty(read);
    }

    [Fact]
    public async Task A_write_with_a_stale_eTag_throws_ETagConflictException()
    {
        const string key = "test/conversations/stale";
        await Storage.WriteAsync(Change(key, new JObject { ["step"] = 1 }));
        var first = (await ReadAsync(key))!;
        var second = (JObject)first.DeepClone();

        first["step"] = 2;
        await Storage.WriteAsync(Change(key, first));
        second["step"] = 3;

        await Assert.ThrowsAsync<ETagConflictException>(() => Storage.WriteAsync(Change(key, second)));
        Assert.Equal(2, (int?)(await ReadAsync(key))!["step"]);
    }

    [Fact]
    public async Task A_store_item_with_a_stale_eTag_throws_ETagConflictException()
    {
        const string key = "test/conversations/store-item";
        await Storage.WriteAsync(Change(key, new JObject { ["step"] = 1 }));
        var eTag = (string)(await ReadAsync(key))!["eTag"]!;
        await Storage.WriteAsync(Change(key, new Item { Step = 2, ETag = eTag }));

        await Assert.ThrowsAsync<ETagConflictException>(() => Storage.WriteAsync(Change(key, new Item { Step = 3, ETag = eTag })));
    }

    [Fact]
    public async Task A_write_with_an_eTag_for_an_item_deleted_meanwhile_stores_it_again()
    {
        const string key = "test/conversations/deleted-meanwhile";
        await Storage.WriteAsync(Change(key, new JObject { ["step"] = 1 }));
        var copy = (await ReadAsync(key))!;
        await Storage.DeleteAsync([key]);

        copy["step"] = 2;
        await Storage.WriteAsync(Change(key, copy));

        Assert.Equal(2, (int?)(await ReadAsync(key))!["step"]);
    }

    [Fact]
    public async Task A_star_eTag_overwrites_whatever_is_stored()
    {
        const string key = "test/conversations/star";
        await Storage.WriteAsync(Change(key, new JObject { ["step"] = 1 }));
        await Storage.WriteAsync(Change(key, new JObject { ["step"] = 2 }));

        await Storage.WriteAsync(Change(key, new JObject { ["step"] = 3, ["eTag"] = "*" }));

        Assert.Equal(3, (int?)(await ReadAsync(key))!["step"]);
    }

    [Fact]
    public async Task Deleted_state_is_gone()
    {
        await Storage.WriteAsync(new Dictionary<string, object>
        {
            ["test/conversations/delete-me"] = new JObject { ["step"] = 1 },
            ["test/conversations/keep-me"] = new JObject { ["step"] = 1 },
        });

        await Storage.DeleteAsync(["test/conversations/delete-me"]);

        Assert.Null(await ReadAsync("test/conversations/delete-me"));
        Assert.NotNull(await ReadAsync("test/conversations/keep-me"));
    }

    [Fact]
    public async Task Keys_are_pseudonymised_so_a_phone_number_never_reaches_the_database()
    {
        await Storage.WriteAsync(Change(PhoneKey, new JObject { ["lastTopic"] = "emergency" }));

        Assert.NotNull(await ReadAsync(PhoneKey));
        var bytes = TestDatabase.ReadAll(_data.Path);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("26650123456")));
        Assert.NotEqual(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("emergency")));

        await using var db = await _services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        var stored = Assert.Single(await db.BotState.ToListAsync());
        Assert.Equal(_services.GetRequiredService<Pseudonymizer>().Pseudonym(PhoneKey), stored.Key);
    }

    [Fact]
    public async Task State_survives_a_restart_on_the_same_data_folder()
    {
        await Storage.WriteAsync(Change(PhoneKey, new JObject { ["lastTopic"] = "passport-confiscation" }));
        await _services.DisposeAsync();

        _services = await StartAsync(_data.Path);

        Assert.Equal("passport-confiscation", (string?)(await ReadAsync(PhoneKey))?["lastTopic"]);
    }

    private sealed class Item : IStoreItem
    {
        public int Step { get; set; }
        public string? ETag { get; set; }
    }
}
