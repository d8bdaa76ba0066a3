using System.Net;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace TipBot.Tests.Support;

/// <summary>
/// One conversation over POST /api/messages, as a Bot Framework channel would send it, with
/// deliveryMode "expectReplies" so the replies come back in the response body.
/// </summary>
public sealed class BotClient(HttpClient http, string conversationId, string channelId, string serviceUrl = "http://localhost:3978/")
{
    public HttpClient Http { get; } = http;
    public string ConversationId { get; } = conversationId;
    public string ChannelId { get; } = channelId;

    public JObject Activity(string text, string? activityId = null, string locale = "en-US") => new()
    {
        ["type"] = "message",
        ["id"] = activityId ?? Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = ChannelId,
        ["from"] = new JObject { ["id"] = "user-" + ConversationId, ["name"] = "Test user", ["role"] = "user" },
        ["conversation"] = new JObject { ["id"] = ConversationId },
        ["recipient"] = new JObject { ["id"] = "tipbot", ["name"] = "TipBot", ["role"] = "bot" },
        ["text"] = text,
        ["locale"] = locale,
        ["deliveryMode"] = "expectReplies",
    };

    public async Task<IReadOnlyList<Activity>> SayAsync(string text, string? activityId = null)
    {
        using var response = await PostAsync(Activity(text, activityId).ToString(Formatting.None));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /api/messages returned {(int)response.StatusCode}: {body}");
        return ParseReplies(body);
    }

    public Task<HttpResponseMessage> PostAsync(string json) => PostAsync(new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PostAsync(HttpContent content) => Http.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

    public static IReadOnlyList<Activity> ParseReplies(string body)
    {
        var activities = JObject.Parse(body)["activities"] as JArray;
        Assert.NotNull(activities);
        return activities.ToObject<List<Activity>>()!;
    }
}

public static class ActivityExtensions
{
    public static string AllText(this IEnumerable<IActivity> replies) =>
        string.Join("\n\n", replies.OfType<Activity>().Select(a => a.Text));

    public static IReadOnlyList<string> Buttons(this IActivity reply) =>
        reply is Activity { SuggestedActions.Actions: { } actions } ? actions.Select(a => a.Title).ToList() : [];

    public static IReadOnlyList<string> LastButtons(this IReadOnlyList<IActivity> replies) =>
        replies.Count == 0 ? [] : replies[^1].Buttons();
}
