using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TipBot.Features.Knowledge;
using TipBot.Features.Safety;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Conversations;

/// <summary>A host whose safety check throws on one marker word, standing in for any failure inside a turn.</summary>
public sealed class FailingTurnFactory : TipBotFactory
{
    public const string Marker = "kaboom";

    public FailingTurnFactory() : base(null, services =>
    {
        services.AddSingleton<SafetyTriage>();
        services.AddSingleton<ISafetyCheck, ThrowingSafetyCheck>();
    })
    {
    }

    private sealed class ThrowingSafetyCheck(SafetyTriage inner) : ISafetyCheck
    {
        public SafetyAssessment Assess(SafetyInput input) =>
            input.Text.Contains(Marker, StringComparison.Ordinal) ? throw new InvalidOperationException("safety check failed for the test") : inner.Assess(input);
    }
}

public sealed class TurnErrorTests(FailingTurnFactory factory) : IClassFixture<FailingTurnFactory>
{
    private LocaleStrings Strings => factory.Services.GetRequiredService<KnowledgeStore>().Current.Strings("en");

    [Fact]
    public async Task A_failing_turn_gets_the_kind_error_reply_with_the_emergency_number()
    {
        var bot = factory.Conversation();

        using var response = await bot.PostAsync(bot.Activity("my passport " + FailingTurnFactory.Marker).ToString());
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("safety check failed", body, StringComparison.Ordinal);
        var reply = Assert.Single(BotClient.ParseReplies(body));
        Assert.StartsWith(Strings["error.turn"], reply.Text, StringComparison.Ordinal);
        Assert.Contains("10111", reply.Text, StringComparison.Ordinal);
        Assert.Contains(Strings["button.menu"], reply.Buttons());
        Assert.Contains(factory.Logs.Logs, l => l.Level == LogLevel.Error && l.Category.EndsWith("TurnErrorHandler", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_next_message_after_a_failing_turn_works()
    {
        var bot = factory.Conversation();
        await bot.SayAsync("menu");
        await bot.SayAsync("2 " + FailingTurnFactory.Marker);

        var replies = await bot.SayAsync("menu");

        Assert.StartsWith(Strings["menu.intro"], Assert.Single(replies).Text, StringComparison.Ordinal);
    }
}
