using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace TipBot.Tests.Support;

/// <summary>
/// A Bot Framework channel on real loopback HTTP: it serves the Bot Connector REST calls a bot makes to send
/// messages outside a request's own replies (POST /v3/conversations/{id}/activities[/{replyToId}]), and
/// records every activity it receives, so tests see what reached the user's channel.
/// </summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<Activity> _received = Channel.CreateUnbounded<Activity>();
    private TaskCompletionSource? _hold;

    private FakeChannel(WebApplication app, string serviceUrl) => (_app, ServiceUrl) = (app, serviceUrl);

    public string ServiceUrl { get; }

    public static async Task<FakeChannel> StartAsync()
    {
        FakeChannel? channel = null;
        var (app, address) = await LoopbackApp.StartAsync(app =>
        {
            app.MapPost("/v3/conversations/{conversationId}/activities/{**rest}", (HttpContext http, string conversationId) => channel!.ReceiveAsync(http, conversationId));
            app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext http, string conversationId) => channel!.ReceiveAsync(http, conversationId));
        });
        channel = new FakeChannel(app, address + "/");
        return channel;
    }

    /// <summary>The next activity sent to <paramref name="conversationId"/> whose text contains <paramref name="text"/>, or a timeout failure.</summary>
    public Task<Activity> WaitForAsync(string conversationId, string text, TimeSpan? timeout = null) =>
        WaitForAsync(a => a.Conversation?.Id == conversationId && a.Text?.Contains(text, StringComparison.Ordinal) == true, $"a message containing \"{text}\" in {conversationId}", timeout);

    /// <summary>The next activity that matches, or a failure naming <paramref name="description"/> after ten seconds.</summary>
    public async Task<Activity> WaitForAsync(Func<Activity, bool> match, string description, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                var activity = await _received.Reader.ReadAsync(cancel.Token);
                if (match(activity))
                {
                    return activity;
                }
                Seen.Add(activity);
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"Not received: {description}; seen: {string.Join(" | ", Seen.Select(a => a.Type + ":" + (a.Name ?? a.Text)))}");
        }
    }

    /// <summary>
    /// Until the returned handle is disposed, every activity is seen at once but its POST is answered only then, as a
    /// slow channel does: the bot is still inside its send while the person already reads it.
    /// </summary>
    public IDisposable HoldDeliveries()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hold = hold;
        return new Release(() =>
        {
            _hold = null;
            hold.TrySetResult();
        });
    }

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }

    /// <summary>Activities read while waiting for another one.</summary>
    public List<Activity> Seen { get; } = [];

    private async Task<IResult> ReceiveAsync(HttpContext http, string conversationId)
    {
        using var reader = new StreamReader(http.Request.Body);
        var activity = JsonConvert.DeserializeObject<Activity>(await reader.ReadToEndAsync());
        if (activity is null)
        {
            return Results.BadRequest();
        }
        activity.Conversation ??= new ConversationAccount(id: conversationId);
        await _received.Writer.WriteAsync(activity);
        if (_hold is { } hold)
        {
            await hold.Task;
        }
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
