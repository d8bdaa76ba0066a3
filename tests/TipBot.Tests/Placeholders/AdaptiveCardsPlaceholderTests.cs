using System.Reflection;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TipBot.Features.Conversations;
using TipBot.Tests.Support;

namespace TipBot.Tests.Placeholders;

/// <summary>
/// The AdaptiveCards package is an empty placeholder (eng/placeholders): Bot Framework depends on it, TipBot never
/// uses it. These tests prove activities still (de)serialise and turns still run while the assembly is absent.
/// </summary>
public sealed class AdaptiveCardsPlaceholderTests(TipBotFactory factory) : IClassFixture<TipBotFactory>
{
    private static void AssertAdaptiveCardsAbsent()
    {
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "AdaptiveCards");
        Assert.Throws<FileNotFoundException>(() => Assembly.Load("AdaptiveCards"));
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "AdaptiveCards.dll")));
    }

    [Fact]
    public void Activities_round_trip_through_Newtonsoft_without_AdaptiveCards()
    {
        var activity = MessageFactory.Text("Choose a topic");
        activity.Id = "act-1";
        activity.ChannelId = "webchat";
        activity.Conversation = new ConversationAccount(id: "conv-1");
        activity.SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.ImBack, "Menu", value: "Menu")] };
        activity.Attachments =
        [
            new HeroCard(title: "Passport taken", buttons: [new CardAction(ActionTypes.ImBack, "More", value: "More")]).ToAttachment(),
            // An Adaptive Card travels as plain JSON content: reading it needs no AdaptiveCards types.
            new Attachment("application/vnd.microsoft.card.adaptive", content: JObject.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Hi"}]}""")),
        ];

        var json = JsonConvert.SerializeObject(activity);
        var back = JsonConvert.DeserializeObject<Activity>(json)!;

        Assert.Contains("\"suggestedActions\"", json, StringComparison.Ordinal);
        Assert.Equal("Choose a topic", back.Text);
        Assert.Equal("conv-1", back.Conversation.Id);
        Assert.Equal("Menu", Assert.Single(back.SuggestedActions.Actions).Title);
        Assert.Equal(HeroCard.ContentType, back.Attachments[0].ContentType);
        Assert.Equal("Passport taken", ((JObject)back.Attachments[0].Content)["title"]?.ToString());
        Assert.Equal("TextBlock", ((JObject)back.Attachments[1].Content).SelectToken("body[0].type")?.ToString());
        AssertAdaptiveCardsAbsent();
    }

    [Fact]
    public async Task A_turn_runs_through_the_adapter_without_AdaptiveCards()
    {
        var json = JsonConvert.SerializeObject(InProcessAdapter.Message("placeholder-" + Guid.NewGuid().ToString("N"), "menu"));
        var activity = JsonConvert.DeserializeObject<Activity>(json)!;

        var (replies, outcome) = await factory.Adapter.ProcessAsync(activity);
        var overHttp = await factory.Conversation().SayAsync("menu");

        Assert.NotNull(outcome);
        Assert.NotEmpty(Assert.Single(replies).SuggestedActions.Actions);
        Assert.NotEmpty(Assert.Single(overHttp).SuggestedActions.Actions);
        AssertAdaptiveCardsAbsent();
    }
}
