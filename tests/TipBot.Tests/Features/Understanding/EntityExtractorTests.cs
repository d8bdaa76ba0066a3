using TipBot.Features.Understanding;

namespace TipBot.Tests.Features.Understanding;

public sealed class EntityExtractorTests
{
    // Building the recognizers compiles hundreds of regular expressions: once for the class.
    private static readonly EntityExtractor s_extractor = new();

    [Fact]
    public void Maloti_written_with_M_are_read_as_LSL()
    {
        var found = s_extractor.Extract("agent wants M1500 before he takes me to joburg");

        Assert.Contains(new MoneyAmount(1500m, "LSL"), found.Money);
    }

    [Fact]
    public void Rand_written_with_R_are_read_as_ZAR()
    {
        var found = s_extractor.Extract("the recruiter asked me for R2500 for the papers");

        Assert.Contains(new MoneyAmount(2500m, "ZAR"), found.Money);
        Assert.DoesNotContain(found.Money, m => m.Currency == "LSL");
    }

    [Fact]
    public void An_age_in_years_is_found()
    {
        var found = s_extractor.Extract("she is 15 years old and they want her to work in a bar");

        Assert.Contains(15, found.Ages);
    }

    [Fact]
    public void A_phone_number_is_found()
    {
        var found = s_extractor.Extract("he said i must call him on 082 555 0142 tonight");

        Assert.NotEmpty(found.PhoneNumbers);
        Assert.Contains(found.PhoneNumbers, p => p.Replace(" ", "", StringComparison.Ordinal).Contains("0825550142", StringComparison.Ordinal));
    }

    [Fact]
    public void A_duration_is_found()
    {
        var found = s_extractor.Extract("they kept us in the house for two weeks");

        Assert.Contains(found.Durations, d => d.Contains("two weeks", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_duration_already_seen_in_another_message_is_found_again()
    {
        var extractor = new EntityExtractor();

        Assert.Equal(["3 months"], extractor.Extract("no pay for 3 months now").Durations);
        Assert.Equal(["3 months"], extractor.Extract("3 months and still no contract").Durations);
    }

    [Theory]
    [InlineData("my boss took my passport")]
    [InlineData("")]
    [InlineData("🙏")]
    public void Plain_text_has_no_entities(string text)
    {
        var found = s_extractor.Extract(text);

        Assert.True(found.IsEmpty);
        Assert.Same(TurnEntities.None, found);
    }
}
