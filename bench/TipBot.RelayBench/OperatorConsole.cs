using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TipBot.RelayBench;

/// <summary>An operator's browser session, over HTTP: the sign-in cookie and the page's antiforgery token.</summary>
internal sealed partial class OperatorConsole
{
    private readonly HttpClient _http;
    private string _token = "";

    private OperatorConsole(HttpClient http, CookieContainer cookies)
    {
        _http = http;
        Cookies = cookies;
    }

    public CookieContainer Cookies { get; }

    /// <summary>Signs in with the one-time password and replaces it, as a new operator must.</summary>
    public static async Task<OperatorConsole> SignInAsync(Uri baseAddress, string email, string oneTimePassword)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var console = new OperatorConsole(http, cookies);
        await console.SubmitAsync("/console/signin", new() { ["email"] = email, ["password"] = oneTimePassword });
        const string NewPassword = "Relay-Bench-Password-7!";
        await console.SubmitAsync("/console/password", new() { ["current"] = oneTimePassword, ["new"] = NewPassword, ["confirm"] = NewPassword });
        var page = await console.GetStringAsync("/console");
        console._token = Token(page, MetaToken());
        return console;
    }

    public async Task<List<JsonElement>> QueueAsync() =>
        await _http.GetFromJsonAsync<List<JsonElement>>(new Uri("/console/api/queue", UriKind.Relative)) ?? [];

    public async Task PostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", _token);
        using var response = await _http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        return await response.Content.ReadAsStringAsync();
    }

    private async Task SubmitAsync(string path, Dictionary<string, string> fields)
    {
        var form = await GetStringAsync(path);
        fields["__RequestVerificationToken"] = Token(form, FormToken());
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"POST {path} did not redirect ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static string Token(string page, Regex pattern) =>
        pattern.Match(page) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();
}
