using Microsoft.Extensions.Options;
using TipBot.Features.Understanding;
using TipBot.Tests.Features.Safety;

namespace TipBot.Tests.Features.Understanding;

public sealed class SesothoSpellingsTests
{
    [Theory]
    [InlineData("khoeli", "kgwedi")]
    [InlineData("chelete", "tjhelete")]
    [InlineData("joale", "jwale")]
    [InlineData("ea", "ya")]
    [InlineData("tsoara", "tshwara")]
    [InlineData("tsoa", "tswa")]
    [InlineData("moeli", "moedi")]
    [InlineData("peli", "pedi")]
    [InlineData("lula", "dula")]
    [InlineData("ngoana", "ngwana")]
    public void A_Lesotho_spelling_gets_its_South_African_one(string lesotho, string southAfrican) =>
        Assert.Contains(southAfrican, SesothoSpellings.SouthAfrican(lesotho));

    [Fact]
    public void A_South_African_spelling_is_written_back_unless_it_is_already_an_example_word()
    {
        Assert.Equal("peli", SesothoSpellings.From(["peli"], new HashSet<string> { "peli" })["pedi"]);
        Assert.False(SesothoSpellings.From(["peli"], new HashSet<string> { "peli", "pedi" }).ContainsKey("pedi"));
    }

    [Fact]
    public void A_spelling_two_Lesotho_words_share_is_left_alone()
    {
        var spellings = SesothoSpellings.From(["khoa", "lioa"], new HashSet<string> { "khoa", "lioa" });

        Assert.Equal("khoa", spellings["kgoa"]);
        Assert.Equal("lioa", spellings["dioa"]);
        Assert.False(SesothoSpellings.From(["khoa", "kgoa"], new HashSet<string> { "khoa", "kgoa" }).ContainsKey("kgwa"));
    }

    // On the repository's knowledge, whose Sesotho examples are mostly in Lesotho's spelling.
    [Theory]
    [InlineData("ha ke eso lefuwe dikgwedi tse tharo, ke etse jwang", "ha ke eso lefuoe likhoeli tse tharo, ke etse joang")]
    public void A_message_in_South_African_spelling_finds_the_topic_its_Lesotho_spelling_finds(string southAfrican, string lesotho)
    {
        var ranker = new TopicRanker(Options.Create(new UnderstandingOptions()));
        ranker.Build(RepositorySafety.Knowledge);

        var expected = ranker.Rank(lesotho, "st");
        var ranking = ranker.Rank(southAfrican, "st");

        Assert.NotEqual(RankingVerdict.NoMatch, expected.Verdict);
        Assert.Equal(expected.Best?.TopicId, ranking.Best?.TopicId);
        Assert.NotEqual(RankingVerdict.NoMatch, ranking.Verdict);
    }
}
