using Microsoft.Extensions.Options;
using TipBot.Features.Knowledge;
using TipBot.Tests.Features.Safety;

namespace TipBot.Tests.Features.Knowledge;

public sealed class AnswerRendererTests
{
    private static KnowledgeBase Knowledge => RepositorySafety.Knowledge;

    private static AnswerRenderer Renderer(string? organisation) =>
        new(Options.Create(new KnowledgeOptions { OrganisationName = organisation }));

    [Fact]
    public void Without_an_organisation_name_each_language_names_the_organisation_in_its_own_words()
    {
        var renderer = Renderer(null);

        var english = renderer.Render("run by {{org}}", Knowledge, "en");
        var sesotho = renderer.Render("e tsamaisoa ke {{org}}", Knowledge, "st");

        Assert.Equal("run by the organisation that shared this chat with you", english);
        Assert.Equal("e tsamaisoa ke " + Knowledge.Strings("st")["organisation.unnamed"], sesotho);
        Assert.DoesNotContain("organisation", sesotho, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_organisation_name_is_used_in_every_language()
    {
        var renderer = Renderer("Example Trust");

        Assert.Equal("run by Example Trust", renderer.Render("run by {{org}}", Knowledge, "en"));
        Assert.Equal("e tsamaisoa ke Example Trust", renderer.Render("e tsamaisoa ke {{org}}", Knowledge, "st"));
    }
}
