using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Console;
using TipBot.Features.Knowledge;
using TipBot.Features.Operators;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Console;

/// <summary>The ready-made replies: safe content in the seed file, seeded at start-up, edited by supervisors.</summary>
public sealed class CannedResponseTests(ConsoleFactory factory) : IClassFixture<ConsoleFactory>
{
    private static readonly string SeedFile = Path.Combine(RepositoryPaths.Knowledge, CannedResponseStore.SeedFile);

    [Fact]
    public void The_seed_file_has_English_and_Sesotho_replies_with_verified_contacts_and_no_typed_numbers()
    {
        var seeds = CannedResponseStore.Parse(File.ReadAllText(SeedFile));
        var knowledge = KnowledgeLoader.Load(RepositoryPaths.Knowledge).Knowledge;

        Assert.InRange(seeds.Count(s => s.Language == "en"), 5, 6);
        Assert.Equal(seeds.Count(s => s.Language == "en"), seeds.Count(s => s.Language == "st"));
        Assert.Contains(seeds, s => s.Language == "en" && s.Text.Contains("{name}", StringComparison.Ordinal));
        foreach (var (language, title, text) in seeds)
        {
            Assert.False(CannedResponseStore.HasTypedNumber(text), $"{language} '{title}' has a phone number typed in");
            foreach (System.Text.RegularExpressions.Match reference in System.Text.RegularExpressions.Regex.Matches(text, @"\{\{contact:([a-z0-9.\-]+)\}\}"))
            {
                Assert.True(knowledge.Contacts.TryGetValue(reference.Groups[1].Value, out var contact) && contact.IsShowable,
                    $"{language} '{title}' uses {reference.Value}, which is missing or unverified");
            }
        }
    }

    [Fact]
    public async Task The_replies_are_seeded_at_start_up_and_filled_in_with_the_operators_name_and_the_numbers()
    {
        var store = factory.Services.GetRequiredService<CannedResponseStore>();
        var knowledge = factory.Services.GetRequiredService<KnowledgeStore>().Current;

        var english = await store.ListAsync("en", default);
        var sesotho = await store.ListAsync("st", default);

        foreach (var (language, title, _) in CannedResponseStore.Parse(File.ReadAllText(SeedFile)))
        {
            Assert.Contains(language == "en" ? english : sesotho, c => c.Title == title);
        }
        var greeting = store.Render(english.First(c => c.Text.Contains("{name}", StringComparison.Ordinal)), "Palesa");
        Assert.Contains("Palesa", greeting, StringComparison.Ordinal);
        var numbers = store.Render(english.First(c => c.Text.Contains("{{contact:za.trafficking-hotline}}", StringComparison.Ordinal)), "Palesa");
        Assert.Contains(knowledge.Contacts["za.trafficking-hotline"].Number, numbers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervisor_adds_a_reply_and_one_with_a_typed_phone_number_is_refused()
    {
        using var browser = await factory.SignedInAsync(await factory.CreateOperatorAsync(OperatorRoles.Supervisor));
        var title = "Check-in " + Guid.NewGuid().ToString("N")[..6];

        using var added = await browser.PostFormAsync("/console/canned?handler=Add",
            new() { ["language"] = "st", ["title"] = title, ["text"] = "Na u sa ntse u le sebakeng se bolokehileng?" }, "/console/canned");
        using var refused = await browser.PostFormAsync("/console/canned?handler=Add",
            new() { ["language"] = "en", ["title"] = title + " number", ["text"] = "Call 0800 123 456 now." }, "/console/canned");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-testid=\"canned-errors\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await factory.Services.GetRequiredService<CannedResponseStore>().ListAsync(null, default);
        Assert.Contains(saved, c => c.Title == title && c.Language == "st");
        Assert.DoesNotContain(saved, c => c.Title == title + " number");
    }

    [Fact]
    public async Task Every_change_to_a_ready_reply_is_kept_with_who_made_it_and_the_page_shows_it_after_a_delete()
    {
        var supervisor = await factory.CreateOperatorAsync(OperatorRoles.Supervisor);
        using var browser = await factory.SignedInAsync(supervisor);
        var store = factory.Services.GetRequiredService<CannedResponseStore>();
        var title = "Still safe " + Guid.NewGuid().ToString("N")[..6];

        using var added = await browser.PostFormAsync("/console/canned?handler=Add",
            new() { ["language"] = "en", ["title"] = title, ["text"] = "Are you still somewhere safe?" }, "/console/canned");
        var id = (await store.ListAsync("en", default)).Single(c => c.Title == title).Id;
        using var edited = await browser.PostFormAsync($"/console/canned?handler=Update&id={id}",
            new() { ["language"] = "en", ["title"] = title, ["text"] = "Are you somewhere safe right now?" }, "/console/canned");
        using var deleted = await browser.PostFormAsync($"/console/canned?handler=Delete&id={id}", [], "/console/canned");

        Assert.All([added, edited, deleted], response => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode));
        var changes = (await store.HistoryAsync(default)).Where(c => c.ResponseId == id).ToList();
        Assert.Equal([CannedResponseActions.Delete, CannedResponseActions.Edit, CannedResponseActions.Add], changes.Select(c => c.Action));
        Assert.All(changes, c => Assert.Equal(supervisor.Id, c.OperatorId));
        Assert.Equal("Are you somewhere safe right now?", changes[0].Text);
        Assert.Equal("Are you still somewhere safe?", changes[2].Text);
        var page = await browser.PageAsync("/console/canned");
        var history = page[page.IndexOf("data-testid=\"canned-history\"", StringComparison.Ordinal)..];
        Assert.Contains(title, history, StringComparison.Ordinal);
        Assert.Contains(supervisor.DisplayName, history, StringComparison.Ordinal);
    }
}
