using TipBot.Features.Understanding;
using TipBot.Tests.Features.Safety;

namespace TipBot.Tests.Features.Understanding;

public sealed class WrittenLanguageModelTests
{
    private static readonly Lazy<WrittenLanguageModel> s_model = new(() => WrittenLanguageModel.From(RepositorySafety.Knowledge));

    private static string? Of(string text) => s_model.Value.Read(TextNormalizer.Normalize(text)).Language;

    [Fact]
    public void It_tells_apart_the_languages_the_knowledge_base_answers_in() =>
        Assert.Equal(["en", "st"], s_model.Value.Languages);

    [Theory]
    [InlineData("my cuzin went to work in a restorant in durban and now she dont pick up", "en")]
    [InlineData("is it true they can arrest me for staying longer than my visa allows", "en")]
    [InlineData("ngoanana oa ka o ile Gauteng le monna eo a sa mo tsebeng, ha a sa araba mohala", "st")]
    [InlineData("ha ke eso lefuwe dikgwedi tse pedi, mohiri o re tjhelete ha e yo", "st")]
    [InlineData("Ke kopa thuso ntate, mong'a ka o nkile pasa", "st")]
    public void A_message_is_told_by_its_words_and_their_spelling(string text, string language) => Assert.Equal(language, Of(text));

    [Theory]
    [InlineData("")]
    [InlineData("0800 222 777 10111")]
    public void A_message_without_letters_has_no_language(string text) => Assert.Null(Of(text));

    [Theory]
    [InlineData("my uncle in Qacha's Nek wants to know what papers he needs for work in Bloemfontein")]
    [InlineData("ke kopa thuso, mohiri oa ka o nkile pasa ea ka mme ha a batle ho e khutlisa")]
    public void A_message_in_one_language_is_not_mixed_by_a_name_or_two(string text) =>
        Assert.True(s_model.Value.Read(TextNormalizer.Normalize(text)).MixedShare < 0.25);

    [Theory]
    [InlineData("my boss o khaola R300 every month for the room, ke fumana R1500 feela. is that allowed?")]
    [InlineData("how long do u keep these messages? ke batla hore di hlakoloe kaofela")]
    public void A_message_mixing_the_languages_has_a_quarter_or_more_of_its_words_in_the_other(string text) =>
        Assert.True(s_model.Value.Read(TextNormalizer.Normalize(text)).MixedShare >= 0.25);

    [Fact]
    public void It_learns_only_from_the_texts_it_is_given()
    {
        var model = new WrittenLanguageModel([("xx", "bababa abba baab"), ("yy", "kikiki ikki kiik")]);

        Assert.Equal("xx", model.Read("abab").Language);
        Assert.Equal("yy", model.Read("kiki ikik").Language);
    }

    [Fact]
    public void Scoring_a_message_allocates_nothing()
    {
        var normalized = TextNormalizer.Normalize("my boss o nkile passport ea ka and he wont give it back, ke etse joang");
        s_model.Value.Read(normalized);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var language = s_model.Value.Read(normalized).Language;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.NotNull(language);
        Assert.Equal(0, allocated);
    }
}
