using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TipBot.Persistence;

namespace TipBot.Tests.Persistence;

public sealed class DatabaseOptionsTests
{
    private static DatabaseOptions Resolve(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        builder.AddPersistence();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
    }

    [Fact]
    public void Without_configuration_TipBot_uses_SQLite() => Assert.Equal(DatabaseProvider.Sqlite, Resolve().Provider);

    [Fact]
    public void PostgreSql_without_a_connection_string_stops_the_start_and_says_what_is_missing()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve("--TipBot:Database:Provider=PostgreSql"));

        Assert.Contains("ConnectionStrings:TipBot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSql_with_a_connection_string_is_accepted() =>
        Assert.Equal(DatabaseProvider.PostgreSql, Resolve("--TipBot:Database:Provider=postgresql", "--ConnectionStrings:TipBot=Host=localhost;Database=tipbot").Provider);
}
