using TipBot.Features.Conversations;
using TipBot.Features.Understanding;
using TipBot.Tests.Features.Safety;

namespace TipBot.Tests.Features.Conversations;

/// <summary>A change of language needs a word only that language's example phrasings use.</summary>
public sealed class DistinctiveWordsTests
{
    private static readonly Lazy<DistinctiveWords> s_words = new(() => new DistinctiveWords(RepositorySafety.Knowledge));

    private static bool Confirms(string text, string language) => s_words.Value.Confirms(TextNormalizer.Normalize(text), language);

    [Theory]
    [InlineData("ke kopa thuso hobane mohiri o nkile passport", "st")]
    [InlineData("my boss wont give back my passport", "en")]
    public void A_word_only_one_language_uses_confirms_it(string text, string language) => Assert.True(Confirms(text, language));

    [Theory]
    [InlineData("passport boss R2500", "st")]
    [InlineData("asdkjh qwpeoiu zxcmnb", "st")]
    [InlineData("asdkjh qwpeoiu zxcmnb", "en")]
    public void Words_both_languages_use_or_neither_knows_confirm_nothing(string text, string language) => Assert.False(Confirms(text, language));
}
