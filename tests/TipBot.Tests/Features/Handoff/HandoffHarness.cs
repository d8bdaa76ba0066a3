using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Conversations;
using TipBot.Features.Handoff;
using TipBot.Features.Operators;
using TipBot.Persistence;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Handoff;

/// <summary>
/// A TipBot host with a channel on loopback HTTP (messages sent outside a request's own replies arrive there), a
/// clock the test moves, and operators made through Identity.
/// </summary>
public sealed class HandoffHarness : IAsyncDisposable
{
    private HandoffHarness(TipBotFactory factory, FakeChannel channel, ManualClock clock)
    {
        Factory = factory;
        Channel = channel;
        Clock = clock;
    }

    public TipBotFactory Factory { get; }
    public FakeChannel Channel { get; }
    public ManualClock Clock { get; }

    public IServiceProvider Services => Factory.Services;
    public HandoffStateMachine Machine => Services.GetRequiredService<HandoffStateMachine>();

    public static async Task<HandoffHarness> StartAsync(Action<Dictionary<string, string>>? settings = null, Action<IServiceCollection>? services = null)
    {
        var clock = new ManualClock();
        var factory = new TipBotFactory(null, collection =>
        {
            collection.AddSingleton<TimeProvider>(clock);
            services?.Invoke(collection);
        });
        settings?.Invoke(factory.Settings);
        var channel = await FakeChannel.StartAsync();
        _ = factory.Services;
        return new HandoffHarness(factory, channel, clock);
    }

    public BotClient User(string channelId = "test") => Factory.Conversation(channelId: channelId, serviceUrl: Channel.ServiceUrl);

    /// <summary>An operator account with a console open (so requests are queued, not turned into callbacks).</summary>
    public async Task<string> OperatorOnlineAsync(string displayName = "Naledi", string role = OperatorRoles.Operator)
    {
        var created = await TestOperators.CreateAsync(Services, role, displayName);
        Services.GetRequiredService<OperatorPresence>().Connected(created.Id);
        return created.Id;
    }

    /// <summary>The conversation's cases, newest last.</summary>
    public async Task<IReadOnlyList<HandoffCase>> CasesAsync(BotClient user)
    {
        var key = Services.GetRequiredService<TranscriptRecorder>().ConversationKey(user.ChannelId, user.ConversationId);
        await using var db = await Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        var conversation = await db.Set<ConversationRecord>().SingleAsync(c => c.ChannelId == user.ChannelId && c.Key == key);
        var cases = await db.Set<HandoffCase>().Where(c => c.ConversationId == conversation.Id).ToListAsync();
        return cases.OrderBy(c => c.RequestedAt).ToList();
    }

    public async Task<HandoffCase> CaseAsync(BotClient user) => Assert.Single(await CasesAsync(user));

    public async ValueTask DisposeAsync()
    {
        await Channel.DisposeAsync();
        await Factory.DisposeAsync();
    }
}
