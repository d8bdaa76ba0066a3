using TipBot.Features.Conversations;
using TipBot.Features.Understanding;
using TipBot.Tests.Features.Safety;

namespace TipBot.Tests.Features.Conversations;

/// <summary>A change of language needs a word that language's example phrasings use far more often than the other's.</summary>
public sealed class DistinctiveWordsTests
{
    private static readonly Lazy<DistinctiveWords> s_words = new(() => new DistinctiveWords(RepositorySafety.Knowledge));

    private static bool Confirms(string text, string language) => s_words.Value.Confirms(TextNormalizer.Normalize(text), language);

    [Theory]
    [InlineData("ke kopa thuso hobane mohiri o nkile passport", "st")]
    [InlineData("my boss wont give back my passport", "en")]
    // The commonest Sesotho words also appear in English's mixed phrasings ("my boss o re ke lefe"): they still confirm.
    [InlineData("ke batla mosebetsi Gauteng", "st")]
    [InlineData("ba re ke lefe chelete pele", "st")]
    public void A_word_mostly_one_language_uses_confirms_it(string text, string language) => Assert.True(Confirms(text, language));

    [Theory]
    [InlineData("passport boss R2500", "st")]
    [InlineData("asdkjh qwpeoiu zxcmnb", "st")]
    [InlineData("asdkjh qwpeoiu zxcmnb", "en")]
    public void Words_both_languages_use_or_neither_knows_confirm_nothing(string text, string language) => Assert.False(Confirms(text, language));
}
