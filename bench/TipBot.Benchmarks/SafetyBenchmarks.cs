using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TipBot.Features.Knowledge;
using TipBot.Features.Safety;

namespace TipBot.Benchmarks;

/// <summary>
/// The safety triage on its own, per message (target: ≤ 1 ms at p95). Messages of every kind it meets: calm,
/// warning signs, emergencies, negated and past ones, every language of the region, and a long story. Written
/// for the benchmark, not taken from an evaluation set.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class SafetyBenchmarks
{
    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P95, StatisticColumn.Max);
    }

    private static readonly string[] Messages =
    [
        "hi",
        "how much does a bus ticket to joburg cost",
        "my employer keeps my passport and has not paid me for two months, is that allowed",
        "pls help, the boss locked us in the container and says he will shoot whoever runs",
        "back in 2019 they used to lock us in at night but im home now and fine. was that legal?",
        "Boss o ntse a nkotla hona joale, o notletse lemati, ke kopa le romele sepolesa",
        "Umphathi wami uyangishaya, uthi uzobulala umndeni wami uma ngibaleka",
        "Socorro! Estou fechada num quarto e ele diz que me mata se eu fugir",
        "my cousin is 16, a man promised her a job in a salon in jozi n they leave on friday. she has no papers, what must we do",
        string.Concat(Enumerable.Repeat("We came to Welkom in March, the man said we would be cashiers but now we pick on a farm and the pay is half. ", 20)),
    ];

    private SafetyTriage _safety = null!;

    [Params(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)]
    public int Message { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var store = new KnowledgeStore(Options.Create(new KnowledgeOptions()), NullLogger<KnowledgeStore>.Instance);
        store.Load();
        store.Current.Safety.CompileExpressions(); // as the running bot has them
        _safety = new SafetyTriage(store, NullLogger<SafetyTriage>.Instance);
    }

    [Benchmark]
    public SafetyAssessment Assess() => _safety.Assess(new SafetyInput(Messages[Message]));
}
