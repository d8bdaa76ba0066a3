using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TipBot.Features.Knowledge;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Conversations;

/// <summary>The bot follows the person's language: detected per message, chosen by name or button, remembered.</summary>
public sealed class LanguageTests(TipBotFactory factory) : IClassFixture<TipBotFactory>
{
    private KnowledgeBase Knowledge => factory.Services.GetRequiredService<KnowledgeStore>().Current;

    [Theory]
    [InlineData("sesotho")]
    [InlineData("Sesotho")]
    [InlineData("SESOTHO")]
    public async Task Naming_Sesotho_switches_and_announces_it_in_Sesotho(string message)
    {
        var bot = factory.Conversation();

        var replies = await bot.SayAsync(message);

        Assert.Equal(Knowledge.Strings("st")["language.switched"], replies[0].Text);
        Assert.Equal(Knowledge.Strings("st")["menu.intro"], replies[1].Text!.Split("\n\n")[0]);
    }

    [Fact]
    public async Task A_chosen_language_holds_for_later_answers_even_when_the_person_writes_English()
    {
        var bot = factory.Conversation();
        await bot.SayAsync("sesotho");

        var replies = await bot.SayAsync("my boss took my passport and will not give it back to me");

        Assert.Contains(replies, r => r.Text == Render("passport-confiscation", "st"));
    }

    [Fact]
    public async Task Asking_for_the_language_list_offers_each_language_in_its_own_name_and_a_number_picks_one()
    {
        var bot = factory.Conversation();

        var choose = await bot.SayAsync("puo");
        Assert.Equal(Knowledge.Strings("en")["language.choose"], choose[0].Text);
        Assert.Equal(["English", Knowledge.Strings("st")["language.name"]], choose[0].Buttons());

        var switched = await bot.SayAsync("2");
        Assert.Equal(Knowledge.Strings("st")["language.switched"], switched[0].Text);
    }

    [Fact]
    public async Task A_Sesotho_message_is_answered_in_Sesotho_without_being_asked()
    {
        var bot = factory.Conversation();

        var replies = await bot.SayAsync("mookameli oa ka o nkile passport ea ka mme o hana ho e khutlisa");

        Assert.Contains(replies, r => r.Text == Render("passport-confiscation", "st"));
    }

    [Theory]
    [InlineData("ke batla mosebetsi Gauteng, agent o re ke lefe M2000", "recruitment-fees")]
    [InlineData("mookameli o nkile passport ea ka", "passport-confiscation")]
    [InlineData("pasa ea ka e lahlehile ke le Polokwane", "travel-documents")]
    public async Task Plain_Sesotho_in_everyday_words_is_answered_in_Sesotho(string message, string topic) =>
        Assert.Contains(await factory.Conversation().SayAsync(message), r => r.Text == Render(topic, "st"));

