using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TipBot.Features.Operators;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Operators;

/// <summary>`operators add`: the only way to make an account, with a one-time password that must be changed.</summary>
public sealed partial class OperatorsCommandTests(TipBotFactory factory) : IClassFixture<TipBotFactory>
{
    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await OperatorsCommand.RunAsync(factory.Services, arguments, output, error, TimeProvider.System);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Adding_an_operator_prints_a_one_time_password_that_signs_in_and_must_be_changed()
    {
        var email = $"naledi-{Guid.NewGuid():N}@hotline.example";

        var (exit, output, _) = await RunAsync("add", "--email", email, "--name", "Naledi", "--role", "supervisor");

        Assert.Equal(0, exit);
        var password = OneTimePassword().Match(output).Groups[1].Value;
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OperatorAccount>>();
        var account = await users.FindByEmailAsync(email);
        Assert.NotNull(account);
        Assert.Equal("Naledi", account.DisplayName);
        Assert.True(account.MustChangePassword);
        Assert.True(await users.CheckPasswordAsync(account, password));
        Assert.Equal([OperatorRoles.Supervisor], await users.GetRolesAsync(account));
    }

    [Fact]
    public async Task Two_accounts_never_get_the_same_password()
    {
        var first = await RunAsync("add", "--email", $"a-{Guid.NewGuid():N}@hotline.example", "--name", "A", "--role", "operator");
        var second = await RunAsync("add", "--email", $"b-{Guid.NewGuid():N}@hotline.example", "--name", "B", "--role", "operator");

        Assert.NotEqual(OneTimePassword().Match(first.Output).Groups[1].Value, OneTimePassword().Match(second.Output).Groups[1].Value);
    }

    [Theory]
    [InlineData("add", "--email", "x@hotline.example", "--name", "X", "--role", "root")]
    [InlineData("add", "--email", "x@hotline.example", "--role", "operator")]
    [InlineData("remove", "--email", "x@hotline.example")]
    public async Task A_bad_command_line_prints_the_usage_and_creates_nothing(params string[] arguments)
    {
        var (exit, _, error) = await RunAsync(arguments);

        Assert.Equal(2, exit);
        Assert.Contains("usage: operators add", error, StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<OperatorAccount>>().FindByEmailAsync("x@hotline.example"));
    }

    [Fact]
    public async Task The_same_email_twice_is_refused()
    {
        var email = $"twice-{Guid.NewGuid():N}@hotline.example";
        await RunAsync("add", "--email", email, "--name", "One", "--role", "operator");

        var (exit, _, error) = await RunAsync("add", "--email", email, "--name", "Two", "--role", "operator");

        Assert.Equal(1, exit);
        Assert.Contains("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void One_time_passwords_meet_the_password_policy()
    {
        for (var i = 0; i < 200; i++)
        {
            var password = OperatorsCommand.OneTimePassword();
            Assert.Equal(20, password.Length);
            Assert.Contains(password, char.IsAsciiLetterLower);
            Assert.Contains(password, char.IsAsciiLetterUpper);
            Assert.Contains(password, char.IsAsciiDigit);
            Assert.Contains(password, c => !char.IsAsciiLetterOrDigit(c));
        }
    }

    [GeneratedRegex(@"One-time password[^:]*: (\S+)")]
    private static partial Regex OneTimePassword();
}
