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

    [Fact]
    public async Task A_close_call_in_Sesotho_asks_did_you_mean_in_Sesotho_with_Sesotho_buttons()
    {
        _folder.Write("locales/st.yaml", """
            welcome: "Lumela."
            menu.intro: "Ke khona ho thusa ka tsena."
            button.menu: "Lenane"
            language.name: "Sesotho"
            language.aliases: "sesotho"
            language.switched: "Ho lokile, Sesotho."
            did-you-mean: "Na u ne u bolela e 'ngoe ea tsena?"
            """);
        await using var factory = new KnowledgeFolderFactory(_folder.Root);
        var bot = factory.Conversation();
        await bot.SayAsync("sesotho");

        // alpha's and beta's examples differ only in their names, so a question naming neither is a close call.
        var replies = await bot.SayAsync("how do i ask about number 3");

        var reply = Assert.Single(replies);
        Assert.Equal("Na u ne u bolela e 'ngoe ea tsena?", reply.Text);
        Assert.Equal(["About alpha", "About beta", "Lenane"], reply.Buttons().Order(StringComparer.Ordinal).ToArray());
    }

    public void Dispose() => _folder.Dispose();

    private sealed class KnowledgeFolderFactory(string knowledgeRoot) : TipBotFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Knowledge:Path", knowledgeRoot);
            // alpha's and beta's examples differ only in their names: the nearest examples make that a close call, and the
            // classifier would break the tie by the names' lengths (shorter examples weigh each shared n-gram more).
            builder.UseSetting("Understanding:ClassifierWeight", "0");
        }
    }
}
