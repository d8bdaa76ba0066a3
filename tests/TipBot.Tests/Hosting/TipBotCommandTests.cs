using TipBot.Hosting;

namespace TipBot.Tests.Hosting;

public sealed class TipBotCommandTests
{
    private static Dictionary<string, string?> Overrides(TipBotCommand command) =>
        command.ConfigurationOverrides().ToDictionary(kv => kv.Key, kv => kv.Value);

    [Fact]
    public void No_arguments_serve_the_web_host()
    {
        var command = TipBotCommand.Parse([]);

        Assert.Equal(TipBotCommand.Serve, command.Name);
        Assert.True(command.IsServe);
        Assert.Empty(command.Arguments);
        Assert.Empty(command.HostArguments);
        Assert.Empty(Overrides(command));
    }

    [Fact]
    public void Host_options_without_a_command_go_to_the_web_host_unchanged()
    {
        string[] args = ["--urls", "http://localhost:5080", "--TipBot:DataDirectory=/srv/tipbot"];

        var command = TipBotCommand.Parse(args);

        Assert.True(command.IsServe);
        Assert.Equal(args, command.HostArguments);
    }

    [Fact]
    public void Knowledge_check_takes_its_options_and_starts_no_host_options()
    {
        var command = TipBotCommand.Parse(["knowledge", "check", "--topics", "../shared/spec/topics.md"]);

        Assert.Equal(TipBotCommand.KnowledgeCheck, command.Name);
        Assert.False(command.IsServe);
        Assert.Equal(["--topics", "../shared/spec/topics.md"], command.Arguments);
        Assert.Empty(command.HostArguments);
    }

    [Fact]
    public void Chat_passes_only_TipBot_and_connection_string_options_to_the_host()
    {
        var command = TipBotCommand.Parse(["chat", "--lang", "st", "--debug", "--TipBot:DataDirectory=/srv/tipbot", "--ConnectionStrings:TipBot=Data Source=/tmp/x.db"]);

        Assert.Equal(TipBotCommand.Chat, command.Name);
        Assert.Equal(["--lang", "st", "--debug", "--TipBot:DataDirectory=/srv/tipbot", "--ConnectionStrings:TipBot=Data Source=/tmp/x.db"], command.Arguments);
        Assert.Equal(["--TipBot:DataDirectory=/srv/tipbot", "--ConnectionStrings:TipBot=Data Source=/tmp/x.db"], command.HostArguments);
    }

    [Fact]
    public void A_host_option_given_as_key_then_value_keeps_its_value()
    {
        var command = TipBotCommand.Parse(["chat", "--TipBot:DataDirectory", "/srv/tipbot", "--debug"]);

        Assert.Equal(["--TipBot:DataDirectory", "/srv/tipbot"], command.HostArguments);
    }

    [Fact]
    public void Terminal_commands_keep_the_log_quiet()
    {
        var overrides = Overrides(TipBotCommand.Parse(["chat"]));

        Assert.Equal("Warning", overrides["Logging:LogLevel:Default"]);
        Assert.False(overrides.ContainsKey("TipBot:DataDirectory"));
    }

    [Fact]
    public void Eval_runs_on_a_throwaway_data_folder_unless_asked_to_keep_data()
    {
        var command = TipBotCommand.Parse(["eval", "dev.jsonl", "--json"]);
        var overrides = Overrides(command);
        var kept = Overrides(TipBotCommand.Parse(["eval", "dev.jsonl", "--keep-data"]));

        Assert.Equal(TipBotCommand.Eval, command.Name);
        Assert.Equal(["dev.jsonl", "--json"], command.Arguments);
        var directory = overrides["TipBot:DataDirectory"];
        Assert.NotNull(directory);
        Assert.StartsWith("tipbot-eval-", Path.GetFileName(directory), StringComparison.Ordinal);
        Assert.Equal(Path.GetFullPath(Path.GetTempPath()), Path.GetFullPath(Path.GetDirectoryName(directory)!) + Path.DirectorySeparatorChar);
        Assert.Equal("", overrides["ConnectionStrings:TipBot"]);
        Assert.False(kept.ContainsKey("TipBot:DataDirectory"));
        Assert.NotEqual(directory, Overrides(TipBotCommand.Parse(["eval", "dev.jsonl"]))["TipBot:DataDirectory"]);
    }
}
