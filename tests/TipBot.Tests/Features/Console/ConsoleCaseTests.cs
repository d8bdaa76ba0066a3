using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Console;
using TipBot.Features.Conversations;
using TipBot.Features.Handoff;
using TipBot.Features.Operators;

namespace TipBot.Tests.Features.Console;

/// <summary>An operator's work on a case, through the console's pages and API, against the real host.</summary>
public sealed class ConsoleCaseTests(ConsoleFactory factory) : IClassFixture<ConsoleFactory>
{
    private CaseReader Reader => factory.Services.GetRequiredService<CaseReader>();

    private static JsonElement? Row(JsonElement queue, Guid caseId) =>
        queue.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(r => r!.Value.GetProperty("id").GetGuid() == caseId);

    [Fact]
    public async Task An_operator_sees_the_case_of_a_person_who_asks_for_a_person()
    {
        var op = await factory.CreateOperatorAsync(OperatorRoles.Operator);
        var (_, caseId) = await factory.RaiseCaseAsync(op);
        using var browser = await factory.SignedInAsync(op);

        var row = Row(await browser.QueueAsync(), caseId);
        var page = await browser.PageAsync("/console");

        Assert.NotNull(row);
        Assert.Equal("Queued", row.Value.GetProperty("status").GetString());
        Assert.Equal("Asked for a person", row.Value.GetProperty("reasonLabel").GetString());
        Assert.True(row.Value.GetProperty("canAccept").GetBoolean());
        Assert.Contains($"data-case-id=\"{caseId}\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"accept-button\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_accepted_case_takes_the_operators_reply_into_the_transcript_and_to_the_person()
    {
        var op = await factory.CreateOperatorAsync(OperatorRoles.Operator);
        using var accepted = await factory.AcceptedCaseAsync(op);
        var (user, caseId, browser) = accepted;

        using var reply = await browser.PostJsonAsync($"/console/api/cases/{caseId}/reply", new { text = "Hello, I am here to help you." });

        Assert.Equal(HttpStatusCode.NoContent, reply.StatusCode);
        var transcript = await Reader.TranscriptAsync(caseId, default);
        var line = Assert.Single(transcript, l => l.Author == MessageAuthor.Operator);
        Assert.Equal(op.DisplayName, line.OperatorName);
        Assert.Contains("Hello, I am here to help you.", line.Text, StringComparison.Ordinal);
        await factory.Channel.WaitForAsync(user.ConversationId, "Hello, I am here to help you.");
        var page = await browser.PageAsync($"/console/cases/{caseId}");
        Assert.Contains("data-testid=\"reply-box\"", page, StringComparison.Ordinal);
        Assert.Contains("Hello, I am here to help you.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_accept_of_the_same_case_is_a_conflict_that_says_someone_else_has_it()
    {
        var first = await factory.CreateOperatorAsync(OperatorRoles.Operator);
        var second = await factory.CreateOperatorAsync(OperatorRoles.Operator);
        var (_, caseId) = await factory.RaiseCaseAsync(first);
        using var firstBrowser = await factory.SignedInAsync(first);
        using var secondBrowser = await factory.SignedInAsync(second);

        using var won = await firstBrowser.PostJsonAsync($"/console/api/cases/{caseId}/accept");
        using var lost = await secondBrowser.PostJsonAsync($"/console/api/cases/{caseId}/accept");

        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Equal("Another operator has already taken this case.", await ConsoleClient.ProblemDetailAsync(lost));
        using var reply = await secondBrowser.PostJsonAsync($"/console/api/cases/{caseId}/reply", new { text = "me too" });
        Assert.Equal(HttpStatusCode.Forbidden, reply.StatusCode);
    }

    [Fact]
    public async Task A_change_without_the_antiforgery_token_is_refused()
    {
        var op = await factory.CreateOperatorAsync(OperatorRoles.Operator);
        var (_, caseId) = await factory.RaiseCaseAsync(op);
        using var browser = await factory.SignedInAsync(op);

        using var forged = await browser.Http.PostAsync(new Uri($"/console/api/cases/{caseId}/accept", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HandoffStatus.Queued, (await Reader.SummaryAsync(caseId, default))!.Status);
    }

    [Fact]
    public async Task Private_notes_stay_in_the_console_and_never_reach_the_person()
    {
        const string Note = "She sounded frightened; check on her tomorrow morning.";
        using var accepted = await factory.AcceptedCaseAsync(await factory.CreateOperatorAsync(OperatorRoles.Operator));
        var (user, caseId, browser) = accepted;

        using var added = await browser.PostJsonAsync($"/console/api/cases/{caseId}/notes", new { text = Note });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.DoesNotContain(await Reader.TranscriptAsync(caseId, default), l => l.Text.Contains("frightened", StringComparison.Ordinal));
        // Whatever reached the person before a later reply: no note among it.
        using var reply = await browser.PostJsonAsync($"/console/api/cases/{caseId}/reply", new { text = "Thank you for waiting." });
        await factory.Channel.WaitForAsync(user.ConversationId, "Thank you for waiting.");
        Assert.DoesNotContain(factory.Channel.Seen, a => a.Text?.Contains("frightened", StringComparison.Ordinal) == true);
        var page = await browser.PageAsync($"/console/cases/{caseId}");
        Assert.Contains(Note, page, StringComparison.Ordinal);
        Assert.Contains("never sent to the person", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Releasing_a_case_requires_an_outcome_an_operator_can_choose()
    {
        using var accepted = await factory.AcceptedCaseAsync(await factory.CreateOperatorAsync(OperatorRoles.Operator));
        var (_, caseId, browser) = accepted;

        using var none = await browser.PostJsonAsync($"/console/api/cases/{caseId}/release", new { outcome = "" });
        using var reserved = await browser.PostJsonAsync($"/console/api/cases/{caseId}/release", new { outcome = HandoffOutcomes.UserLeftQueue });
        using var released = await browser.PostJsonAsync($"/console/api/cases/{caseId}/release", new { outcome = HandoffOutcomes.InformationGiven });

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reserved.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        var summary = await Reader.SummaryAsync(caseId, default);
        Assert.Equal(HandoffStatus.Released, summary!.Status);
        Assert.Equal(HandoffOutcomes.InformationGiven, summary.Outcome);
    }

    [Fact]
    public async Task An_operator_cannot_read_the_audit_trail_but_a_supervisor_can()
    {
        var op = await factory.CreateOperatorAsync(OperatorRoles.Operator);
        using var accepted = await factory.AcceptedCaseAsync(op);
        var (_, caseId, operatorBrowser) = accepted;
        using var supervisorBrowser = await factory.SignedInAsync(await factory.CreateOperatorAsync(OperatorRoles.Supervisor));

        using var refused = await operatorBrowser.GetAsync($"/console/api/cases/{caseId}/audit");
        var operatorPage = await operatorBrowser.PageAsync($"/console/cases/{caseId}");
        using var allowed = await supervisorBrowser.GetAsync($"/console/api/cases/{caseId}/audit");
        var supervisorPage = await supervisorBrowser.PageAsync($"/console/cases/{caseId}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("data-testid=\"audit-trail\"", operatorPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        var trail = (await allowed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Contains(trail, e => e.GetProperty("action").GetString() == AuditActions.Accept && e.GetProperty("operatorName").GetString() == op.DisplayName);
        Assert.Contains(trail, e => e.GetProperty("action").GetString() == AuditActions.View);
        Assert.Contains("data-testid=\"audit-trail\"", supervisorPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_person_and_the_pages_see_the_operators_display_name_never_the_email()
    {
        var op = await factory.CreateOperatorAsync(OperatorRoles.Operator);
        using var accepted = await factory.AcceptedCaseAsync(op);
        var (user, caseId, browser) = accepted;
        using var reply = await browser.PostJsonAsync($"/console/api/cases/{caseId}/reply", new { text = "I am listening." });

        var notice = await factory.Channel.WaitForAsync(user.ConversationId, op.DisplayName + " from our team is here now");
        var said = await factory.Channel.WaitForAsync(user.ConversationId, $"*{op.DisplayName}:* I am listening.");

        var sent = factory.Channel.Seen.Append(notice).Append(said).Select(a => a.Text ?? "");
        Assert.DoesNotContain(sent, text => text.Contains("@hotline.example", StringComparison.Ordinal));
        foreach (var path in new[] { "/console", $"/console/cases/{caseId}" })
        {
            var page = await browser.PageAsync(path);
            Assert.Contains(op.DisplayName, page, StringComparison.Ordinal);
            Assert.DoesNotContain("@hotline.example", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_callback_number_is_never_in_the_case_page_and_showing_it_is_audited()
    {
        var op = await factory.CreateOperatorAsync(OperatorRoles.Operator);
        var supervisor = await factory.CreateOperatorAsync(OperatorRoles.Supervisor);
        // Nobody online: the bot offers to leave a request, and the person leaves a number to be called on.
        var user = factory.Person();
        await user.SayAsync("I want to talk to a person");
        await user.SayAsync("Leave a request");
        await user.SayAsync("+27 82 555 0143");
        var caseId = await factory.CaseOfAsync(user);
        Assert.True((await Reader.SummaryAsync(caseId, default))!.HasCallbackNumber, "the number was saved on the callback case");
        using var browser = await factory.SignedInAsync(op);

        var page = await browser.PageAsync($"/console/cases/{caseId}");
        using var shown = await browser.PostJsonAsync($"/console/api/cases/{caseId}/callback-number");

        Assert.Contains("data-testid=\"show-number-button\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("555 0143", page, StringComparison.Ordinal);
        Assert.DoesNotContain("5550143", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("555", (await shown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString(), StringComparison.Ordinal);
        using var supervisorBrowser = await factory.SignedInAsync(supervisor);
        using var audit = await supervisorBrowser.GetAsync($"/console/api/cases/{caseId}/audit");
        var trail = (await audit.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray();
        Assert.Contains(trail, e => e.GetProperty("action").GetString() == AuditActions.ViewCallbackNumber && e.GetProperty("detail").ValueKind == JsonValueKind.Null);
    }
}
