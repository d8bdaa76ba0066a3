using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Knowledge;
using TipBot.Persistence;
using TipBot.Tests.Support;

namespace TipBot.Tests.Hosting;

public sealed class HostingEndpointsTests(TipBotFactory factory) : IClassFixture<TipBotFactory>
{
    [Fact]
    public async Task Healthz_is_200_with_the_database_and_knowledge_checks_healthy()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        var checks = health.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetString());
        Assert.Equal("Healthy", checks.GetProperty("knowledge").GetString());
    }

    [Fact]
    public async Task The_home_page_is_HTML_about_TipBot()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>TipBot</title>", html, StringComparison.Ordinal);
        Assert.Contains("/api/messages", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_started_through_Program_prepares_knowledge_ranker_and_database()
    {
        // Program.cs runs TipBotStartup.RunAsync, which prepares before serving; the factory must go through it.
        _ = factory.Server;

        var knowledge = factory.Services.GetRequiredService<KnowledgeStore>();
        Assert.True(knowledge.IsReady);
        Assert.Equal(RepositoryPaths.Knowledge, knowledge.Root);
        Assert.Equal(knowledge.Current.TopicIds.Count, factory.Services.GetRequiredService<TipBot.Features.Understanding.TopicRanker>().TopicCount);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<TipBotDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(TestDatabase.IsPostgreSql ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        Assert.True(TestDatabase.IsPostgreSql || File.Exists(factory.DatabaseFile), "the SQLite database is in the test's own data folder");
        Assert.True(Directory.Exists(Path.Combine(factory.DataDirectory, "keys")), "the Data Protection keys are in the test's own data folder");
    }

    [Fact]
    public async Task An_unknown_path_is_404_without_details()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
