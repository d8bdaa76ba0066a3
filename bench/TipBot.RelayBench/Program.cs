using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using TipBot.RelayBench;

// Usage: dotnet run -c Release --project bench/TipBot.RelayBench -- [path/to/TipBot.Web.dll] [iterations] [open cases]
// Starts TipBot as its own process on loopback, an operator signs in and keeps the console hub open, one user's case
// is accepted, then messages go both ways: user → operator screen (POST /api/messages until the hub delivers it) and
// operator → user channel (POST reply until the user's channel receives it). Then the queue is filled with open cases
// and the console's queue page and JSON are timed.
var tipBotDll = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.GetFullPath("bot/TipBot.Web/bin/Release/net10.0/TipBot.Web.dll");
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
var openCases = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
if (!File.Exists(tipBotDll))
{
    Console.Error.WriteLine($"{tipBotDll} not found: build it first with `dotnet build bot/TipBot.Web -c Release`.");
    return 2;
}

var dataDirectory = Directory.CreateTempSubdirectory("tipbot-relay-bench-").FullName;
await using var channel = await UserChannel.StartAsync();
var tipBot = await TipBotProcess.StartAsync(tipBotDll, dataDirectory);
try
{
    var password = await tipBot.AddOperatorAsync("bench-operator@example.org", "Bench", "supervisor");
    var console = await OperatorConsole.SignInAsync(tipBot.BaseAddress, "bench-operator@example.org", password);

    var seen = new Dictionary<string, TaskCompletionSource<long>>();
    await using var hub = new HubConnectionBuilder()
        .WithUrl(new Uri(tipBot.BaseAddress, "/console/hub"), options => options.Cookies = console.Cookies)
        .Build();
    hub.On<JsonElement>("MessageAdded", line =>
    {
        var text = line.GetProperty("text").GetString() ?? "";
        lock (seen)
        {
            if (seen.Remove(text, out var arrived))
            {
                arrived.TrySetResult(Stopwatch.GetTimestamp());
            }
        }
    });
    await hub.StartAsync();

    using var users = new HttpClient { BaseAddress = tipBot.BaseAddress };
    var user = new BenchUser(users, "relay-user", channel.ServiceUrl);
    await user.SayAsync("i want to talk to a person");
    var caseId = (await console.QueueAsync()).Single().GetProperty("id").GetGuid();
    var accepted = channel.Expect("relay-user", "Bench from our team");
    await console.PostAsync($"/console/api/cases/{caseId}/accept", new { });
    await hub.InvokeAsync("Watch", caseId);
    await accepted.WaitAsync(TimeSpan.FromSeconds(10));

    var toOperator = new List<double>(iterations);
    var toUser = new List<double>(iterations);
    for (var i = 0; i < iterations + 20; i++)
    {
        var ping = $"ping {i}";
        var arrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (seen)
        {
            seen[ping] = arrived;
        }
        var start = Stopwatch.GetTimestamp();
        await user.SayAsync(ping);
        var end = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var pong = $"pong {i}";
        var delivered = channel.Expect("relay-user", pong);
        var replyStart = Stopwatch.GetTimestamp();
        await console.PostAsync($"/console/api/cases/{caseId}/reply", new { text = pong });
        var replyEnd = await delivered.WaitAsync(TimeSpan.FromSeconds(10));
        if (i >= 20)
        {
            // The first 20 round trips warm up the JIT and connection pools.
            toOperator.Add(Stopwatch.GetElapsedTime(start, end).TotalMilliseconds);
            toUser.Add(Stopwatch.GetElapsedTime(replyStart, replyEnd).TotalMilliseconds);
        }
    }

    for (var i = 1; i < openCases; i++)
    {
        await new BenchUser(users, $"queued-user-{i}", channel.ServiceUrl).SayAsync(i % 10 == 0 ? "they locked us in and the boss beats us" : "can i talk to a real person please");
    }
    var queueCount = (await console.QueueAsync()).Count;
    var queuePage = await TimeAsync(() => console.GetStringAsync("/console"), 30);
    var queueJson = await TimeAsync(() => console.GetStringAsync("/console/api/queue"), 30);
    var casePage = await TimeAsync(() => console.GetStringAsync($"/console/cases/{caseId}"), 30);

    Console.WriteLine($"relay latency on loopback, {iterations} round trips after 20 warm-up ones (ms)");
    Console.WriteLine(Figures("  user → operator screen", toOperator));
    Console.WriteLine(Figures("  operator → user channel", toUser));
    Console.WriteLine($"console with {queueCount} cases in the queue (ms, 30 requests each)");
    Console.WriteLine(Figures("  GET /console (queue page)", queuePage));
    Console.WriteLine(Figures("  GET /console/api/queue", queueJson));
    Console.WriteLine(Figures($"  GET /console/cases/{{id}} ({2 * iterations + 45} lines)", casePage));
    return 0;
}
finally
{
    tipBot.Dispose();
    Directory.Delete(dataDirectory, recursive: true);
}

static async Task<List<double>> TimeAsync(Func<Task> request, int times)
{
    var timings = new List<double>(times);
    await request();
    for (var i = 0; i < times; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await request();
        timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
    return timings;
}

static string Figures(string name, List<double> values)
{
    var sorted = values.Order().ToList();
    double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    return string.Create(CultureInfo.InvariantCulture, $"{name,-48} p50 {At(0.50),7:F2}  p95 {At(0.95),7:F2}  p99 {At(0.99),7:F2}  max {sorted[^1],7:F2}");
}
