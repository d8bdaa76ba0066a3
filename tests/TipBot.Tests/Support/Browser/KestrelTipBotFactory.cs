using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace TipBot.Tests.Support.Browser;

/// <summary>
/// <see cref="TipBotFactory"/> on real HTTP: Kestrel on a free loopback port, so a browser can reach it.
/// <c>Server</c> (the in-memory TestServer) is not available on this factory; use <see cref="BaseAddress"/>.
/// </summary>
public sealed class KestrelTipBotFactory : TipBotFactory
{
    private readonly Lazy<Uri> _baseAddress;

    public KestrelTipBotFactory()
    {
        // Port 0: the OS picks a free port, so parallel test runs never collide.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _baseAddress = new(StartAndGetAddress);
    }

    /// <summary>Where the started host listens, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseAddress => _baseAddress.Value;

    private Uri StartAndGetAddress()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.Single());
    }
}
