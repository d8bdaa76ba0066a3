using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TipBot.Tests.Support.Browser;

/// <summary>axe-core checks on a loaded page.</summary>
public static class Accessibility
{
    // Minor and moderate findings are worth reading but should not fail a build; these stop someone using the page.
    private static readonly string[] s_blockingImpacts = ["serious", "critical"];

    /// <summary>Runs axe on <paramref name="page"/> and fails listing every serious or critical violation with its failing elements.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => s_blockingImpacts.Contains(v.Impact, StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.True(blocking.Count == 0, Describe(page.Url, blocking));
    }

    private static string Describe(string url, IReadOnlyList<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{violations.Count} serious/critical accessibility violation(s) on {url}:");
        foreach (var violation in violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target}  {node.Html}");
            }
        }
        return text.ToString();
    }
}
