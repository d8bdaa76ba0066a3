using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace TipBot.Features.Conversations;

/// <summary>
/// Wraps the Bot Framework's authentication so that every turn reuses one <see cref="IConnectorClient"/> per
/// (app id, service URL, audience) and one <see cref="UserTokenClient"/> per app id, instead of building new ones.
/// </summary>
/// <remarks>
/// Why: the SDK's <c>ConnectorFactoryImpl</c> builds a new <c>ConnectorClient</c> (and <c>CreateUserTokenClientAsync</c>
/// a new <c>OAuthClient</c>) for every incoming activity, and <c>CloudAdapterBase</c> disposes them when the turn
/// ends. Each <c>ConnectorClient</c> gets fresh <see cref="JsonSerializerSettings"/> with a fresh
/// <c>DefaultContractResolver</c>, whose contract cache is per instance, so Newtonsoft.Json reflects over
/// <see cref="Activity"/>, <see cref="ChannelAccount"/>, <see cref="ResourceResponse"/>, … and compiles new getter and
/// constructor delegates (<c>lambda_method</c>, <c>Activity:GetProperties</c>: DynamicMethods) on every reply:
/// 80-120 JIT-compiled methods per turn (3,000-7,000 a second under load, never settling), most of the CPU, and a
/// working set that kept growing. Each client also got its own <c>new HttpClient()</c>, i.e. a new connection pool and
/// a new TCP connection to the channel per turn. Measured and explained in bench/README.md.
/// The legacy <c>BotFrameworkAdapter</c> cached its connector clients the same way; <c>CloudAdapter</c> lost that.
/// <para>
/// The clients are thread-safe (HttpClient, Newtonsoft's contract resolver, the SDK's app credentials, which then
/// also keep their token cache instead of starting cold each turn). Callers get a wrapper whose <c>Dispose</c> does
/// nothing; the cache owns the clients and disposes them with the host. Service URLs come from incoming activities,
/// so the cache is bounded: past <see cref="MaxCachedConnectors"/> entries a client is created and disposed per turn,
/// as the SDK does. Outbound HTTP goes through one shared <see cref="SocketsHttpHandler"/> whose pooled connections
/// are recycled (<see cref="PooledConnectionLifetime"/>) so DNS changes of the channel's endpoints are picked up.
/// </para>
/// </remarks>
public sealed class CachingBotFrameworkAuthentication : BotFrameworkAuthentication, IDisposable
{
    internal const int MaxCachedConnectors = 256;
    internal static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(2);

    private readonly BotFrameworkAuthentication _inner;
    private readonly ConcurrentDictionary<string, IConnectorClient> _connectors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, UserTokenClient> _userTokenClients = new(StringComparer.Ordinal);

