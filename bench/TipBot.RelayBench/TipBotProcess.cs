using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace TipBot.RelayBench;

/// <summary>TipBot in its own process on a free loopback port, on a throw-away data folder.</summary>
internal sealed partial class TipBotProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _dll;
    private readonly string _dataDirectory;

    private TipBotProcess(Process process, string dll, string dataDirectory, Uri baseAddress)
    {
        _process = process;
        _dll = dll;
        _dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<TipBotProcess> StartAsync(string dll, string dataDirectory)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var process = Process.Start(Start(dll, dataDirectory, ["--urls", baseAddress.ToString(), "--Logging:LogLevel:Default=Warning",
            "--TipBot:Handoff:OfficeHours:AlwaysOpen=true"]))!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = baseAddress };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return new TipBotProcess(process, dll, dataDirectory, baseAddress);
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("TipBot did not become healthy in 30 s.");
    }

    /// <summary>Creates an account with the real command and returns its one-time password.</summary>
    public async Task<string> AddOperatorAsync(string email, string name, string role)
    {
        var start = Start(_dll, _dataDirectory, ["operators", "add", "--email", email, "--name", name, "--role", role]);
        using var command = Process.Start(start)!;
        var output = await command.StandardOutput.ReadToEndAsync();
        await command.WaitForExitAsync();
        return OneTimePassword().Match(output) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("operators add printed no password: " + output + await command.StandardError.ReadToEndAsync());
    }

    private static ProcessStartInfo Start(string dll, string dataDirectory, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["TipBot__DataDirectory"] = dataDirectory;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"One-time password[^:]*: (\S+)")]
    private static partial Regex OneTimePassword();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
