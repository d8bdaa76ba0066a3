using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TipBot.Features.Console;
using TipBot.Features.Conversations;
using TipBot.Features.Handoff;
using TipBot.Features.Operators;
using TipBot.Persistence;
using TipBot.Tests.Support;
using TipBot.Tests.Support.Browser;

namespace TipBot.Tests.Features.Console;

/// <summary>
/// The operator console in real headless Chromium against TipBot on loopback HTTP, with people writing through
/// POST /api/messages on a channel served on loopback too: what an operator does in the browser reaches the person,
/// and what the person writes appears on the operator's screen.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed partial class ConsoleBrowserTests(BrowserFixture browser) : IAsyncLifetime, IDisposable
{
    private KestrelTipBotFactory _host = null!;
    private FakeChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _channel = await FakeChannel.StartAsync();
        _host = new KestrelTipBotFactory();
    }

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    public void Dispose() => _host.Dispose();

    private BotClient User() => _host.Conversation(serviceUrl: _channel.ServiceUrl);

    private async Task<TestOperator> OperatorAsync(string role = OperatorRoles.Operator, string name = "Palesa") =>
        await TestOperators.CreateAsync(_host.Services, role, name);

    /// <summary>Signs in through the form; the queue is open and its live connection is up when this returns.</summary>
    private async Task<BrowserTab> SignInAsync(TestOperator op, Screen screen = Screen.Laptop)
    {
        var tab = await browser.OpenAsync(_host, "/console/signin", screen);
        await tab.Page.GetByTestId("signin-email").FillAsync(op.Email);
        await tab.Page.GetByTestId("signin-password").FillAsync(op.Password);
        await tab.Page.GetByTestId("signin-button").ClickAsync();
        try
        {
            // Polls the address rather than waiting for a navigation event: twice in CI the queue was on screen at
            // /console, live, when WaitForURLAsync timed out after 30 s (with the load event, then with DOMContentLoaded).
            await Assertions.Expect(tab.Page).ToHaveURLAsync(QueueUrl(), new() { Timeout = 30_000 });
        }
        catch (PlaywrightException)
        {
            // Say where the browser ended up and what the page said.
            var said = await tab.Page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            throw new Xunit.Sdk.XunitException($"Sign-in did not reach the queue; the browser is at {tab.Page.Url}, showing: {said[..Math.Min(said.Length, 400)]}");
        }
        await Assertions.Expect(tab.Page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "live");
        return tab;
    }

    private static ILocator Row(IPage page, Guid caseId) => page.Locator($"[data-testid=queue-row][data-case-id='{caseId}']");

    [SkippableFact]
    public async Task An_operator_takes_a_case_from_the_queue_talks_with_the_person_live_and_hands_back_to_the_bot()
    {
        browser.RequireBrowser();
        var op = await OperatorAsync(name: "Palesa");
        await using var tab = await SignInAsync(op);
        var page = tab.Page;
        var user = User();
        await AcceptRequestAsync(page, user);

        var delivered = _channel.WaitForAsync(user.ConversationId, "Are you safe to talk now?");
        await page.GetByTestId("reply-box").FillAsync("Are you safe to talk now?");
        await page.GetByTestId("send-button").ClickAsync();
        await delivered;

        Assert.Empty(await user.SayAsync("yes, i am at my sister's place in Maseru"));
        // Generous: the line comes by a push after the turn, on two cores that run the whole suite.
        await Assertions.Expect(page.GetByTestId("transcript-line").Last).ToContainTextAsync("yes, i am at my sister's place in Maseru",
            new() { Timeout = 15_000 });

        var released = _channel.WaitForAsync(user.ConversationId, "handed you back to me");
        await page.GetByTestId("release-outcome").SelectOptionAsync(HandoffOutcomes.InformationGiven);
        await page.GetByTestId("release-button").ClickAsync();
        await released;
        Assert.Contains("Fake job offers", (await user.SayAsync("menu")).LastButtons());
        Assert.Equal(HandoffStatus.Released, Assert.Single(await CasesAsync()).Status);
    }

    [SkippableFact]
    public async Task A_release_outcome_the_operator_chose_is_kept_when_the_person_writes_meanwhile()
    {
        browser.RequireBrowser();
        await using var tab = await SignInAsync(await OperatorAsync(name: "Palesa"));
        var page = tab.Page;
        var user = User();
        await AcceptRequestAsync(page, user);

        var outcome = page.GetByTestId("release-outcome");
        await outcome.SelectOptionAsync(HandoffOutcomes.InformationGiven);
        // Marks the element on screen, so the test can tell when the live refresh has put the server's copy in its place.
        await outcome.EvaluateAsync("select => select.dataset.beforeRefresh = 'yes'");
        Assert.Empty(await user.SayAsync("sorry, my phone died for a moment"));
        await Assertions.Expect(page.Locator("[data-testid=release-outcome]:not([data-before-refresh])")).ToBeAttachedAsync(new() { Timeout = 15_000 });

        await Assertions.Expect(outcome).ToHaveValueAsync(HandoffOutcomes.InformationGiven);
        var released = _channel.WaitForAsync(user.ConversationId, "handed you back to me");
        await page.GetByTestId("release-button").ClickAsync();
        await released;
    }

    /// <summary>The person asks for someone; Palesa accepts from the queue, which opens the case with its live connection up.</summary>
    private async Task<HandoffCase> AcceptRequestAsync(IPage page, BotClient user)
    {
        await user.SayAsync("i want to talk to a real person about my passport");
        var handoffCase = Assert.Single(await CasesAsync());
        var row = Row(page, handoffCase.Id);
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("talk to a real person about my passport");

        var accepted = _channel.WaitForAsync(user.ConversationId, "Palesa from our team is here now");
        await row.GetByTestId("accept-button").ClickAsync();
        await accepted;
        // Accepting opens the case.
        await page.WaitForURLAsync(new Regex($"/console/cases/{handoffCase.Id}"));
        await Assertions.Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(page.GetByTestId("transcript")).ToContainTextAsync("talk to a real person about my passport");
        return handoffCase;
    }

    [SkippableFact]
    public async Task Transcript_lines_stay_in_the_order_they_were_said_when_a_later_line_arrives_first()
    {
        browser.RequireBrowser();
        await using var tab = await SignInAsync(await OperatorAsync(name: "Palesa"));
        var page = tab.Page;
        var user = User();
        var handoffCase = await AcceptRequestAsync(page, user);

        // A line said later reaches the page first, as when the person's answer is pushed before the catch-up that
        // follows the operator's reply brings the operator's own line.
        await _host.Services.GetRequiredService<IHubContext<ConsoleHub, IConsoleClient>>().Clients.Group(ConsoleHub.CaseGroup(handoffCase.Id))
            .MessageAdded(new TranscriptLine(1_000_000, handoffCase.Id, MessageAuthor.User, null, "a line said later", DateTime.UtcNow, false));
        await Assertions.Expect(page.GetByTestId("transcript-line").Last).ToContainTextAsync("a line said later");
        var delivered = _channel.WaitForAsync(user.ConversationId, "Are you safe to talk now?");
        await page.GetByTestId("reply-box").FillAsync("Are you safe to talk now?");
        await page.GetByTestId("send-button").ClickAsync();
        await delivered;
        await Assertions.Expect(page.GetByTestId("transcript-line").Filter(new() { HasText = "Are you safe to talk now?" })).ToHaveCountAsync(1);

        var ids = await page.EvaluateAsync<long[]>("() => [...document.querySelectorAll('[data-testid=transcript-line]')].map(line => Number(line.dataset.lineId))");
        Assert.Equal(ids.Order(), ids);
        await Assertions.Expect(page.GetByTestId("transcript-line").Last).ToContainTextAsync("a line said later");
    }

    [SkippableFact]
    public async Task Two_operators_accepting_the_same_case_at_once_one_gets_it_and_the_other_is_told()
    {
        browser.RequireBrowser();
        await using var first = await SignInAsync(await OperatorAsync(name: "Palesa"));
        await using var second = await SignInAsync(await OperatorAsync(name: "Thabo"));
        await User().SayAsync("can someone from your office talk to me");
        var caseId = Assert.Single(await CasesAsync()).Id;
        var buttons = new[] { first.Page, second.Page }.Select(p => Row(p, caseId).GetByTestId("accept-button")).ToArray();
        foreach (var button in buttons)
        {
            await Assertions.Expect(button).ToBeVisibleAsync();
        }

        await Task.WhenAll(buttons.Select(b => b.ClickAsync()));

        // A click returns before its request does: the winner is the page that opens the case.
        var caseUrl = new Regex($"/console/cases/{caseId}");
        await Task.WhenAny(first.Page.WaitForURLAsync(caseUrl), second.Page.WaitForURLAsync(caseUrl));
        var taken = Assert.Single(await CasesAsync());
        Assert.Equal(HandoffStatus.WithOperator, taken.Status);
        var loser = taken.OperatorId == (await IdOfAsync(first.Page)) ? second.Page : first.Page;
        // The loser is told: by the error when their click reached the server second, or, when the live update got
        // there first, by the case no longer being offered to them.
        await loser.WaitForFunctionAsync(
            """
            id => {
              const error = document.querySelector('[data-testid=action-error]');
              if (error && error.textContent.includes('Another operator has already taken this case')) return true;
              const row = document.querySelector(`[data-testid=queue-row][data-case-id='${id}']`);
              return !row || row.dataset.status !== 'Queued' || row.querySelector('[data-testid=accept-button]').hidden;
            }
            """, caseId.ToString(), new() { Timeout = 5000 });
    }

    [SkippableFact]
    public async Task An_urgent_case_jumps_the_queue_and_raises_a_visible_alert()
    {
        browser.RequireBrowser();
        await using var tab = await SignInAsync(await OperatorAsync());
        await User().SayAsync("i want to talk to a person");
        await Assertions.Expect(tab.Page.GetByTestId("queue-row")).ToHaveCountAsync(1);

        await User().SayAsync("they locked us in the farm house and the boss beats us, please help");

        var alert = tab.Page.GetByTestId("urgent-alerts");
        await Assertions.Expect(alert).ToBeVisibleAsync();
        await Assertions.Expect(tab.Page.GetByTestId("queue-row")).ToHaveCountAsync(2);
        await Assertions.Expect(tab.Page.GetByTestId("queue-row").First).ToHaveAttributeAsync("data-urgent", "true");
    }

    [SkippableFact]
    public async Task With_nobody_online_the_person_leaves_a_callback_request_that_a_supervisor_then_sees()
    {
        browser.RequireBrowser();
        var user = User();
        var offer = await user.SayAsync("i want to talk to a person");
        Assert.Contains("Leave a request", offer.LastButtons());
        await user.SayAsync("Leave a request");

        await using var tab = await SignInAsync(await OperatorAsync(OperatorRoles.Supervisor));

        var row = Row(tab.Page, Assert.Single(await CasesAsync()).Id);
        await Assertions.Expect(row).ToBeVisibleAsync();
        Assert.True(Assert.Single(await CasesAsync()).Callback);
    }

    [SkippableFact]
    public async Task A_case_the_person_deletes_leaves_the_queue_and_its_open_page_at_once_without_a_reload()
    {
        browser.RequireBrowser();
        var user = User();
        await user.SayAsync("i want to talk to a person");
        await user.SayAsync("Leave a request");
        await user.SayAsync("my cousin in Welkom has not called for a week");
        var caseId = Assert.Single(await CasesAsync()).Id;
        await using var queue = await SignInAsync(await OperatorAsync(OperatorRoles.Supervisor, "Mpho"));
        await using var casePage = await SignInAsync(await OperatorAsync(OperatorRoles.Supervisor, "Lerato"));
        await Assertions.Expect(Row(queue.Page, caseId)).ToBeVisibleAsync();
        await casePage.Page.GotoAsync($"/console/cases/{caseId}");
        await Assertions.Expect(casePage.Page.GetByTestId("transcript")).ToContainTextAsync("has not called for a week");
        await Assertions.Expect(casePage.Page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "live");

        await user.SayAsync("delete my data");
        await user.SayAsync("Yes, delete");

        await Assertions.Expect(Row(queue.Page, caseId)).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(casePage.Page.GetByTestId("action-error")).ToContainTextAsync("deleted this conversation", new() { Timeout = 15_000 });
        await Assertions.Expect(casePage.Page.GetByTestId("transcript-line")).ToHaveCountAsync(0);
        Assert.Empty(await CasesAsync());
    }

    [SkippableFact]
    public async Task A_request_nobody_accepts_expires_the_person_is_told_and_the_supervisor_still_sees_it()
    {
        browser.RequireBrowser();
        _host.Settings["TipBot:Handoff:QueueTimeout"] = "00:00:05";
        _host.Settings["TipBot:Handoff:ExpiryCheckInterval"] = "00:00:01";
        await using var tab = await SignInAsync(await OperatorAsync(OperatorRoles.Supervisor));
        var user = User();
        // The 5 s queue timeout, up to 1 s until the next check and a turn on a busy CI machine: 10 s was too tight.
        var expired = _channel.WaitForAsync(user.ConversationId, "nobody from our team could answer in time", TimeSpan.FromSeconds(30));

        await user.SayAsync("i want to talk to a person");

        await expired;
        var row = Row(tab.Page, Assert.Single(await CasesAsync()).Id);
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", nameof(HandoffStatus.Expired));
    }

    [SkippableFact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        browser.RequireBrowser();
        var op = await OperatorAsync();
        await using var tab = await browser.OpenAsync(_host, "/console/signin", Screen.Laptop);
        var page = tab.Page;

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await page.GetByTestId("signin-email").FillAsync(op.Email);
            await page.GetByTestId("signin-password").FillAsync("Wrong-password-" + attempt);
            await page.GetByTestId("signin-button").ClickAsync();
            await Assertions.Expect(page.GetByTestId("signin-error")).ToBeVisibleAsync();
        }
        await page.GetByTestId("signin-email").FillAsync(op.Email);
        await page.GetByTestId("signin-password").FillAsync(op.Password);
        await page.GetByTestId("signin-button").ClickAsync();

        await Assertions.Expect(page.GetByTestId("signin-error")).ToContainTextAsync("locked");
        Assert.Contains("/console/signin", page.Url, StringComparison.Ordinal);
    }

    [SkippableTheory, EveryScreen]
    public async Task The_console_pages_have_no_serious_accessibility_violations_and_fit_the_screen(Screen screen)
    {
        browser.RequireBrowser();
        var op = await OperatorAsync();
        await using (var signIn = await browser.OpenAsync(_host, "/console/signin", screen))
        {
            await Accessibility.AssertNoSeriousViolationsAsync(signIn.Page);
        }
        await using var tab = await SignInAsync(op, screen);
        await User().SayAsync("i want to talk to a person");
        var row = Row(tab.Page, Assert.Single(await CasesAsync()).Id);
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(tab.Page);
        await AssertFitsAsync(tab.Page, screen);

        // Accepting opens the case.
        await row.GetByTestId("accept-button").ClickAsync();
        await tab.Page.WaitForURLAsync(new Regex("/console/cases/"));
        await Assertions.Expect(tab.Page.GetByTestId("reply-box")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(tab.Page);
        await AssertFitsAsync(tab.Page, screen);
    }

    [SkippableTheory, EveryScreen]
    public async Task A_supervisor_changes_a_ready_reply_in_the_browser_and_the_history_shows_who_did_it(Screen screen)
    {
        browser.RequireBrowser();
        var supervisor = await OperatorAsync(OperatorRoles.Supervisor, "Mpho");
        await using var tab = await SignInAsync(supervisor, screen);
        await tab.Page.GotoAsync(ConsolePaths.Canned);

        await tab.Page.GetByTestId("canned-list-en").GetByRole(AriaRole.Link).First.ClickAsync();
        await tab.Page.Locator("#canned-text").FillAsync("Are you somewhere safe right now? I am {name}, and I am here.");
        await tab.Page.GetByTestId("canned-form").GetByRole(AriaRole.Button).ClickAsync();

        var latest = tab.Page.GetByTestId("canned-history").Locator("li").First;
        await Assertions.Expect(latest).ToContainTextAsync("Mpho");
        await Assertions.Expect(latest.Locator("details p")).ToHaveTextAsync("Are you somewhere safe right now? I am {name}, and I am here.", new() { UseInnerText = false });
        await Accessibility.AssertNoSeriousViolationsAsync(tab.Page);
        await AssertFitsAsync(tab.Page, screen);
    }

    private static async Task AssertFitsAsync(IPage page, Screen screen) =>
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), $"{page.Url} is wider than the {screen} screen");

    private async Task<List<HandoffCase>> CasesAsync()
    {
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        return await db.Set<HandoffCase>().OrderBy(c => c.RequestedAt).ToListAsync();
    }

    private async Task<string?> IdOfAsync(IPage page) =>
        await TestOperators.IdByDisplayNameAsync(_host.Services, await page.GetByTestId("operator-name").InnerTextAsync());

    [GeneratedRegex("/console/?$")]
    private static partial Regex QueueUrl();
}
