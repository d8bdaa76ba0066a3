using Microsoft.Extensions.Options;

namespace TipBot.Persistence;

public enum DatabaseProvider
{
    /// <summary>A file in the data directory: nothing to install, one instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several instances can share it.</summary>
    PostgreSql,
}

/// <summary>Which database TipBot uses. The connection string is <c>ConnectionStrings:TipBot</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "TipBot:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

/// <summary>PostgreSQL has no default to fall back on: without a connection string TipBot stops at start, saying so.</summary>
internal sealed class DatabaseOptionsValidator(IConfiguration configuration) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        options.Provider is DatabaseProvider.PostgreSql
        && string.IsNullOrWhiteSpace(configuration.GetConnectionString(PersistenceServiceCollectionExtensions.ConnectionStringName))
            ? ValidateOptionsResult.Fail($"{DatabaseOptions.Section}:Provider is PostgreSql but ConnectionStrings:{PersistenceServiceCollectionExtensions.ConnectionStringName} is empty.")
            : ValidateOptionsResult.Success;
}