    [Theory]
    [InlineData("ke kopa thuso mabapi le mosebetsi oa ka", "menu", "st", "menu.intro")] // detected, then one word
    [InlineData("english", "hlahloba mosebetsi", "en", "offer.intro")] // chosen, then a Sesotho command
    public async Task A_short_message_keeps_the_language_detected_or_chosen_before(string first, string then, string language, string firstWordsKey)
    {
        var bot = factory.Conversation();
        await bot.SayAsync(first);

        var replies = await bot.SayAsync(then);

        Assert.StartsWith(Knowledge.Strings(language)[firstWordsKey], replies[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hlahloba mosebetsi", "offer.intro")]
    [InlineData("hlakola moqoqo", "erase.confirm")]
    [InlineData("tlaleha nyeoe", "report.intro")]
    public async Task A_two_word_Sesotho_command_starts_its_flow_in_Sesotho(string message, string firstWordsKey) =>
        Assert.StartsWith(Knowledge.Strings("st")[firstWordsKey], (await factory.Conversation().SayAsync(message))[0].Text, StringComparison.Ordinal);

    [Theory]
    [InlineData("en-US", "en", "st")]
    [InlineData("st-LS", "st", "en")]
    public async Task The_welcome_is_in_the_channel_locale_and_offers_the_other_language_which_switches(string locale, string welcomed, string other)
    {
        var bot = factory.Conversation();
        var joined = bot.Activity("", locale: locale);
        joined["type"] = "conversationUpdate";
        joined.Remove("text");
        joined["membersAdded"] = new JArray(new JObject { ["id"] = "user-" + bot.ConversationId });

        using var response = await bot.PostAsync(joined.ToString(Formatting.None));
        var welcome = Assert.Single(BotClient.ParseReplies(await response.Content.ReadAsStringAsync()));
        Assert.Equal([Knowledge.Strings(welcomed)["button.menu"], Knowledge.Strings(other)["language.name"]], welcome.Buttons());

        var switched = await bot.SayAsync(welcome.Buttons()[1]);
        Assert.Equal(Knowledge.Strings(other)["language.switched"], switched[0].Text);
    }

    [Fact]
    public async Task A_greeting_offers_Sesotho_as_a_button_that_switches()
    {
        var bot = factory.Conversation();

        var greeted = await bot.SayAsync("hi");
        Assert.Contains(Knowledge.Strings("st")["language.name"], greeted.LastButtons());

        var switched = await bot.SayAsync(Knowledge.Strings("st")["language.name"]);
        Assert.Equal(Knowledge.Strings("st")["language.switched"], switched[0].Text);
    }

    [Fact]
    public async Task A_message_in_a_language_TipBot_does_not_speak_gets_English_and_Sesotho_and_language_buttons()
    {
        var bot = factory.Conversation();

        var replies = await bot.SayAsync("Bonjour, je voudrais savoir quel temps il fera demain matin à Paris");

        var reply = Assert.Single(replies);
        Assert.Contains(Knowledge.Strings("en")["language.unsupported"], reply.Text, StringComparison.Ordinal);
        Assert.Contains(Knowledge.Strings("st")["language.unsupported"], reply.Text, StringComparison.Ordinal);
        Assert.Contains("English", reply.Buttons());
        Assert.Contains(Knowledge.Find("talk-to-human", "en")!.Button, reply.Buttons());
    }

    [Theory]
    [InlineData("Un monsieur au marché de Maseru veut 2000 rands pour me trouver du travail dans une ferme, je dois payer ou pas ?", "recruitment-fees")]
    [InlineData("O meu patrão em Joanesburgo ficou com o meu passaporte e não quer devolver, o que eu faço?", "passport-confiscation")]
    public async Task A_question_in_a_language_TipBot_only_understands_gets_the_notice_and_then_the_English_answer(string message, string topic)
    {
        var bot = factory.Conversation();

        var replies = await bot.SayAsync(message);

        Assert.Contains(Knowledge.Strings("en")["language.unsupported"], replies[0].Text, StringComparison.Ordinal);
        Assert.Contains(replies, r => r.Text == Render(topic, "en"));
    }

    [Fact]
    public async Task Sesotho_replies_name_the_emergency_contacts_and_their_hours_in_Sesotho()
    {
        var police = Knowledge.Contacts["za.police-emergency"];
        var bot = factory.Conversation();
        await bot.SayAsync("sesotho");

        var urgent = await bot.SayAsync("ba nkoaletse ka kamoreng mona, ba re ba tla mpolaea bosiung bona");
        var answer = await bot.SayAsync("ke batla ho tlaleha motho ea rekisang batho, ke letsetsa mang?");

        Assert.Contains($"- {police.WordsIn("st").Name}: **{police.Number}**", urgent[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(police.Name, urgent[0].Text, StringComparison.Ordinal);
        Assert.Contains($"**{police.WordsIn("st").Name}: {police.Number}** ({police.WordsIn("st").Hours})", answer.Last(r => r.Text!.Contains(police.Number, StringComparison.Ordinal)).Text, StringComparison.Ordinal);
        Assert.NotEqual(police.Name, police.WordsIn("st").Name);
    }

    private string Render(string topic, string language) =>
        factory.Services.GetRequiredService<AnswerRenderer>().Render(Knowledge.Find(topic, language)!.Answer, Knowledge, language);
}
