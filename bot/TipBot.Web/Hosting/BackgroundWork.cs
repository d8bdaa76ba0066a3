namespace TipBot.Hosting;

/// <summary>
/// TipBot's own background services (console pushes, queue-place notices, SQLite checkpoints, expiry, webhook) for the
/// terminal commands, which do not start the web host: `chat` and `eval` then run turns as the server does, with the
/// work that follows a turn happening beside it rather than never (eval's latency figures depend on it).
/// </summary>
internal sealed class BackgroundWork : IAsyncDisposable
{
    private readonly IReadOnlyList<BackgroundService> _services;

    private BackgroundWork(IReadOnlyList<BackgroundService> services) => _services = services;

    public static async Task<BackgroundWork> StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // The web host's own hosted services (Kestrel among them) are not BackgroundServices of TipBot's.
        var own = services.GetServices<IHostedService>().OfType<BackgroundService>()
            .Where(service => service.GetType().Namespace?.StartsWith(nameof(TipBot) + ".", StringComparison.Ordinal) == true).ToList();
        foreach (var service in own)
        {
            await service.StartAsync(cancellationToken);
        }
        return new BackgroundWork(own);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services)
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
