using System.Net;
using Microsoft.AspNetCore.Hosting;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Conversations;

/// <summary>With a MicrosoftAppId configured, /api/messages only accepts requests that carry a valid Bot Framework token.</summary>
public sealed class BotAuthenticationTests : IClassFixture<BotAuthenticationTests.AuthenticatedFactory>
{
    private readonly AuthenticatedFactory _factory;

    public BotAuthenticationTests(AuthenticatedFactory factory) => _factory = factory;

    [Fact]
    public async Task A_request_without_a_token_is_refused_when_an_app_id_is_configured()
    {
        var bot = _factory.Conversation();

        var response = await bot.PostAsync(bot.Activity("hello").ToString(Newtonsoft.Json.Formatting.None));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_request_with_a_forged_token_is_refused()
    {
        var bot = _factory.Conversation();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(bot.Activity("hello").ToString(Newtonsoft.Json.Formatting.None), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.");

        var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public sealed class AuthenticatedFactory : TipBotFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("MicrosoftAppId", "7d0e8a8c-5b4c-4c5e-9a52-3a5b8f1f0c11");
            builder.UseSetting("MicrosoftAppPassword", "not-a-real-secret");
        }
    }
}
