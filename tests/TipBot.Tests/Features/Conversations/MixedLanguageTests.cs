using TipBot.Features.Conversations;
using TipBot.Features.Understanding;
using TipBot.Tests.Features.Safety;

namespace TipBot.Tests.Features.Conversations;

/// <summary>A message that mixes English and Sesotho is ranked against both languages' examples at full weight.</summary>
public sealed class MixedLanguageTests
{
    private static LanguageDecision Decide(string text) =>
        new ConversationLanguage(new LanguageIdentifier()).Decide(text, new UserProfile(), RepositorySafety.Knowledge);

    [Theory]
    [InlineData("how long do u keep these messages? ke batla hore di hlakoloe kaofela")]
    [InlineData("my boss o khaola R300 every month for the room, ke fumana R1500 feela. is that allowed?")]
    public void A_message_mixing_the_languages_is_marked_mixed(string text) => Assert.True(Decide(text).Mixed);

    [Theory]
    [InlineData("my uncle in Qacha's Nek wants to know what papers he needs for work in Bloemfontein")]
    [InlineData("ke kopa thuso, mohiri oa ka o nkile pasa ea ka mme ha a batle ho e khutlisa")]
    public void A_message_in_one_language_is_not(string text) => Assert.False(Decide(text).Mixed);
}
