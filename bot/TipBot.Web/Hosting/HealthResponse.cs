using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TipBot.Hosting;

/// <summary>Health as a small JSON object: overall status and each check's status (no exception details).</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }));
    }
}
