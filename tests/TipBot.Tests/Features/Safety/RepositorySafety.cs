using TipBot.Features.Knowledge;
using TipBot.Features.Safety;
using TipBot.Tests.Support;

namespace TipBot.Tests.Features.Safety;

/// <summary>The repository's knowledge base, loaded once for the safety tests.</summary>
internal static class RepositorySafety
{
    private static readonly Lazy<KnowledgeLoadResult> s_loaded = new(() => KnowledgeLoader.Load(RepositoryPaths.Knowledge));

    public static KnowledgeBase Knowledge => s_loaded.Value.Knowledge;

    public static SafetyRules Rules => Knowledge.Safety;

    public static SafetyAssessment Assess(string text, SafetyContext? context = null) =>
        SafetyTriage.Assess(Rules, new SafetyInput(text) { Context = context ?? SafetyContext.None });
}
