using System.Text.RegularExpressions;
using CsCheck;
using TipBot.Features.Safety;

namespace TipBot.Tests.Features.Safety;

/// <summary>
/// The prefilter in front of every safety expression: a message without any of an expression's required strings is
/// never run through it, so a string that is not really required would hide a match, i.e. an emergency. What it may
/// do is require less (or nothing).
/// </summary>
public sealed class RequiredTextTests
{
    [Theory]
    [InlineData(@"\b(?:(?:says|said|told me) (?:that )?(?:im|we are) not (?:leaving|going anywhere))\b", "leaving|going anywhere")]
    [InlineData(@"\b(?:pregnant (?:\w+ ){0,3}bleeding)\b", "pregnant")]
    [InlineData(@"\b(?:beat me|\w+ hurt)\b", "beat me|hurt")]
    [InlineData(@"colou?r", "colo")]
    [InlineData(@"(?<!not )beaten", "beaten")]
    [InlineData(@"(?<age>\d+) years", "years")]
    [InlineData(@"(?:locked|shut)+ in", "locked|shut")]
    public void Reads_the_strings_every_match_contains(string source, string expected) =>
        Assert.Equal(expected.Split('|'), RequiredText.Of(source));

    [Theory]
    [InlineData(@"(?:kill|\w+)", "a branch made only of a class requires no text")]
    [InlineData(@"a(?:bc|de)?f", "an optional part requires nothing, and one letter is too little")]
    [InlineData(@"(?:stab ){0,2}\w+", "a part that may be left out ({0,n}) requires nothing")]
    [InlineData(@"(?=.*gun)\w+", "what a lookahead looks for is not part of the match")]
    [InlineData(@"(?i)help", "inline options could make the comparison ignore case")]
    [InlineData(@"\u0068elp", "an escape that stands for a letter is not read")]
    [InlineData(@"(?:a|aa)+b", "strings of one letter say too little")]
    [InlineData(@"help)", "an expression that does not parse")]
    public void Requires_nothing_where_it_cannot_be_sure(string source, string why) =>
        Assert.True(RequiredText.Of(source) is null, why);

    [Fact]
    public void A_message_without_the_required_text_is_not_run_and_one_with_it_is()
    {
        var regex = new SafetyRegex(@"\b(?:(?:he|she) (?:\w+ ){0,2}locked (?:me|us) in)\b");

        Assert.False(regex.MayMatch("he said we can go home"));
        Assert.True(regex.MayMatch("he has locked us in"));
        Assert.True(regex.IsMatch("he has locked us in"));
    }

    /// <summary>
    /// Expressions built at random from the constructs the patterns use, over a three-letter alphabet so that matches
    /// are common: whenever an expression matches a text, its prefilter lets the text through.
    /// </summary>
    [Fact]
    public void The_prefilter_never_rejects_a_text_the_expression_matches()
    {
        var expressions = Gen.Int[0, 1_000_000].Array[40].Select(choices => Expression(new Queue<int>(choices), depth: 0));
        var texts = Gen.Int[0, Alphabet.Length - 1].Array[0, 14].Select(letters => new string(letters.Select(i => Alphabet[i]).ToArray())).Array[30];

        Gen.Select(expressions, texts).Sample((source, samples) =>
        {
            // Random nesting can make an expression .NET refuses (quantified zero-width parts overflow its bounds, when it is
            // built or when it runs) or one that backtracks for seconds: those say nothing about the prefilter and are
            // skipped, so the run stays quick.
            Regex regex;
            try
            {
                regex = new Regex(source, SafetyRules.Options, TimeSpan.FromMilliseconds(20));
            }
            catch (Exception e) when (e is ArgumentException or OverflowException)
            {
                return true;
            }
            var required = RequiredText.Of(source);
            return samples.All(text => !Matches(regex, text) || required is null || required.Any(text.Contains));
        }, iter: 1_500);
    }

    private static bool Matches(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (Exception e) when (e is RegexMatchTimeoutException or OverflowException)
        {
            return false;
        }
    }

    private const string Alphabet = "ab c";
    private static readonly string[] Words = ["ab", "ba", "abc", "cab", "b a", "aa", "c", "bb"];
    private static readonly string[] Quantifiers = ["?", "*", "+", "{0,2}", "{1,2}", "??", "+?", "{2}"];
    private static readonly string[] Classes = [@"\w", "[ab]", @"\s", ".", @"\b", "[^a]"];
    private static readonly string[] Lookarounds = ["(?<!a)", "(?=b)", "(?!ab)", "(?<=c)"];

    private static string Expression(Queue<int> choices, int depth)
    {
        var choice = choices.Count > 0 ? choices.Dequeue() : 0;
        var kind = depth > 3 ? choice % 2 : choice % 7;
        string Pick(string[] items) => items[(choices.Count > 0 ? choices.Dequeue() : 0) % items.Length];
        return kind switch
        {
            0 => Pick(Words),
            1 => Pick(Classes),
            2 => "(?:" + Expression(choices, depth + 1) + "|" + Expression(choices, depth + 1) + ")",
            3 => Expression(choices, depth + 1) + Expression(choices, depth + 1) + Expression(choices, depth + 1),
            4 => "(?:" + Expression(choices, depth + 1) + ")" + Pick(Quantifiers),
            5 => Pick(Lookarounds) + Expression(choices, depth + 1),
            _ => Pick(Words) + Pick(Quantifiers),
        };
    }
}
