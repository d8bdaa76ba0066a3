using System.Text;
using System.Text.Json;

namespace TipBot.RelayBench;

/// <summary>A person on a Bot Framework channel, posting activities to /api/messages.</summary>
internal sealed class BenchUser(HttpClient http, string conversationId, string serviceUrl)
{
    public async Task SayAsync(string text)
    {
        var activity = JsonSerializer.Serialize(new
        {
            type = "message",
            id = Guid.NewGuid().ToString("N"),
            timestamp = DateTimeOffset.UtcNow,
            serviceUrl,
            channelId = "bench",
            from = new { id = "user-" + conversationId, role = "user" },
            conversation = new { id = conversationId },
            recipient = new { id = "tipbot", role = "bot" },
            text,
            locale = "en-US",
        });
        using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }
}
