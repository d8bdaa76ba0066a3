using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TipBot.RelayBench;

/// <summary>The user's side of a Bot Framework channel: receives what TipBot sends outside a request (Bot Connector REST).</summary>
internal sealed class UserChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(string Conversation, string Text), TaskCompletionSource<long>> _expected = new();

    private UserChannel(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public static async Task<UserChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var channel = new UserChannel(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{**rest}", channel.ReceiveAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities", channel.ReceiveAsync);
        await app.StartAsync();
        channel.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return channel;
    }

    /// <summary>Completes with the arrival time of the first message to the conversation containing the text.</summary>
    public Task<long> Expect(string conversationId, string text) =>
        _expected.GetOrAdd((conversationId, text), _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    private async Task<IResult> ReceiveAsync(HttpContext http, string conversationId)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var activity = await JsonDocument.ParseAsync(http.Request.Body);
        var text = activity.RootElement.TryGetProperty("text", out var value) ? value.GetString() ?? "" : "";
        foreach (var ((conversation, expected), waiting) in _expected)
        {
            if (conversation == conversationId && text.Contains(expected, StringComparison.Ordinal) && _expected.TryRemove((conversation, expected), out _))
            {
                waiting.TrySetResult(arrived);
            }
        }
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
