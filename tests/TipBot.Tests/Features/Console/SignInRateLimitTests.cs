using System.Net;
using TipBot.Features.Operators;

namespace TipBot.Tests.Features.Console;

/// <summary>One client address gets a few sign-in attempts a minute, whichever accounts it tries.</summary>
public sealed class SignInRateLimitTests : IClassFixture<ConsoleFactory>
{
    private readonly ConsoleFactory _factory;

    public SignInRateLimitTests(ConsoleFactory factory)
    {
        // Read when the host is built, on first use below.
        factory.Settings["TipBot:Operators:SignInAttemptsPerMinute"] = "3";
        _factory = factory;
    }

    [Fact]
    public async Task Sign_in_attempts_past_the_limit_get_429_even_with_the_right_password_of_another_account()
    {
        var first = await _factory.CreateOperatorAsync(OperatorRoles.Operator);
        var second = await _factory.CreateOperatorAsync(OperatorRoles.Operator);
        using var browser = _factory.Browser();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var wrong = await browser.SignInAsync(first.Email, "Wrong-password-" + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        using var limited = await browser.SignInAsync(second.Email, second.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        using var page = await browser.GetAsync("/console/signin");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
