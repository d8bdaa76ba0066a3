using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Conversations;
using TipBot.Features.Handoff;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Console;

/// <summary>
/// The real host with the people's channel on loopback HTTP (<see cref="FakeChannel"/>): what operators send
/// reaches it through the real Bot Connector path.
/// </summary>
public sealed class ConsoleFactory : TipBotFactory, IAsyncLifetime
{
    private FakeChannel? _channel;

    public FakeChannel Channel => _channel ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => _channel = await FakeChannel.StartAsync();

    Task IAsyncLifetime.DisposeAsync() => _channel is null ? Task.CompletedTask : _channel.DisposeAsync().AsTask();

    /// <summary>A person writing on the fake channel.</summary>
    internal BotClient Person() => Conversation(serviceUrl: Channel.ServiceUrl);

    internal Task<TestOperator> CreateOperatorAsync(string role, bool mustChangePassword = false) =>
        TestOperators.CreateAsync(Services, role, mustChangePassword: mustChangePassword);

    /// <summary>The operator has the console open (as a hub connection would say), until disposed.</summary>
    internal IDisposable Online(TestOperator op)
    {
        var presence = Services.GetRequiredService<OperatorPresence>();
        presence.Connected(op.Id);
        return new Leaving(() => presence.Disconnected(op.Id));
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed, so tests see where they lead.</summary>
    internal ConsoleClient Browser() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false }));

    internal async Task<ConsoleClient> SignedInAsync(TestOperator op)
    {
        var client = Browser();
        var response = await client.SignInAsync(op.Email, op.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The person asks for a human with someone online; returns their case's id.</summary>
    internal async Task<(BotClient User, Guid CaseId)> RaiseCaseAsync(TestOperator online)
    {
        var user = Person();
        using (Online(online))
        {
            await user.SayAsync("I want to talk to a person");
        }
        return (user, await CaseOfAsync(user));
    }

    /// <summary>A raised case that <paramref name="op"/> has accepted, with their signed-in console.</summary>
    internal async Task<AcceptedCase> AcceptedCaseAsync(TestOperator op)
    {
        var (user, caseId) = await RaiseCaseAsync(op);
        var browser = await SignedInAsync(op);
        using var accept = await browser.PostJsonAsync($"/console/api/cases/{caseId}/accept");
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        return new AcceptedCase(user, caseId, browser);
    }

    internal async Task<Guid> CaseOfAsync(BotClient user)
    {
        var key = Services.GetRequiredService<TranscriptRecorder>().ConversationKey(user.ChannelId, user.ConversationId);
        await using var db = await Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<TipBot.Persistence.TipBotDbContext>>().CreateDbContextAsync();
        return (from c in db.Set<HandoffCase>()
                join conversation in db.Set<ConversationRecord>() on c.ConversationId equals conversation.Id
                where conversation.Key == key
                orderby c.RequestedAt descending
                select c.Id).First();
    }

    private sealed class Leaving(Action leave) : IDisposable
    {
        public void Dispose() => leave();
    }
}

internal sealed record AcceptedCase(BotClient User, Guid CaseId, ConsoleClient Browser) : IDisposable
{
    public void Dispose() => Browser.Dispose();
}

/// <summary>The console over HTTP as a browser would use it: pages, the sign-in form, the JSON API with the antiforgery header.</summary>
internal sealed partial class ConsoleClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<string> PageAsync(string path)
    {
        using var response = await GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} returned {(int)response.StatusCode} {response.Headers.Location}");
        return html;
    }

    /// <summary>Posts the sign-in form with the token from the page, as the browser does.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        var token = FormToken(await PageAsync("/console/signin"));
        return await Http.PostAsync(new Uri("/console/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string tokenPage)
    {
        fields["__RequestVerificationToken"] = FormToken(await PageAsync(tokenPage));
        return await Http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    /// <summary>A JSON call to /console/api with the antiforgery token the queue page gives its script.</summary>
    public async Task<HttpResponseMessage> PostJsonAsync(string path, object? body = null)
    {
        var queue = await PageAsync("/console");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.Add("RequestVerificationToken", MetaToken().Match(queue).Groups[1].Value);
        return await Http.SendAsync(request);
    }

    public async Task<JsonElement> QueueAsync()
    {
        using var response = await GetAsync("/console/api/queue");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<string?> ProblemDetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("detail", out var detail) ? detail.GetString() : null;

    private static string FormToken(string html)
    {
        var match = FormTokenPattern().Match(html);
        Assert.True(match.Success, "the page has an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();

    public void Dispose() => Http.Dispose();
}
