using System.ComponentModel.DataAnnotations;

namespace TipBot.Features.Handoff;

/// <summary>Section "TipBot:Handoff". Office hours have their own section, "TipBot:Handoff:OfficeHours".</summary>
public sealed class HandoffOptions
{
    public const string Section = "TipBot:Handoff";

    /// <summary>A queued request nobody accepts within this time expires: the person is told and given contacts.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often queued requests are checked for expiry.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ExpiryCheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Optional: handoff events are POSTed here as JSON (ids only, never text), signed with <see cref="WebhookSecret"/>.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Key for the webhook's X-TipBot-Signature header (HMAC-SHA256). Required with <see cref="WebhookUrl"/>; keep it out of the repository.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// True when the channel's own agent hub (one that speaks the Bot Framework handoff protocol) takes the
    /// conversation: TipBot sends it <c>handoff.initiate</c> with the transcript and follows its <c>handoff.status</c>.
    /// </summary>
    public bool ExternalAgentHub { get; set; }
}
