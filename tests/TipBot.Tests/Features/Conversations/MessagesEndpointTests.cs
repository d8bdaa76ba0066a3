using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Conversations;
using TipBot.Features.Knowledge;
using TipBot.Persistence;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Conversations;

/// <summary>
/// Bot Framework activities through POST /api/messages of the real host (deliveryMode "expectReplies"). One host for
/// the class; each test talks in its own conversation.
/// </summary>
public sealed class MessagesEndpointTests(TipBotFactory factory) : IClassFixture<TipBotFactory>
{
    private const string PassportQuestion = "my boss took my passport and he won't give it back";
    private const string UrgentMessage = "they locked us in and he says he will kill us";

    private KnowledgeBase Knowledge => factory.Services.GetRequiredService<KnowledgeStore>().Current;

    private LocaleStrings Strings => Knowledge.Strings("en");

    private string Render(string markdown) => factory.Services.GetRequiredService<AnswerRenderer>().Render(markdown, Knowledge, "en");

    private IReadOnlyList<string> MenuButtons => Knowledge.Menu.Select(id => Knowledge.Find(id, "en")!.Button).ToList();

    private async Task<List<MessageRecord>> MessagesAsync(BotClient bot)
    {
        var key = factory.Services.GetRequiredService<TranscriptRecorder>().ConversationKey(bot.ChannelId, bot.ConversationId);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        return await db.Set<MessageRecord>()
            .Where(m => db.Set<ConversationRecord>().Any(c => c.Id == m.ConversationId && c.ChannelId == bot.ChannelId && c.Key == key))
            .OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task A_question_gets_its_topic_answer_with_suggested_actions()
    {
        var passport = Knowledge.Find("passport-confiscation", "en")!;

        var replies = await factory.Conversation().SayAsync(PassportQuestion);

        // A kept passport is a warning sign: the answer comes first, then the sign named (safety concern), which
        // carries the buttons because channels show suggested actions on the last message.
        var reply = replies[0];
        Assert.Equal(Render(passport.Answer), reply.Text);
        Assert.Equal("markdown", reply.TextFormat);
        Assert.Equal(2, replies.Count);
        Assert.Contains(Strings["redflag.retention-of-identity-documents"], replies[1].Text, StringComparison.Ordinal);
        reply = replies[^1];
        var buttons = reply.Buttons();
        Assert.Contains(Strings["button.person"], buttons);
        Assert.Equal(Strings["button.more"], buttons[0]);
        Assert.Equal(Strings["button.menu"], buttons[^1]);
        Assert.All(passport.FollowUps.Take(3), id => Assert.Contains(Knowledge.Find(id, "en")!.Button, buttons));
        // A tap sends the button's title back as the user's message.
        Assert.All(reply.SuggestedActions.Actions, a => Assert.Equal(a.Title, a.Value));
    }

    [Theory]
    [InlineData("menu")]
    [InlineData("help")]
    [InlineData("0")]
    [InlineData("Menu!")]
    public async Task Menu_words_show_the_menu(string text)
    {
        var replies = await factory.Conversation().SayAsync(text);

        var reply = Assert.Single(replies);
        Assert.StartsWith(Strings["menu.intro"], reply.Text, StringComparison.Ordinal);
        Assert.Contains("1. " + MenuButtons[0], reply.Text, StringComparison.Ordinal);
        Assert.Contains($"{MenuButtons.Count}. {MenuButtons[^1]}", reply.Text, StringComparison.Ordinal);
        Assert.Equal(MenuButtons, reply.Buttons());
    }

    [Fact]
    public async Task A_number_typed_after_the_menu_answers_that_menu_topic()
    {
        var bot = factory.Conversation();
        await bot.SayAsync("hello");
        await bot.SayAsync("menu");

        var replies = await bot.SayAsync("2");

        var second = Knowledge.Find(Knowledge.Menu[1], "en")!;
        Assert.Equal(Render(second.Answer), replies[^1].Text);
    }

    [Fact]
    public async Task A_tapped_button_answers_its_topic()
    {
        var bot = factory.Conversation();
        await bot.SayAsync("menu");

        var replies = await bot.SayAsync(MenuButtons[1]);

        Assert.Equal(Render(Knowledge.Find(Knowledge.Menu[1], "en")!.Answer), replies[^1].Text);
    }

    [Theory]
    [InlineData("who won the soccer last night")]
    [InlineData("asdkjh qwpeoiu zxmcnb")]
    public async Task An_out_of_scope_message_gets_the_honest_no_match_text_and_the_menu(string text)
    {
        var replies = await factory.Conversation().SayAsync(text);

        var reply = Assert.Single(replies);
        Assert.StartsWith(Strings["no-match"], reply.Text, StringComparison.Ordinal);
        Assert.Equal(MenuButtons, reply.Buttons());
    }

    [Fact]
    public async Task More_shows_the_more_part_of_the_last_answer()
    {
        var bot = factory.Conversation();
        await bot.SayAsync(PassportQuestion);

        var replies = await bot.SayAsync("More");

        var reply = Assert.Single(replies);
        Assert.Equal(Render(Knowledge.Find("passport-confiscation", "en")!.More!), reply.Text);
        Assert.DoesNotContain(Strings["button.more"], reply.Buttons());
        Assert.Contains(Strings["button.menu"], reply.Buttons());
    }

    [Fact]
    public async Task An_urgent_message_gets_emergency_contacts_and_the_handoff_text()
    {
        var bot = factory.Conversation();
        await bot.SayAsync("hello");

        var replies = await bot.SayAsync(UrgentMessage);

        var text = replies.AllText();
        Assert.Contains("10111", text, StringComparison.Ordinal);
        Assert.Contains("0800 222 777", text, StringComparison.Ordinal);
        Assert.Contains(Strings["urgent.handoff"], text, StringComparison.Ordinal);
        var inbound = (await MessagesAsync(bot)).Last(m => m.Direction == MessageDirection.Inbound);
        Assert.True(inbound.Urgent);
    }

    [Fact]
    public async Task A_danger_message_at_the_end_of_a_very_long_story_is_still_urgent()
    {
        var bot = factory.Conversation();
        var story = string.Concat(Enumerable.Repeat("we came from maseru to work on the farm and the work is hard. ", 200));

        var replies = await bot.SayAsync(story + UrgentMessage);

        Assert.Contains("10111", replies.AllText(), StringComparison.Ordinal);
        var inbound = (await MessagesAsync(bot)).Last(m => m.Direction == MessageDirection.Inbound);
        Assert.True(inbound.Urgent);
    }

    [Fact]
    public async Task Malformed_empty_and_oversized_bodies_are_refused_and_the_host_keeps_serving()
    {
        var bot = factory.Conversation();

        using (var malformed = await bot.PostAsync("{\"type\":\"message\",\"text\":"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        }
        using (var empty = await bot.PostAsync("{}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        }
        var huge = Encoding.UTF8.GetBytes(bot.Activity(new string('a', 1024 * 1024)).ToString());
        using (var oversized = await bot.PostAsync(new ByteArrayContent(huge) { Headers = { ContentType = new("application/json") } }))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        }
        // Without Content-Length (chunked), the limit applies while reading.
        using (var chunked = await bot.PostAsync(new StreamContent(new UnseekableStream(huge)) { Headers = { ContentType = new("application/json") } }))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
            Assert.DoesNotContain("Exception", await chunked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var replies = await bot.SayAsync("menu");
        Assert.StartsWith(Strings["menu.intro"], Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_bodies_do_not_leak_exception_details()
    {
        var bot = factory.Conversation();

        using var response = await bot.PostAsync("[1, 2, 3]");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_delivery_gets_replies_once_and_is_recorded_once()
    {
        var bot = factory.Conversation();
        var activityId = "dup-" + Guid.NewGuid().ToString("N");

        var first = await bot.SayAsync(PassportQuestion, activityId);
        var second = await bot.SayAsync(PassportQuestion, activityId);

        Assert.NotEmpty(first);
        Assert.Empty(second);
        var inbound = (await MessagesAsync(bot)).Where(m => m.Direction == MessageDirection.Inbound).ToList();
        Assert.Equal(activityId, Assert.Single(inbound).ActivityId);
    }

    [Fact]
    public async Task Message_text_is_encrypted_at_rest_and_can_be_recovered()
    {
        var bot = factory.Conversation();
        const string text = "my aunt Mamorena Zwelibanzi in Ficksburg took my passport";

        await bot.SayAsync(text);

        var bytes = TestDatabase.ReadAll(factory.DataDirectory);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Zwelibanzi")));
        var inbound = (await MessagesAsync(bot)).Single(m => m.Direction == MessageDirection.Inbound);
        Assert.DoesNotContain("Zwelibanzi", inbound.ProtectedText, StringComparison.Ordinal);
        Assert.Equal(text, factory.Services.GetRequiredService<TranscriptRecorder>().Unprotect(inbound.ProtectedText));
    }

    [Fact]
    public async Task Logs_never_contain_the_message_text_or_a_phone_number()
    {
        var bot = factory.Conversation();
        const string text = "the agent Thabang took my passport, call me on 082 555 0142 or +266 5012 3456";

        await bot.SayAsync(text);
        await bot.SayAsync(UrgentMessage + ", my number is 0825550142");

        var logs = factory.Logs.Logs.ToList();
        Assert.Contains(logs, l => l.Message.StartsWith("Turn on test", StringComparison.Ordinal));
        foreach (var secret in new[] { "Thabang", "082 555 0142", "0825550142", "5012 3456", "took my passport", "locked us in" })
        {
            var leak = logs.FirstOrDefault(l => l.Mentions(secret));
            Assert.True(leak is null, $"a log line contains '{secret}': {leak}");
        }
    }

    [Fact]
    public async Task Conversation_records_carry_channel_language_topic_and_score()
    {
        var bot = factory.Conversation(channelId: "emulator");

        await bot.SayAsync(PassportQuestion);

        var key = factory.Services.GetRequiredService<TranscriptRecorder>().ConversationKey("emulator", bot.ConversationId);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        var conversation = await db.Set<ConversationRecord>().Include(c => c.Messages).SingleAsync(c => c.ChannelId == "emulator" && c.Key == key);
        Assert.Equal("en", conversation.Language);
        Assert.DoesNotContain(bot.ConversationId, conversation.Key, StringComparison.Ordinal);
        var inbound = conversation.Messages.Single(m => m.Direction == MessageDirection.Inbound);
        Assert.Equal("passport-confiscation", inbound.TopicId);
        Assert.Equal("en", inbound.Language);
        Assert.NotNull(inbound.Score);
        Assert.InRange(inbound.Score.Value, 0.01f, 1f);
        Assert.False(inbound.Urgent);
        Assert.All(conversation.Messages.Where(m => m.Direction == MessageDirection.Outbound), outbound => Assert.Equal("passport-confiscation", outbound.TopicId));
        // The warning sign found is stored with the conversation, as an id.
        Assert.Equal("retention-of-identity-documents", conversation.SafetyRedFlags);
    }

    /// <summary>A stream whose length HttpClient cannot know, so the body is sent chunked.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
