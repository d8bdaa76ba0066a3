using System.Runtime.Loader;

namespace TipBot.Persistence;

/// <summary>
/// Migrations live in their own assembly per provider (TipBot.Migrations.Sqlite, .PostgreSql), which references this
/// host for the model. The host cannot reference them back, so its build copies the migrations assemblies
/// beside the app and into a publish (see TipBot.Web.csproj), and this resolver loads one when EF asks for it by name.
/// </summary>
internal static class MigrationsAssembly
{
    public const string Sqlite = "TipBot.Migrations.Sqlite";
    public const string PostgreSql = "TipBot.Migrations.PostgreSql";

    private static int s_registered;

    public static void RegisterResolver()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 1)
        {
            return;
        }
        AssemblyLoadContext.Default.Resolving += static (context, name) =>
        {
            if (name.Name is not (Sqlite or PostgreSql))
            {
                return null;
            }
            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
    }
}
