using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using TipBot.Features.Knowledge;
using TipBot.Features.Understanding;

namespace TipBot.Features.Erasure;

/// <summary>
/// Whether a message, as typed, asks to delete the person's messages ("delete my data", "hlakola melaetsa ea ka"): the
/// phrases of every locale's <c>erase.words</c>, so a person asks in either language whatever the conversation's.
/// A question about deleting ("can you delete what I wrote?") reaches the privacy answer instead, which offers the button.
/// </summary>
public static class ErasureRequest
{
    private static readonly ConditionalWeakTable<KnowledgeBase, FrozenSet<string>> Phrases = [];

    public static bool Asks(KnowledgeBase knowledge, string text) =>
        Phrases.GetValue(knowledge, static kb => kb.Locales.Values
                .SelectMany(locale => locale["erase.words"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(TextNormalizer.Normalize)
                .ToFrozenSet(StringComparer.Ordinal))
            .Contains(TextNormalizer.Normalize(text));
}
