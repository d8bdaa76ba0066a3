using TipBot.Features.Operators;

namespace TipBot.Features.Console;

/// <summary>The console's addresses, for links and redirects (the pages' @page directives repeat them, as Razor needs literals).</summary>
public static class ConsolePaths
{
    public const string Queue = OperatorsServiceCollectionExtensions.ConsolePath;
    public const string SignIn = Queue + "/signin";
    public const string SignInCode = Queue + "/signin/code";
    public const string SignOut = Queue + "/signout";
    public const string Password = Queue + "/password";
    public const string TwoFactor = Queue + "/two-factor";
    public const string Canned = Queue + "/canned";
    public const string Denied = Queue + "/denied";
    public const string Api = Queue + "/api";
    public const string Language = Queue + "/language";

    public static string Case(Guid id) => $"{Queue}/cases/{id}";

    /// <summary>A return URL only when it stays on this site (no open redirect through the sign-in page).</summary>
    public static string Local(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\')) ? returnUrl : Queue;
}
