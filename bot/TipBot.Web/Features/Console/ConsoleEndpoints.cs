using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using TipBot.Features.Handoff;
using TipBot.Features.Operators;

namespace TipBot.Features.Console;

/// <summary>
/// What the console's script calls: the queue, and every action on a case. Each action goes through
/// <see cref="HandoffStateMachine"/> (which decides who wins a race), is audited with ids only, and answers errors as
/// ProblemDetails whose detail the page shows as it is, in the operator's language.
/// </summary>
public static partial class ConsoleEndpoints
{
    public const int MaxTextLength = 2000;

    public sealed record TextRequest(string? Text);

    public sealed record TransferRequest(string? OperatorId);

    public sealed record OutcomeRequest(string? Outcome);

    public sealed record NoteView(long Id, string Author, DateTime At, string Time, string Text);

    public sealed record AuditView(DateTime At, string Time, string OperatorName, string Action, string ActionLabel, string? Detail);

    public static IEndpointRouteBuilder MapConsoleEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ConsolePaths.Language, ChooseLanguage).AllowAnonymous();

        var api = app.MapGroup(ConsolePaths.Api).RequireAuthorization(OperatorRoles.CanTakeCases).AddEndpointFilter(GuardAsync);
        api.MapGet("/queue", QueueAsync);
        var cases = api.MapGroup("/cases/{id:guid}");
        cases.MapPost("/accept", AcceptAsync);
        cases.MapPost("/reply", ReplyAsync);
        cases.MapPost("/notes", AddNoteAsync);
        cases.MapPost("/transfer", TransferAsync);
        cases.MapPost("/release", ReleaseAsync);
        cases.MapPost("/close", CloseAsync).RequireAuthorization(OperatorRoles.CanSupervise);
        cases.MapPost("/callback-number", CallbackNumberAsync);
        cases.MapGet("/audit", AuditTrailAsync).RequireAuthorization(OperatorRoles.CanSupervise);
        return app;
    }

    /// <summary>
    /// Every API call: nothing until the one-time password is changed, and every change carries the page's antiforgery
    /// token (header RequestVerificationToken), since a cookie alone would let another site act as the operator.
    /// </summary>
    private static async ValueTask<object?> GuardAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var text = http.RequestServices.GetRequiredService<ConsoleText>();
        if (http.User.MustChangePassword())
        {
            return Problem(StatusCodes.Status403Forbidden, text["error.change-password"]);
        }
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return Problem(StatusCodes.Status400BadRequest, text["error.antiforgery"]);
            }
        }
        return await next(context);
    }

    private static IResult ChooseLanguage(HttpContext http, [FromForm] string? lang, [FromForm] string? returnUrl)
    {
        if (lang is not null && ConsoleText.Languages.Contains(lang))
        {
            http.Response.Cookies.Append(ConsoleText.LanguageCookie, lang, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = http.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
                Path = ConsolePaths.Queue,
            });
        }
        return Results.LocalRedirect(ConsolePaths.Local(returnUrl));
    }

    private static async Task<IResult> QueueAsync(HttpContext http, CaseReader reader, ConsoleText text, TimeProvider time, CancellationToken cancellationToken)
    {
        var me = http.User.OperatorId();
        var now = time.GetUtcNow().UtcDateTime;
        var queue = await reader.QueueAsync(me, http.User.IsSupervisor(), cancellationToken);
        return Results.Ok(queue.Select(s => QueueItem.From(s, text, me, now)).ToList());
    }

    public static bool IsChoosable(string? outcome) => outcome is not null && HandoffOutcomes.Choosable.Contains(outcome);

    private static IResult? Invalid(string? value, ConsoleText text) =>
        string.IsNullOrWhiteSpace(value) ? Problem(StatusCodes.Status400BadRequest, text["error.empty"])
        : value.Length > MaxTextLength ? Problem(StatusCodes.Status400BadRequest, text.Format("error.too-long", ("max", MaxTextLength.ToString(CultureInfo.InvariantCulture))))
        : null;

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);

    private static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);
}
