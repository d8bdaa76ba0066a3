using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using TipBot.Features.Operators;

namespace TipBot.Tests.Features.Console;

/// <summary>Sign-in codes from an authenticator app: turned on in the console, then asked for after the password.</summary>
public sealed partial class ConsoleTwoFactorTests(ConsoleFactory factory) : IClassFixture<ConsoleFactory>
{
    [Fact]
    public async Task With_sign_in_codes_on_the_password_alone_does_not_open_the_console()
    {
        var op = await factory.CreateOperatorAsync(OperatorRoles.Operator);
        string key;
        using (var browser = await factory.SignedInAsync(op))
        {
            var page = await browser.PageAsync("/console/two-factor");
            key = SharedKey().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
            Assert.Contains("otpauth://totp/TipBot:", page, StringComparison.Ordinal);
            Assert.DoesNotContain(op.Email, page, StringComparison.Ordinal);
            using var enabled = await browser.PostFormAsync("/console/two-factor?handler=Enable", new() { ["code"] = Totp(key) }, "/console/two-factor");
            Assert.Contains("data-testid=\"two-factor-on\"", await enabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var next = factory.Browser();
        using var password = await next.SignInAsync(op.Email, op.Password);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/console/signin/code", password.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var queueBefore = await next.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, queueBefore.StatusCode);

        using var code = await next.PostFormAsync("/console/signin/code", new() { ["code"] = Totp(key) }, "/console/signin/code");

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/console", code.Headers.Location!.ToString());
        await next.PageAsync("/console");
    }

    /// <summary>RFC 6238 with the authenticator apps' defaults (SHA-1, 30 s, 6 digits) on the base32 key the page shows.</summary>
    private static string Totp(string base32Key)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(base32Key.ToUpperInvariant().Select(c => Convert.ToString(Alphabet.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var step = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(step);
        }
        // What a phone's authenticator app computes: TOTP is HMAC-SHA1 by definition, not a choice made here.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(key, step);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var number = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (number % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("data-testid=\"two-factor-key\"><code>([a-z2-7 ]+)</code>")]
    private static partial Regex SharedKey();
}
