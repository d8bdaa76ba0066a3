using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace TipBot.Tests.Support;

/// <summary>
/// The database under the tests' hosts. By default SQLite, in each host's data folder. With
/// <c>TIPBOT_TEST_DATABASE=postgresql</c>, a database of its own on the PostgreSQL server that
/// <c>TIPBOT_TEST_POSTGRES</c> names (CI runs the whole suite both ways; eng/postgres/throwaway.sh starts a
/// server). The database is tied to the data folder, so a host restarted on the same folder finds its data again, and
/// it is dropped with the folder.
/// </summary>
internal static class TestDatabase
{
    public const string ProviderVariable = "TIPBOT_TEST_DATABASE";
    public const string ServerVariable = "TIPBOT_TEST_POSTGRES";

    public static bool IsPostgreSql { get; } =
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "postgresql", StringComparison.OrdinalIgnoreCase);

    /// <summary>Configuration for a host whose data folder is <paramref name="dataDirectory"/>: nothing on SQLite.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> SettingsFor(string dataDirectory) => IsPostgreSql
        ? [new("TipBot:Database:Provider", "PostgreSql"), new("ConnectionStrings:TipBot", EnsureDatabase(dataDirectory))]
        : [];

    /// <summary>The same as command-line arguments, with the data folder.</summary>
    public static string[] ArgsFor(string dataDirectory) =>
        [$"--TipBot:DataDirectory={dataDirectory}", .. SettingsFor(dataDirectory).Select(setting => $"--{setting.Key}={setting.Value}")];

    /// <summary>
    /// Everything stored, as bytes to search: the SQLite file and its WAL (recent commits live there until a checkpoint),
    /// or every PostgreSQL table's rows as text.
    /// </summary>
    public static byte[] ReadAll(string dataDirectory)
    {
        var all = IsPostgreSql ? ReadAllRows(dataDirectory) : ReadSqliteFiles(dataDirectory);
        Assert.True(all.Length > 0, "nothing stored for " + dataDirectory);
        return all;
    }

    public static void DropFor(string dataDirectory)
    {
        if (!IsPostgreSql)
        {
            return;
        }
        using var server = OpenServer();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName(dataDirectory)}\" WITH (FORCE)", server);
        drop.ExecuteNonQuery();
    }

    private static string DatabaseName(string dataDirectory) =>
        "tipbot_test_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..24];

    private static NpgsqlConnection OpenServer()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{ProviderVariable}=postgresql needs {ServerVariable}: a connection string to a PostgreSQL server where the tests may create databases (eng/postgres/throwaway.sh starts one).");
        }
        var connection = new NpgsqlConnection(server);
        connection.Open();
        return connection;
    }

    private static string EnsureDatabase(string dataDirectory)
    {
        var name = DatabaseName(dataDirectory);
        using var server = OpenServer();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", server) { Parameters = { new("name", name) } };
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    private static byte[] ReadAllRows(string dataDirectory)
    {
        var text = new StringBuilder();
        using var connection = new NpgsqlConnection(EnsureDatabase(dataDirectory));
        connection.Open();
        var tables = new List<string>();
        using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        foreach (var table in tables)
        {
            using var rows = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", connection);
            using var reader = rows.ExecuteReader();
            while (reader.Read())
            {
                text.AppendLine(reader.GetString(0));
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] ReadSqliteFiles(string dataDirectory)
    {
        using var all = new MemoryStream();
        foreach (var file in Directory.EnumerateFiles(dataDirectory, "tipbot.db*"))
        {
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                stream.CopyTo(all);
            }
            catch (FileNotFoundException)
            {
                // SQLite removes the -shm and -wal files when the last connection closes (the background expiry check's
                // connection can close at any moment); their content is then in tipbot.db.
            }
        }
        return all.ToArray();
    }
}
