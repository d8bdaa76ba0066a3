using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using TipBot.Features.Conversations;
using TipBot.Features.Knowledge;
using TipBot.Features.Safety;
using TipBot.Features.Understanding;

namespace TipBot.Benchmarks;

/// <summary>The CPU cost of each step of a turn, without I/O (state and transcript are measured by bench/throughput.sh).</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private static readonly string[] Messages =
    [
        "hi",
        "the agent says i must pay M1500 registration before he finds me work at a mine in Rustenburg, is that normal",
        "my madam kept my pasport since i arrived n says she will give it back when i finish paying for the bus",
        "wat is the weather in maseru tomorrow",
        "my cousin is 16, a man promised her a job in a salon in jozi n they leave on friday. she has no papers, what must we do? we are worried",
    ];

    private TopicRanker _ranker = null!;
    private EntityExtractor _entities = null!;
    private SafetyTriage _safety = null!;
    private TurnPipeline _pipeline = null!;

    [Params(0, 1, 2, 3, 4)]
    public int Message { get; set; }

    private string Text => Messages[Message];

    [GlobalSetup]
    public void Setup()
    {
        var knowledgeOptions = Options.Create(new KnowledgeOptions());
        var store = new KnowledgeStore(knowledgeOptions, Microsoft.Extensions.Logging.Abstractions.NullLogger<KnowledgeStore>.Instance);
        store.Load();
        store.Current.Safety.CompileExpressions(); // as the running bot has them
        _ranker = new TopicRanker(Options.Create(new UnderstandingOptions()));
        _ranker.Build(store.Current);
        _entities = new EntityExtractor();
        _safety = new SafetyTriage(store, Microsoft.Extensions.Logging.Abstractions.NullLogger<SafetyTriage>.Instance);
        _pipeline = new TurnPipeline(store, _ranker, _entities, _safety, new AnswerRenderer(knowledgeOptions), new ConversationLanguage(new LanguageIdentifier()));
    }

    [Benchmark]
    public TopicRanking Rank() => _ranker.Rank(Text);

    [Benchmark]
    public TurnEntities Entities() => _entities.Extract(Text);

    [Benchmark]
    public SafetyAssessment Safety() => _safety.Assess(Text);

    [Benchmark]
    public TurnOutcome WholeTurnWithoutIo() => _pipeline.Handle(new InboundMessage("bench", Text), new ConversationMemory(), new UserProfile());
}
