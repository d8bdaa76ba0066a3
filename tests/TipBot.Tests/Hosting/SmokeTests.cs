using TipBot.Tests.Support;

namespace TipBot.Tests.Hosting;

public sealed class SmokeTests(TipBotFactory factory) : IClassFixture<TipBotFactory>
{
    [Fact]
    public async Task Smoke()
    {
        var bot = factory.Conversation();
        foreach (var text in new[] { "hi", "menu", "2", "more", "agent wants M800 before he gets me a job, must i pay", "they locked us in and he says he will kill us", "who won the soccer last night" })
        {
            var replies = await bot.SayAsync(text);
            Console.WriteLine("> " + text);
            foreach (var r in replies)
            {
                Console.WriteLine(r.Text);
                Console.WriteLine("  [" + string.Join("] [", r.Buttons()) + "]");
            }
        }
        foreach (var log in factory.Logs.Logs)
        {
            Console.WriteLine($"{log.Level} {log.Category}: {log.Message}");
        }
    }
}
