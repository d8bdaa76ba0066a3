using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Conversations;
using TipBot.Features.Handoff;
using TipBot.Features.Knowledge;
using TipBot.Persistence;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Safety;

/// <summary>The safety triage in whole turns of the real host: the handoff record, the stored ids, the country's contacts.</summary>
public sealed class SafetyTurnTests(TipBotFactory factory) : IClassFixture<TipBotFactory>
{
    private LocaleStrings Strings => factory.Services.GetRequiredService<KnowledgeStore>().Current.Strings("en");

    private static Activity From(string conversationId, string userId, string text)
    {
        var activity = InProcessAdapter.Message(conversationId, text, "en", channelId: "whatsapp-test");
        activity.From = new ChannelAccount(id: userId, role: RoleTypes.User);
        return activity;
    }

    private async Task<ConversationRecord> RecordAsync(string channelId, string conversationId)
    {
        var key = factory.Services.GetRequiredService<TranscriptRecorder>().ConversationKey(channelId, conversationId);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        return await db.Set<ConversationRecord>().SingleAsync(c => c.ChannelId == channelId && c.Key == key);
    }

    private async Task<HandoffCase> CaseAsync(ConversationRecord conversation)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        return await db.Set<HandoffCase>().SingleAsync(c => c.ConversationId == conversation.Id);
    }

    [Fact]
    public async Task Danger_while_a_person_is_already_requested_makes_the_request_urgent_and_stores_ids_only()
    {
        var conversation = "safety-" + Guid.NewGuid().ToString("N");
        const string Danger = "the foreman locked us in the container and says he will shoot whoever runs";

        factory.Services.GetRequiredService<OperatorPresence>().Connected("operator-on-duty");
        await factory.Adapter.ProcessAsync(InProcessAdapter.Message(conversation, "i want to talk to a person", "en"));
        var before = await CaseAsync(await RecordAsync("terminal", conversation));
        Assert.Equal(HumanPriority.Normal, before.Priority);
        Assert.Equal(HandoffStatus.Queued, before.Status);

        var (replies, outcome) = await factory.Adapter.ProcessAsync(InProcessAdapter.Message(conversation, Danger, "en"));

        Assert.True(outcome!.Urgent);
        Assert.Contains(Strings["urgent.handoff"], replies.AllText(), StringComparison.Ordinal);
        var after = await RecordAsync("terminal", conversation);
        var escalated = await CaseAsync(after);
        Assert.Equal(before.Id, escalated.Id);
        Assert.Equal(HumanPriority.Urgent, escalated.Priority);
        Assert.Equal(before.RequestedAt, escalated.RequestedAt);
        Assert.Contains("confined", after.SafetySignals!.Split(','));
        Assert.Contains("threat-to-life", after.SafetySignals!.Split(','));
        Assert.Contains("restricted-movement", after.SafetyRedFlags!.Split(','));
        Assert.DoesNotContain(factory.Logs.Logs, l => l.Mentions("container") || l.Mentions("shoot"));
    }

    [Fact]
    public async Task A_question_about_emergencies_in_a_film_gets_the_emergency_answer_and_a_person_at_normal_priority()
    {
        var conversation = "safety-" + Guid.NewGuid().ToString("N");

        var (_, outcome) = await factory.Adapter.ProcessAsync(InProcessAdapter.Message(conversation,
            "in the movie a girl was in danger and called for help, what number would she call in sa", "en"));

        Assert.Equal(TurnPipeline.EmergencyTopic, outcome!.TopicId);
        Assert.Equal(HumanPriority.Normal, outcome.HumanRequest);
        Assert.False(outcome.Urgent);
    }

    [Theory]
    [InlineData("can u delete everything i wrote", "privacy")]
    [InlineData("is this run by the police", "about-bot")]
    public async Task A_question_about_the_conversation_itself_is_not_taken_for_danger(string text, string topic)
    {
        var (_, outcome) = await factory.Adapter.ProcessAsync(InProcessAdapter.Message("safety-" + Guid.NewGuid().ToString("N"), text, "en"));

        Assert.False(outcome!.Urgent);
        Assert.Equal(topic, outcome.TopicId);
    }

    [Fact]
    public async Task A_plea_after_danger_earlier_in_the_conversation_is_urgent()
    {
        var conversation = "safety-" + Guid.NewGuid().ToString("N");

        var (_, first) = await factory.Adapter.ProcessAsync(InProcessAdapter.Message(conversation, "the boss took our phones when we arrived", "en"));
        var (_, second) = await factory.Adapter.ProcessAsync(InProcessAdapter.Message(conversation, "please send police now", "en"));

        Assert.False(first!.Urgent);
        Assert.True(second!.Urgent);
    }

    [Fact]
    public async Task A_Lesotho_phone_number_gets_the_Lesotho_advice_first_then_South_African_numbers()
    {
        var (replies, outcome) = await factory.Adapter.ProcessAsync(From("safety-" + Guid.NewGuid().ToString("N"), "whatsapp:+26658001234", "help me now, he is beating me"));

        Assert.True(outcome!.Urgent);
        var text = replies[0].Text;
        Assert.True(text.IndexOf(Strings["urgent.lesotho"], StringComparison.Ordinal) < text.IndexOf("10111", StringComparison.Ordinal), text);
        Assert.Contains(Strings["urgent.in-south-africa"], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_South_African_phone_number_gets_South_African_numbers_only()
    {
        var (replies, outcome) = await factory.Adapter.ProcessAsync(From("safety-" + Guid.NewGuid().ToString("N"), "27821234567", "help me now, he is beating me"));

        Assert.True(outcome!.Urgent);
        Assert.Contains("10111", replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Strings["urgent.lesotho"], replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_phone_number_a_place_in_the_conversation_decides_the_country()
    {
        var conversation = "safety-" + Guid.NewGuid().ToString("N");
        await factory.Adapter.ProcessAsync(InProcessAdapter.Message(conversation, "i work at a restaurant in polokwane", "en"));

        var (replies, _) = await factory.Adapter.ProcessAsync(InProcessAdapter.Message(conversation, "the owner locked me in the kitchen", "en"));

        Assert.Contains("10111", replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Strings["urgent.lesotho"], replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_country_gets_South_African_numbers_and_the_Lesotho_advice()
    {
        var (replies, _) = await factory.Adapter.ProcessAsync(InProcessAdapter.Message("safety-" + Guid.NewGuid().ToString("N"), "he locked me in the room, help", "en"));

        Assert.Contains("10111", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains(Strings["urgent.lesotho"], replies[0].Text, StringComparison.Ordinal);
    }
}
