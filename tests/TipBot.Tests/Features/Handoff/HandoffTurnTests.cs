using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Conversations;
using TipBot.Features.Handoff;
using TipBot.Features.Knowledge;
using TipBot.Persistence;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Handoff;

/// <summary>
/// A person asks for a human, waits, talks to an operator and goes back to the bot: through POST /api/messages, with
/// the operator's side driven through the state machine and what reaches the user's channel read off a real
/// loopback channel.
/// </summary>
public sealed class HandoffTurnTests
{
    private static LocaleStrings Strings(HandoffHarness harness, string language = "en") =>
        harness.Services.GetRequiredService<KnowledgeStore>().Current.Strings(language);

    [Fact]
    public async Task Asking_for_a_person_while_an_operator_is_online_queues_the_case_and_says_the_place_in_the_queue()
    {
        await using var harness = await HandoffHarness.StartAsync();
        await harness.OperatorOnlineAsync();
        var user = harness.User();

        var replies = await user.SayAsync("can i talk to a real person please");

        Assert.Contains("You are number 1 in the queue", replies.AllText(), StringComparison.Ordinal);
        Assert.Contains("type *bot*", replies.AllText(), StringComparison.Ordinal);
        var handoffCase = await harness.CaseAsync(user);
        Assert.Equal(HandoffStatus.Queued, handoffCase.Status);
        Assert.Equal(HandoffReason.Asked, handoffCase.Reason);
        Assert.False(handoffCase.Callback);
    }

