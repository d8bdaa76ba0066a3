using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TipBot.Features.Knowledge;

namespace TipBot.Tests.Features.Knowledge;

public sealed class KnowledgeStoreTests : IDisposable
{
    private readonly KnowledgeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private KnowledgeStore Store() =>
        new(Options.Create(new KnowledgeOptions { Path = _folder.Root }), NullLogger<KnowledgeStore>.Instance);

    [Fact]
    public void A_safety_file_with_invalid_YAML_stops_the_bot_from_loading_instead_of_dropping_its_patterns()
    {
        // A repeated key makes the whole file unreadable: every pattern in it would be gone.
        _folder.Edit("safety/en.yaml", "    signal: confined", "    signal: confined\n    signal: confined");
        var store = Store();

        var error = Assert.Throws<InvalidOperationException>(() => store.Load());

        Assert.Contains("en.yaml", error.Message, StringComparison.Ordinal);
        Assert.False(store.IsReady);
    }

    [Fact]
    public void A_topic_with_an_error_still_loads_so_the_other_answers_and_the_safety_check_keep_working()
    {
        _folder.Write("topics/beta/en.md", "Just an answer, no front matter.");
        var store = Store();

        var result = store.Load();

        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.File == _folder.TopicPath("beta"));
        Assert.True(store.IsReady);
        Assert.NotEmpty(store.Current.Safety.Patterns);
    }
}
