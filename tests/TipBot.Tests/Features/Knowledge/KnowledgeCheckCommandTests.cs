using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TipBot.Features.Knowledge;
using TipBot.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace TipBot.Tests.Features.Knowledge;

public sealed class KnowledgeCheckCommandTests
{
    private static KnowledgeStore Store(string root) =>
        new(Options.Create(new KnowledgeOptions { Path = root }), NullLogger<KnowledgeStore>.Instance);

    private static List<string> RequiredTopicIds()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryPaths.Knowledge, "topic-ids.yaml"))));
        var topics = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("topics")];
        return topics.Children.Select(n => ((YamlScalarNode)n).Value!).ToList();
    }

    [Fact]
    public void The_repository_knowledge_base_has_no_errors_against_topic_ids_yaml()
    {
        var required = RequiredTopicIds();
        var loaded = KnowledgeLoader.Load(RepositoryPaths.Knowledge);

        var errors = KnowledgeChecker.Check(loaded, required, DateOnly.FromDateTime(DateTime.UtcNow))
            .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        Assert.True(errors.Count == 0, string.Join('\n', errors));
        Assert.Contains("recruitment-fees", required);
        Assert.All(required.Where(id => id != "none"), id => Assert.NotNull(loaded.Knowledge.Find(id, "en")));
    }

    [Fact]
    public void Knowledge_check_command_passes_on_the_repository_knowledge_base()
    {
        var output = new StringWriter();

        var exit = KnowledgeCheckCommand.Run(Store(RepositoryPaths.Knowledge), [], output, TimeProvider.System);

        Assert.True(exit == 0, output.ToString());
        Assert.Contains("knowledge check passed", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Knowledge_check_command_fails_with_file_and_line_on_a_broken_topic()
    {
        using var folder = new KnowledgeFolder();
        folder.WriteTopic(new TopicSpec("alpha") { Button = "A button far too long for WhatsApp" });
        folder.Write("topic-ids.yaml", "topics: [alpha, beta, none]");
        var output = new StringWriter();

        var exit = KnowledgeCheckCommand.Run(Store(folder.Root), [], output, new FixedTime(KnowledgeFolder.Today));

        Assert.Equal(1, exit);
        Assert.Contains($"{folder.TopicPath("alpha")}:{folder.LineOf("topics/alpha/en.md", "button:")}: error:", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("knowledge check failed: 1 errors", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Knowledge_check_command_reads_required_topics_from_a_topics_markdown_file()
    {
        using var folder = new KnowledgeFolder();
        folder.Write("topics.md", """
            # Topics

            | id | what it answers |
            | --- | --- |
            | `alpha` | the first topic |
            | `beta` | the second topic |
            | `gamma` | a topic nobody has written yet |
            """);
        var output = new StringWriter();

        var exit = KnowledgeCheckCommand.Run(Store(folder.Root), ["--topics", folder.PathOf("topics.md")], output, new FixedTime(KnowledgeFolder.Today));

        Assert.Equal(1, exit);
        Assert.Contains("topic 'gamma' has no English entry", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Knowledge_check_command_says_when_the_topics_file_is_missing()
    {
        var output = new StringWriter();

        var exit = KnowledgeCheckCommand.Run(Store(RepositoryPaths.Knowledge), ["--topics", "/nonexistent/topics.md"], output, TimeProvider.System);

        Assert.Equal(2, exit);
        Assert.Contains("topics file not found", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTopicsMarkdown_takes_the_ids_of_table_rows_only()
    {
        using var folder = new KnowledgeFolder();
        folder.Write("topics.md", """
            # Topic ids

            Ids are a contract: `never-this` in prose is not a row.

            | id | title | notes |
            |----|-------|-------|
            | `recruitment-fees` | Paying a recruiter | |
            |`verify-recruiter`|Checking a recruiter| no spaces |
            | `none` | Nothing fits | the eval sets use it |
            | not-code | skipped | |

            ## Later section
            | `talk-to-human` | Talking to a person | |
            """);

        var ids = KnowledgeCheckCommand.ReadTopicsMarkdown(folder.PathOf("topics.md"));

        Assert.Equal(["recruitment-fees", "verify-recruiter", "none", "talk-to-human"], ids);
    }
}
