using System.Text;
using CsCheck;
using TipBot.Features.Safety;

namespace TipBot.Tests.Features.Safety;

/// <summary>
/// Random input never breaks the safety triage: any Unicode (emoji, control characters, lone surrogates, mixed
/// scripts), huge messages, and messages built from pieces of real danger phrasing glued together oddly.
/// </summary>
public sealed class SafetyPropertyTests
{
    private static readonly string[] Pieces =
    [
        "locked", "me", "in", "not", "never", "if", "now", "ha", "ke", "koaletsoe", "nkotla", "lilemo li 15", "15", "years old",
        "kill", "suicide", "🙏", "😭", "\u0000", "\u200B", "\r\n", "...", ",", "'", "’", "ñ", "ş", "Ж", "中文", "العربية", "\t", "!!!", "?",
        "(?:", "\\", "{person}", "$", "^",
    ];

    private static readonly Gen<string> AnyUnicode = Gen.Char.Array[0, 400].Select(chars => new string(chars));
    private static readonly Gen<string> Phrasing = Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 60].Select(parts => string.Join(' ', parts));
    private static readonly Gen<string> Emoji = Gen.Int[0x1F300, 0x1FAFF].Array[0, 50].Select(points => string.Concat(points.Select(char.ConvertFromUtf32)));

    private static void NeverThrows(string text)
    {
        var assessment = RepositorySafety.Assess(text);
        Assert.NotNull(assessment.Signals);
        Assert.All(assessment.RedFlags, flag => Assert.Contains(flag, RedFlags.All));
        SafetyText.Normalize(text);
    }

    [Fact]
    public void Any_unicode_text_is_assessed_without_throwing() => AnyUnicode.Sample(NeverThrows, iter: 2000);

    [Fact]
    public void Danger_phrasing_glued_together_is_assessed_without_throwing() => Phrasing.Sample(NeverThrows, iter: 2000);

    [Fact]
    public void Emoji_and_mixed_scripts_are_assessed_without_throwing() =>
        Gen.Select(Emoji, Phrasing, AnyUnicode).Sample((emoji, phrase, noise) => NeverThrows(emoji + phrase + noise + emoji), iter: 1000);

    [Fact]
    public void A_huge_message_is_assessed_without_throwing_and_still_finds_the_danger_at_its_end()
    {
        var text = new StringBuilder();
        while (text.Length < 300_000)
        {
            text.Append("the weather in maseru is cold and the bus to joburg is late 😭 ");
        }
        text.Append(". help, they locked me in the room");

        Assert.Equal(SafetyLevel.Urgent, RepositorySafety.Assess(text.ToString()).Level);
    }

    [Fact]
    public void The_context_from_any_assessment_can_be_fed_back()
    {
        Gen.Select(Phrasing, Phrasing).Sample((first, second) =>
        {
            var memory = new SafetyMemory();
            memory.Remember(RepositorySafety.Assess(first));
            RepositorySafety.Assess(second, memory.Context());
        }, iter: 500);
    }
}
