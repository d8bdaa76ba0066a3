using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TipBot.Tests.Support;

/// <summary>An HTTP endpoint on loopback that records every POST it gets (a webhook receiver).</summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<(IHeaderDictionary Headers, byte[] Body)> _received;

    private LoopbackReceiver(WebApplication app, Uri url, Channel<(IHeaderDictionary, byte[])> received) => (_app, Url, _received) = (app, url, received);

    public Uri Url { get; }

    public static async Task<LoopbackReceiver> StartAsync()
    {
        var received = Channel.CreateUnbounded<(IHeaderDictionary, byte[])>();
        var (app, address) = await LoopbackApp.StartAsync(app => app.MapPost("/hook", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            // Copied: Kestrel reuses a request's header collection once the request ends.
            var headers = new HeaderDictionary(http.Request.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase));
            await received.Writer.WriteAsync((headers, body.ToArray()));
            return Results.Ok();
        }));
        return new LoopbackReceiver(app, new Uri(address + "/hook"), received);
    }

    public async Task<(IHeaderDictionary Headers, byte[] Body)> NextAsync()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(cancel.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
