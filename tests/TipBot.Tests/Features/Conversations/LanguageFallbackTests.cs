using Microsoft.AspNetCore.Hosting;
using TipBot.Tests.Features.Knowledge;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Conversations;

/// <summary>A topic not yet written in the person's language is answered in English, and the bot says so in theirs.</summary>
public sealed class LanguageFallbackTests : IDisposable
{
    private const string FallbackNotice = "Karabo ena ha e so ngoloe ka Sesotho, kahoo ke ena ka Senyesemane.";
    private readonly KnowledgeFolder _folder = new();

    [Fact]
    public async Task A_topic_missing_in_Sesotho_is_answered_in_English_with_a_Sesotho_notice()
    {
        File.Delete(_folder.TopicPath("beta", "st"));
        _folder.Write("locales/st.yaml", $"""
            welcome: "Lumela ho tsoa ho {"{org}"}."
            menu.intro: "Ke khona ho thusa ka tsena."
            button.menu: "Lenane"
            language.name: "Sesotho"
            language.aliases: "sesotho"
            language.switched: "Ho lokile, Sesotho."
            language.fallback: "{FallbackNotice}"
            """);
        await using var factory = new KnowledgeFolderFactory(_folder.Root);
        var bot = factory.Conversation();
        await bot.SayAsync("sesotho");

        var replies = await bot.SayAsync("how do i ask about beta number 3");

        Assert.Equal(FallbackNotice, replies[0].Text);
        Assert.StartsWith("Beta answer", replies[1].Text, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private sealed class KnowledgeFolderFactory(string knowledgeRoot) : TipBotFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Knowledge:Path", knowledgeRoot);
        }
    }
}
