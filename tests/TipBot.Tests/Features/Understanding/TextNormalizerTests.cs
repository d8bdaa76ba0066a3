using TipBot.Features.Understanding;

namespace TipBot.Tests.Features.Understanding;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Ts'ebetso", "tsebetso")]
    [InlineData("ts’ebetso", "tsebetso")]
    [InlineData("don't", "dont")]
    [InlineData("Café résumé NAÏVE", "cafe resume naive")]
    [InlineData("Mosali oa šoèle", "mosali oa soele")]
    [InlineData("  HELLO---world!!  ", "hello world")]
    [InlineData("pay R1,500?", "pay r1 500")]
    [InlineData("", "")]
    [InlineData("🙏🙏", "")]
    public void Normalizer_lowercases_strips_accents_and_apostrophes_and_collapses_the_rest(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }
}
