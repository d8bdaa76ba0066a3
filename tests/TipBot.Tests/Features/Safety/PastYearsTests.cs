using System.Text.RegularExpressions;
using TipBot.Features.Safety;

namespace TipBot.Tests.Features.Safety;

/// <summary>The built-in {past_year} word: a year before this one is over; this year and later ones are not.</summary>
public sealed class PastYearsTests
{
    [Theory]
    [InlineData(2026, "1998 2009 2019 2025", "2026 2027 2030")]
    [InlineData(2030, "2000 2029", "2030 2031")]
    [InlineData(2031, "2029 2030", "2031 2040")]
    public void A_year_is_past_only_when_it_comes_before_this_one(int thisYear, string pastYears, string notPast)
    {
        var pattern = new Regex($"^(?:{SafetyRulesLoader.PastYears(thisYear)})$", RegexOptions.NonBacktracking);

        Assert.All(pastYears.Split(' '), year => Assert.Matches(pattern, year));
        Assert.All(notPast.Split(' '), year => Assert.DoesNotMatch(pattern, year));
    }
}