    [Fact]
    public async Task While_queued_the_bot_answers_no_topic_and_the_message_waits_for_the_operator()
    {
        await using var harness = await HandoffHarness.StartAsync();
        await harness.OperatorOnlineAsync();
        var user = harness.User();
        await user.SayAsync("i want to talk to a person");

        var replies = await user.SayAsync("how do i check if a recruitment agency is registered");

        var text = replies.AllText();
        Assert.StartsWith(Strings(harness)["handoff.still-waiting"], text, StringComparison.Ordinal);
        Assert.Contains("number 1 in the queue", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Department of Employment and Labour", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bot")]
    [InlineData("cancel")]
    [InlineData("emisa")]
    public async Task A_person_can_leave_the_queue_and_the_bot_answers_again(string leave)
    {
        await using var harness = await HandoffHarness.StartAsync();
        await harness.OperatorOnlineAsync();
        var user = harness.User();
        await user.SayAsync("i want to talk to a person");

        var left = await user.SayAsync(leave);
        var answered = await user.SayAsync("menu");

        Assert.Contains(Strings(harness)["handoff.left"], left.AllText(), StringComparison.Ordinal);
        Assert.Equal(HandoffStatus.Closed, (await harness.CaseAsync(user)).Status);
        Assert.Contains(Strings(harness)["menu.intro"], answered.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_takes_over_replies_into_the_channel_hears_the_user_and_hands_back_to_the_bot()
    {
        await using var harness = await HandoffHarness.StartAsync();
        var (user, handoffCase, operatorId) = await WithNalediAsync(harness);

        var messenger = harness.Services.GetRequiredService<UserMessenger>();
        Assert.True(await messenger.SendAsync(handoffCase, [new BotReply("Are you safe to talk now?")], MessageAuthor.Operator, operatorId, CancellationToken.None));
        await harness.Channel.WaitForAsync(user.ConversationId, "Are you safe to talk now?");

        var whileWithOperator = await user.SayAsync("yes i am safe, my boss took my passport");
        Assert.Empty(whileWithOperator);

        Assert.True(await harness.Machine.ReleaseAsync(handoffCase.Id, operatorId, HandoffOutcomes.InformationGiven, CancellationToken.None));
        await harness.Channel.WaitForAsync(user.ConversationId, "handed you back to me");
        var backWithBot = await user.SayAsync("menu");
        Assert.Contains(Strings(harness)["menu.intro"], backWithBot.AllText(), StringComparison.Ordinal);

        var transcript = await TranscriptAsync(harness, handoffCase);
        Assert.Contains((MessageAuthor.Operator, "Are you safe to talk now?"), transcript);
        Assert.Contains((MessageAuthor.User, "yes i am safe, my boss took my passport"), transcript);
    }

    [Fact]
    public async Task Danger_while_queued_gives_contacts_at_once_and_the_urgent_case_jumps_the_queue()
    {
        await using var harness = await HandoffHarness.StartAsync();
        await harness.OperatorOnlineAsync();
        var first = harness.User();
        var second = harness.User();
        await first.SayAsync("i want to talk to a person");
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await second.SayAsync("can someone from your office talk to me");
        harness.Clock.Advance(TimeSpan.FromMinutes(1));

        var replies = await second.SayAsync("they locked us in the farm house and the boss beats us");

        Assert.Contains("10111", replies.AllText(), StringComparison.Ordinal);
        var urgent = await harness.CaseAsync(second);
        Assert.Equal(HumanPriority.Urgent, urgent.Priority);
        var waiting = await harness.Services.GetRequiredService<WaitingList>().WaitingAsync(CancellationToken.None);
        Assert.Equal([urgent.Id, (await harness.CaseAsync(first)).Id], waiting.Select(c => c.Id));
        await harness.Channel.WaitForAsync(first.ConversationId, "You are now number 2 in the queue");
    }

    [Fact]
    public async Task When_nobody_is_online_the_person_gets_numbers_to_call_and_can_leave_a_callback_request_with_a_number()
    {
        await using var harness = await HandoffHarness.StartAsync();
        var user = harness.User();

        var offer = await user.SayAsync("i want to talk to a person");
        Assert.Contains(Strings(harness)["handoff.nobody-online"], offer.AllText(), StringComparison.Ordinal);
        Assert.Contains("0800 222 777", offer.AllText(), StringComparison.Ordinal);
        Assert.Contains("Leave a request", offer.LastButtons());

        var saved = await user.SayAsync("Leave a request");
        Assert.Contains(Strings(harness)["handoff.callback-saved"], saved.AllText(), StringComparison.Ordinal);
        var number = await user.SayAsync("please call me on 0821234567");
        Assert.Contains(Strings(harness)["handoff.callback-number-saved"], number.AllText(), StringComparison.Ordinal);

        var handoffCase = await harness.CaseAsync(user);
        Assert.True(handoffCase.Callback);
        Assert.Equal(HandoffStatus.Queued, handoffCase.Status);
        Assert.NotNull(handoffCase.ProtectedCallbackNumber);
        Assert.DoesNotContain("0821234567", handoffCase.ProtectedCallbackNumber, StringComparison.Ordinal);
        Assert.Equal("0821234567", harness.Services.GetRequiredService<HandoffCaseStore>().CallbackNumber(handoffCase)!.Replace(" ", "", StringComparison.Ordinal));
        // A callback does not hold the conversation: the bot keeps answering.
        Assert.Contains(Strings(harness)["menu.intro"], (await user.SayAsync("menu")).AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_office_hours_the_person_is_told_when_someone_can_answer()
    {
        // Open only on Sunday 03:00-03:01 Maseru time, so the test clock is almost surely outside hours; the reply names the day.
        await using var harness = await HandoffHarness.StartAsync(settings =>
        {
            settings["TipBot:Handoff:OfficeHours:AlwaysOpen"] = "false";
            settings["TipBot:Handoff:OfficeHours:Weekly:0:Days:0"] = "Sunday";
            settings["TipBot:Handoff:OfficeHours:Weekly:0:Open"] = "03:00";
            settings["TipBot:Handoff:OfficeHours:Weekly:0:Close"] = "03:01";
        });
        var hours = harness.Services.GetRequiredService<OfficeHours>();
        if (hours.IsOpen(harness.Clock.GetUtcNow()))
        {
            harness.Clock.Advance(TimeSpan.FromMinutes(5));
        }
        await harness.OperatorOnlineAsync();
        var user = harness.User();

        var replies = await user.SayAsync("i want to talk to a person");

        Assert.Contains("Our team is not working right now. Someone can answer from Sunday 03:00.", replies.AllText(), StringComparison.Ordinal);
        Assert.Contains("Leave a request", replies.LastButtons());
        Assert.Empty(await harness.CasesAsync(user));
    }

    [Fact]
    public async Task Danger_when_nobody_is_online_is_kept_as_an_urgent_callback_case()
    {
        await using var harness = await HandoffHarness.StartAsync();
        var user = harness.User();

        var replies = await user.SayAsync("help they locked me in a room and took my passport, i cant get out");

        Assert.Contains("10111", replies.AllText(), StringComparison.Ordinal);
        Assert.Contains(Strings(harness)["handoff.urgent-recorded"], replies.AllText(), StringComparison.Ordinal);
        var handoffCase = await harness.CaseAsync(user);
        Assert.Equal(HumanPriority.Urgent, handoffCase.Priority);
        Assert.Equal(HandoffReason.Safety, handoffCase.Reason);
        Assert.True(handoffCase.Callback);
    }

    [Fact]
    public async Task A_request_nobody_accepts_in_time_expires_and_the_person_gets_contacts()
    {
        await using var harness = await HandoffHarness.StartAsync(settings => settings["TipBot:Handoff:QueueTimeout"] = "00:05:00");
        await harness.OperatorOnlineAsync();
        var user = harness.User();
        await user.SayAsync("i want to talk to a person");
        var expiry = harness.Services.GetRequiredService<HandoffExpiryService>();

        Assert.Equal(0, await expiry.ExpireOverdueAsync(CancellationToken.None));
        harness.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await expiry.ExpireOverdueAsync(CancellationToken.None));

        var notice = await harness.Channel.WaitForAsync(user.ConversationId, "nobody from our team could answer in time");
        Assert.Contains("0800 222 777", notice.Text, StringComparison.Ordinal);
        Assert.Equal(HandoffStatus.Expired, (await harness.CaseAsync(user)).Status);
        Assert.Contains(Strings(harness)["menu.intro"], (await user.SayAsync("menu")).AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_answering_while_the_operator_s_message_is_still_being_delivered_is_recorded_after_it()
    {
        await using var harness = await HandoffHarness.StartAsync();
        var (user, handoffCase, operatorId) = await WithNalediAsync(harness);

        var messenger = harness.Services.GetRequiredService<UserMessenger>();
        Task<bool> sending;
        using (harness.Channel.HoldDeliveries())
        {
            sending = messenger.SendAsync(handoffCase, [new BotReply("Are you safe to talk now?")], MessageAuthor.Operator, operatorId, CancellationToken.None);
            await harness.Channel.WaitForAsync(user.ConversationId, "Are you safe to talk now?");
            Assert.Empty(await user.SayAsync("yes, i am at my sister's place"));
        }
        Assert.True(await sending);

        // The console orders lines by id: an answer recorded before its question would show above it.
        var transcript = await TranscriptAsync(harness, handoffCase);
        Assert.True(transcript.IndexOf((MessageAuthor.Operator, "Are you safe to talk now?")) < transcript.IndexOf((MessageAuthor.User, "yes, i am at my sister's place")),
            string.Join(" | ", transcript));
    }

    [Fact]
    public async Task A_duplicate_delivery_while_with_an_operator_reaches_the_transcript_once()
    {
        await using var harness = await HandoffHarness.StartAsync();
        var operatorId = await harness.OperatorOnlineAsync();
        var user = harness.User();
        await user.SayAsync("i want to talk to a person");
        var handoffCase = await harness.CaseAsync(user);
        await harness.Machine.AcceptAsync(handoffCase.Id, operatorId, CancellationToken.None);

        await user.SayAsync("hello are you there", activityId: "wamid.same");
        await user.SayAsync("hello are you there", activityId: "wamid.same");

        var transcript = await TranscriptAsync(harness, handoffCase);
        Assert.Single(transcript, line => line.Text == "hello are you there");
    }

    /// <summary>The person asked for someone and Naledi accepted: the conversation is with her.</summary>
    private static async Task<(BotClient User, HandoffCase Case, string OperatorId)> WithNalediAsync(HandoffHarness harness)
    {
        var operatorId = await harness.OperatorOnlineAsync("Naledi");
        var user = harness.User();
        await user.SayAsync("i want to talk to a person");
        var handoffCase = await harness.CaseAsync(user);
        Assert.True(await harness.Machine.AcceptAsync(handoffCase.Id, operatorId, CancellationToken.None));
        await harness.Channel.WaitForAsync(user.ConversationId, "Naledi from our team is here now");
        return (user, handoffCase, operatorId);
    }

    private static async Task<List<(MessageAuthor Author, string Text)>> TranscriptAsync(HandoffHarness harness, HandoffCase handoffCase)
    {
        await using var db = await harness.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        var protector = harness.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("TipBot.Transcript.v1");
        var messages = await db.Set<MessageRecord>().Where(m => m.ConversationId == handoffCase.ConversationId).OrderBy(m => m.Id).ToListAsync();
        return messages.Select(m => (m.Author, protector.Unprotect(m.ProtectedText))).ToList();
    }
}
