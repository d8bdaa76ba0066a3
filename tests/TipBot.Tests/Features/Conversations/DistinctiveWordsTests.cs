using TipBot.Features.Conversations;
using TipBot.Features.Understanding;
using TipBot.Tests.Features.Safety;

namespace TipBot.Tests.Features.Conversations;

/// <summary>
/// A message plainly in one language is told by the knowledge base's own words, without the language detector; a
/// mixed or short one is left to the detector, and where the words decide, they decide as the detector would.
/// </summary>
public sealed class DistinctiveWordsTests
{
    private static readonly Lazy<DistinctiveWords> s_words = new(() => new DistinctiveWords(RepositorySafety.Knowledge));

    private static string? Plainly(string text) => s_words.Value.PlainlyWrittenIn(TextNormalizer.Normalize(text));

    [Theory]
    [InlineData("is it true that they can arrest me for staying longer than my visa allows", "en")]
    [InlineData("my sister wont answer her phone since she went to work at a hotel kitchen", "en")]
    [InlineData("na ho nepahetse hore ba ka ntshoara hobane ke lutse nako e telele", "st")]
    public void A_message_plainly_in_one_language_is_told_by_its_words(string text, string language) =>
        Assert.Equal(language, Plainly(text));

    [Theory]
    [InlineData("ntate my boss o nkile passport ea ka and he wont give it back")]
    [InlineData("ke kopa help with my contract please")]
    public void A_message_mixing_the_languages_is_left_to_the_detector(string text) => Assert.Null(Plainly(text));

    [Theory]
    [InlineData("hello there")]
    [InlineData("R2500 passport")]
    public void Too_few_telling_words_are_left_to_the_detector(string text) => Assert.Null(Plainly(text));

    [Fact]
    public void Where_the_words_decide_they_agree_with_the_detector_on_the_knowledge_bases_own_phrasings()
    {
        var detector = new LanguageIdentifier();
        var examples = RepositorySafety.Knowledge.Entries.SelectMany(e => e.Examples).Distinct().ToList();
        var decided = examples.Select(x => (Words: Plainly(x), Detector: detector.EnglishOrSesotho(x))).Where(d => d.Words is not null).ToList();

        // The phrasings mix English and Sesotho on purpose, as people write; still a good share is plain enough.
        Assert.True(decided.Count > examples.Count / 4, $"{decided.Count} of {examples.Count} decided by their words");
        var disagreements = decided.Count(d => d.Words != d.Detector);
        Assert.True(disagreements <= decided.Count / 100, $"{disagreements} of {decided.Count} phrasings told differently from the detector");
    }
}
