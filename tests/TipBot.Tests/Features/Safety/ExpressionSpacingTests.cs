using TipBot.Features.Safety;

namespace TipBot.Tests.Features.Safety;

/// <summary>
/// Expressions are wrapped in \b…\b and messages have single spaces, so a space left stranded by an optional part
/// makes an expression miss the very messages it was written for.
/// </summary>
public sealed class ExpressionSpacingTests
{
    [Theory]
    [InlineData("heke e notletsoe (?:ka ntle)?", "another word follows")]
    [InlineData("nothing happened (?:yet|so far)?", "another word follows")]
    [InlineData("a (?:b|heke e notletsoe (?:ka ntle)?)", "another word follows")]
    [InlineData("they (?:locked|shut) (?:me|us) in (?:here)?|beaten", "another word follows")]
    [InlineData("(?:they)? locked me in", "after another word")]
    [InlineData("locked (?:me|us) (?:right)? in", "two spaces")]
    [InlineData("locked (?:me|us) in(?: here)? (?:now)?", "another word follows")]
    public void A_space_stranded_by_an_optional_part_is_reported(string expression, string expected)
    {
        var problem = ExpressionSpacing.Problem(expression);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("heke e notletsoe(?: ka ntle)?")]
    [InlineData("(?:they )?locked me in")]
    [InlineData("locked (?:me|us) (?:right )?in")]
    [InlineData("stories about (?:\\w+ ){0,4}")]
    [InlineData("case of (?:an )?")]
    [InlineData("(?:ke|re) ne (?:ke|re|a|ba|o)")]
    [InlineData("\\d{1,2} (?:years|yrs)|[a-z]+ x")]
    [InlineData("(?:(?:ntse|ile) ){0,2}(?:re|ba) (?:koall\\w*)")]
    public void Spaces_that_every_way_of_matching_needs_are_not_reported(string expression)
    {
        Assert.Null(ExpressionSpacing.Problem(expression));
    }
}
