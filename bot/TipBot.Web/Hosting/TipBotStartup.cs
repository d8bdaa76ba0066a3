using Microsoft.Extensions.Options;
using TipBot.Features.Conversations;
using TipBot.Features.Knowledge;
using TipBot.Features.Operators;
using TipBot.Features.Understanding;
using TipBot.Persistence;

namespace TipBot.Hosting;

/// <summary>Gets TipBot ready (knowledge, index, database) and runs the chosen command.</summary>
public static partial class TipBotStartup
{
    public static async Task<int> RunAsync(this WebApplication app, TipBotCommand command)
    {
        var services = app.Services;
        if (command.Name == TipBotCommand.KnowledgeCheck)
        {
            return KnowledgeCheckCommand.Run(services.GetRequiredService<KnowledgeStore>(), command.Arguments, Console.Out, services.GetRequiredService<TimeProvider>());
        }

        await services.PrepareAsync(app.Lifetime.ApplicationStopping);
        var stopping = app.Lifetime.ApplicationStopping;
        switch (command.Name)
        {
            case TipBotCommand.Chat:
                await using (await BackgroundWork.StartAsync(services, stopping))
                {
                    return await ChatCommand.RunAsync(services.GetRequiredService<InProcessAdapter>(), command.Arguments, Console.In, Console.Out, stopping);
                }
            case TipBotCommand.Operators:
                return await OperatorsCommand.RunAsync(services, command.Arguments, Console.Out, Console.Error, services.GetRequiredService<TimeProvider>());
            case TipBotCommand.Eval:
                var knowledge = services.GetRequiredService<KnowledgeStore>().Current;
                var warmUp = WarmUpMessages.From(knowledge);
                knowledge.Safety.CompileExpressions(warmUp);
                try
                {
                    await using (await BackgroundWork.StartAsync(services, stopping))
                    {
                        return await EvalCommand.RunAsync(services.GetRequiredService<InProcessAdapter>(), warmUp, command.Arguments, Console.Out, Console.Error, stopping);
                    }
                }
                finally
                {
                    DeleteEvalData(services);
                }
            default:
                var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("TipBot");
                app.Lifetime.ApplicationStarted.Register(() => LogReady(logger, string.Join(", ", app.Urls)));
                if (services.GetRequiredService<IOptions<TipBotOptions>>().Value.WarmUp)
                {
                    // Once listening, so the warm-up does not compete with start-up for two cores.
                    app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => WarmUp(services), stopping));
                }
                await app.RunAsync();
                return 0;
        }
    }

    /// <summary>
    /// Builds the recognizers' regular expressions and JITs the pipeline on the knowledge base's own examples, off the
    /// request path (no I/O: nothing is recorded). The safety expressions these use most are compiled on the way
    /// (<see cref="Features.Safety.SafetyRegex.EngineFor"/>); the rest when traffic uses them.
    /// </summary>
    private static void WarmUp(IServiceProvider services)
    {
        var knowledge = services.GetRequiredService<KnowledgeStore>().Current;
        var warmUp = WarmUpMessages.From(knowledge);
        services.GetRequiredService<EntityExtractor>().Extract("warm up: 15 years old, R1500, two weeks, 0800 000 000");
        var pipeline = services.GetRequiredService<TurnPipeline>();
        foreach (var text in warmUp)
        {
            pipeline.Handle(new InboundMessage("warm-up", text), new ConversationMemory(), new UserProfile());
        }
        ReleaseStartupGarbage();
    }

    /// <summary>Loads the knowledge base, builds the topic index and migrates the database.</summary>
    public static async Task PrepareAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var knowledge = services.GetRequiredService<KnowledgeStore>();
        // The index and the database (EF's model, migrations) are independent; preparing them side by side
        // keeps start-up under the 3-second target on two cores.
        var index = Task.Run(() =>
        {
            knowledge.Load();
            services.GetRequiredService<TopicRanker>().Build(knowledge.Current);
        }, cancellationToken);
        await services.PrepareDatabaseAsync(cancellationToken);
        await index;
        await services.GetRequiredService<Features.Console.CannedResponseStore>().SeedAsync(cancellationToken);
    }

    /// <summary>
    /// Loading the language models and building the index leave large temporary arrays on the large object heap,
    /// which only a full collection frees; without this one, they stay resident until load happens to trigger it.
    /// A background collection: the warm-up can end while people are writing, and a blocking, compacting one stopped
    /// every turn for ~1 s (bench/throughput.sh: p99 1,130 ms).
    /// </summary>
    private static void ReleaseStartupGarbage() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false, compacting: false);

    private static void DeleteEvalData(IServiceProvider services)
    {
        var directory = services.GetRequiredService<IOptions<TipBotOptions>>().Value.ResolveDataDirectory();
        if (Path.GetFileName(directory).StartsWith("tipbot-eval-", StringComparison.Ordinal) && Directory.Exists(directory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "TipBot is ready on {Urls}: open it in a browser, or point the Bot Framework Emulator at /api/messages")]
    private static partial void LogReady(ILogger logger, string urls);
}