    public CachingBotFrameworkAuthentication(BotFrameworkAuthentication inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <summary>The HttpClient source for the SDK: clients over one shared, connection-recycling handler.</summary>
    public static IHttpClientFactory CreateHttpClientFactory() => new SharedHandlerHttpClientFactory();

    internal int CachedConnectorCount => _connectors.Count;

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await _inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false);
        if (result.ConnectorFactory is { } factory)
        {
            result.ConnectorFactory = new CachingConnectorFactory(this, factory, AppIdKey(result.ClaimsIdentity));
        }
        return result;
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await _inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken).ConfigureAwait(false);
        if (result.ConnectorFactory is { } factory)
        {
            result.ConnectorFactory = new CachingConnectorFactory(this, factory, AppIdKey(result.ClaimsIdentity));
        }
        return result;
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new CachingConnectorFactory(this, _inner.CreateConnectorFactory(claimsIdentity), AppIdKey(claimsIdentity));

    public override async Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
    {
        var key = AppIdKey(claimsIdentity);
        if (_userTokenClients.TryGetValue(key, out var cached))
        {
            return new SharedUserTokenClient(cached);
        }
        var created = await _inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken).ConfigureAwait(false);
        if (_userTokenClients.Count >= MaxCachedConnectors)
        {
            return created; // not cached: the caller disposes it, as without this class
        }
        var winner = _userTokenClients.GetOrAdd(key, created);
        if (!ReferenceEquals(winner, created))
        {
            created.Dispose();
        }
        return new SharedUserTokenClient(winner);
    }

    public override BotFrameworkClient CreateBotFrameworkClient() => _inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => _inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        _inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    public void Dispose()
    {
        foreach (var client in _connectors.Values)
        {
            client.Dispose();
        }
        _connectors.Clear();
        foreach (var client in _userTokenClients.Values)
        {
            client.Dispose();
        }
        _userTokenClients.Clear();
    }

    /// <summary>The app id the SDK's factories derive from the identity (its "aud" claim, else "appid").</summary>
    private static string AppIdKey(ClaimsIdentity? identity) =>
        identity?.Claims.FirstOrDefault(c => c.Type == AuthenticationConstants.AudienceClaim)?.Value
        ?? identity?.Claims.FirstOrDefault(c => c.Type == AuthenticationConstants.AppIdClaim)?.Value
        ?? "";

    private async Task<IConnectorClient> GetConnectorAsync(ConnectorFactory inner, string appId, string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var key = string.Concat(appId, "\n", serviceUrl, "\n", audience);
        if (_connectors.TryGetValue(key, out var cached))
        {
            return new SharedConnectorClient(cached);
        }
        var created = await inner.CreateAsync(serviceUrl, audience, cancellationToken).ConfigureAwait(false);
        if (_connectors.Count >= MaxCachedConnectors)
        {
            return created; // not cached: the caller disposes it, as without this class
        }
        var winner = _connectors.GetOrAdd(key, created);
        if (!ReferenceEquals(winner, created))
        {
            created.Dispose();
        }
        return new SharedConnectorClient(winner);
    }

    private sealed class CachingConnectorFactory(CachingBotFrameworkAuthentication owner, ConnectorFactory inner, string appId) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            owner.GetConnectorAsync(inner, appId, serviceUrl ?? "", audience ?? "", cancellationToken);
    }

    /// <summary>A cached connector client lent to one turn: everything forwarded, except that disposing it does nothing.</summary>
    private sealed class SharedConnectorClient(IConnectorClient inner) : IConnectorClient
    {
        public Uri BaseUri
        {
            get => inner.BaseUri;
            // Other turns use the same client; pointing it elsewhere would send their replies there too.
            set => throw new NotSupportedException("This connector client is shared between turns; create a ConnectorClient for another service URL.");
        }

        public JsonSerializerSettings SerializationSettings => inner.SerializationSettings;
        public JsonSerializerSettings DeserializationSettings => inner.DeserializationSettings;
        public ServiceClientCredentials Credentials => inner.Credentials;
        public IAttachments Attachments => inner.Attachments;
        public IConversations Conversations => inner.Conversations;

        public void Dispose()
        {
            // Owned by CachingBotFrameworkAuthentication.
        }
    }

    /// <summary>A cached user token client lent to one turn: everything forwarded, except that disposing it does nothing.</summary>
    private sealed class SharedUserTokenClient(UserTokenClient inner) : UserTokenClient
    {
        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
            inner.GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
            inner.GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
            inner.SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
            inner.GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
            inner.GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
            inner.ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

        // Dispose(bool) is not overridden: the base does nothing, and the inner client belongs to the cache.
    }

    /// <summary>
    /// HttpClients for the SDK over one shared handler. The SDK disposes the clients it creates (uncached paths), so
    /// they must not dispose the handler; the handler lives as long as the process.
    /// </summary>
    private sealed class SharedHandlerHttpClientFactory : IHttpClientFactory
    {
        private static readonly SocketsHttpHandler Handler = new() { PooledConnectionLifetime = PooledConnectionLifetime };

        public HttpClient CreateClient(string name) => new(Handler, disposeHandler: false);
    }
}
