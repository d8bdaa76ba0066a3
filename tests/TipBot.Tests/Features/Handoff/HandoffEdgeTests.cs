using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TipBot.Features.Handoff;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Handoff;

/// <summary>What leaves TipBot when a case changes: the signed webhook and the Bot Framework handoff protocol.</summary>
public sealed class HandoffEdgeTests
{
    private const string Secret = "a-webhook-secret-for-tests-only";

    [Fact]
    public async Task Each_handoff_event_is_posted_to_the_webhook_signed_and_without_message_text()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var harness = await HandoffHarness.StartAsync(settings =>
        {
            settings["TipBot:Handoff:WebhookUrl"] = receiver.Url.ToString();
            settings["TipBot:Handoff:WebhookSecret"] = Secret;
        });
        await harness.OperatorOnlineAsync();
        var user = harness.User();

        await user.SayAsync("please i want to talk to a person about my passport");

        var (headers, body) = await receiver.NextAsync();
        Assert.Equal(HandoffWebhook.Sign(Secret, body), headers[HandoffWebhook.SignatureHeader].ToString());
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(HandoffEvent.Requested, json.GetProperty("event").GetString());
        Assert.Equal((await harness.CaseAsync(user)).Id.ToString(), json.GetProperty("caseId").GetString());
        Assert.DoesNotContain("passport", Encoding.UTF8.GetString(body), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_webhook_url_without_a_secret_is_refused_at_start()
    {
        var result = new HandoffOptionsValidator().Validate(null, new HandoffOptions { WebhookUrl = new Uri("https://example.org/hook") });

        Assert.True(result.Failed);
        Assert.Contains("WebhookSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_external_agent_hub_a_request_sends_handoff_initiate_with_a_transcript_that_keeps_who_said_what()
    {
        await using var harness = await HandoffHarness.StartAsync(settings => settings["TipBot:Handoff:ExternalAgentHub"] = "true");
        await harness.OperatorOnlineAsync();
        var user = harness.User();
        await user.SayAsync("my agent took my passport");

        await user.SayAsync("i want to talk to a person");

        var initiate = await harness.Channel.WaitForAsync(a => a.Type == ActivityTypes.Event && a.Name == "handoff.initiate", "handoff.initiate");
        Assert.Equal(user.ConversationId, initiate.Conversation.Id);
        var withRoles = Assert.Single(initiate.Attachments, a => a.ContentType == ExternalAgentHub.TranscriptContentType);
        var lines = JArray.FromObject(withRoles.Content);
        Assert.Contains(lines, l => (string?)l["role"] == "user" && (string?)l["text"] == "my agent took my passport");
        Assert.Contains(lines, l => (string?)l["role"] == "bot");
        Assert.Contains(initiate.Attachments, a => a.ContentType == "application/json" && a.Name == "Transcript");
    }

    [Fact]
    public async Task Handoff_status_events_move_the_case_and_are_always_answered_200()
    {
        await using var harness = await HandoffHarness.StartAsync(settings => settings["TipBot:Handoff:ExternalAgentHub"] = "true");
        await harness.OperatorOnlineAsync();
        var user = harness.User();
        await user.SayAsync("i want to talk to a person");

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(user, new JObject { ["state"] = "queued" }));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(user, "not an object"));
        Assert.Equal(HandoffStatus.Queued, (await harness.CaseAsync(user)).Status);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(user, new JObject { ["state"] = "accepted" }));
        Assert.Equal(HandoffStatus.WithOperator, (await harness.CaseAsync(user)).Status);
        Assert.Empty(await user.SayAsync("hello?"));

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(user, new JObject { ["state"] = "completed", ["message"] = new JObject { ["note"] = "done" } }));
        Assert.Equal(HandoffStatus.Released, (await harness.CaseAsync(user)).Status);
        Assert.NotEmpty(await user.SayAsync("menu"));
    }

    private static async Task<HttpStatusCode> StatusAsync(BotClient user, JToken value)
    {
        var activity = user.Activity("");
        activity["type"] = "event";
        activity["name"] = "handoff.status";
        activity["value"] = value;
        activity.Remove("text");
        activity.Remove("deliveryMode");
        using var response = await user.PostAsync(activity.ToString(Formatting.None));
        return response.StatusCode;
    }
}
