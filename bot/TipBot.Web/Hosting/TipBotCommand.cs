namespace TipBot.Hosting;

/// <summary>
/// The command line: no command runs the web host; <c>knowledge check</c>, <c>chat</c>, <c>eval</c> and <c>operators</c>
/// use the same services without serving HTTP.
/// </summary>
public sealed record TipBotCommand(string Name, IReadOnlyList<string> Arguments, string[] HostArguments)
{
    public const string Serve = "serve";
    public const string KnowledgeCheck = "knowledge check";
    public const string Chat = "chat";
    public const string Eval = "eval";
    public const string Operators = "operators";

    public bool IsServe => Name == Serve;

    public static TipBotCommand Parse(string[] args) => args switch
    {
        ["knowledge", "check", .. var rest] => new(KnowledgeCheck, rest, []),
        ["chat", .. var rest] => new(Chat, rest, HostArgs(rest)),
        ["eval", .. var rest] => new(Eval, rest, HostArgs(rest)),
        ["operators", .. var rest] => new(Operators, rest, HostArgs(rest)),
        _ => new(Serve, [], args),
    };

    /// <summary>Terminal commands keep the log quiet so their own output stays readable (and eval's JSON parseable).</summary>
    public IEnumerable<KeyValuePair<string, string?>> ConfigurationOverrides()
    {
        if (IsServe)
        {
            yield break;
        }
        yield return new("Logging:LogLevel:Default", "Warning");
        yield return new("Logging:Console:LogToStandardErrorThreshold", "Trace");
        yield return new("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
        if (Name == Eval && !Arguments.Contains("--keep-data"))
        {
            // Each eval run gets a throw-away database: evaluation lines are not conversations.
            yield return new("TipBot:DataDirectory", Path.Combine(Path.GetTempPath(), "tipbot-eval-" + Guid.NewGuid().ToString("N")));
            yield return new("ConnectionStrings:TipBot", "");
            yield return new("TipBot:Database:Provider", nameof(Persistence.DatabaseProvider.Sqlite));
        }
    }

    // TipBot and connection-string options after the command are passed on to the host, in either form the
    // configuration command line accepts: "--key=value", or "--key value" (the value must come along, or the host
    // would silently ignore the key).
    private static string[] HostArgs(string[] rest)
    {
        var host = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            if (!rest[i].StartsWith("--TipBot", StringComparison.Ordinal) && !rest[i].StartsWith("--ConnectionStrings", StringComparison.Ordinal))
            {
                continue;
            }
            host.Add(rest[i]);
            if (!rest[i].Contains('=', StringComparison.Ordinal) && i + 1 < rest.Length && !rest[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                host.Add(rest[++i]);
            }
        }
        return [.. host];
    }
}
