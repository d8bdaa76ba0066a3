using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using TipBot.Tests.Support;

namespace TipBot.Tests.Persistence;

public sealed class SqliteCheckpointsTests
{
    [Fact]
    public async Task What_a_turn_commits_reaches_the_database_file_in_the_background_not_at_SQLite_s_own_checkpoint()
    {
        using var factory = TipBotFactory.OnSqlite();
        var marker = "checkpoint-" + Guid.NewGuid().ToString("N");

        await factory.Services.GetRequiredService<IStorage>().WriteAsync(new Dictionary<string, object> { ["test/conversations/c"] = new JObject { ["marker"] = marker } });

        // One small write is far below the log size at which SQLite would copy it into the file itself.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!DatabaseFileContains(factory.DatabaseFile, marker))
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static bool DatabaseFileContains(string file, string text)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.GetBuffer().AsSpan(0, (int)bytes.Length).IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
    }
}
