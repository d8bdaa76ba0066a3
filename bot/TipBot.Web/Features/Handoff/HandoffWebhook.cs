using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace TipBot.Features.Handoff;

/// <summary>
/// The optional outgoing webhook: every handoff event is POSTed to <see cref="HandoffOptions.WebhookUrl"/> as JSON
/// with ids only (never text, never a number), signed like Meta's webhooks: <c>X-TipBot-Signature: sha256=&lt;hex
/// HMAC-SHA256 of the body&gt;</c>. Events are queued and sent off the turn; a slow or failing receiver never delays
/// a person's reply (retries come from the standard resilience handler).
/// </summary>
public sealed partial class HandoffWebhook(IHttpClientFactory clients, IOptions<HandoffOptions> options, ILogger<HandoffWebhook> logger)
    : BackgroundService, IHandoffListener
{
    public const string ClientName = "TipBot.HandoffWebhook";
    public const string SignatureHeader = "X-TipBot-Signature";

    private readonly Channel<HandoffEvent> _pending = Channel.CreateBounded<HandoffEvent>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public Task HandleAsync(HandoffEvent handoffEvent, CancellationToken cancellationToken)
    {
        if (options.Value.WebhookUrl is not null && !_pending.Writer.TryWrite(handoffEvent))
        {
            LogDropped(logger, handoffEvent.Name, handoffEvent.CaseId);
        }
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.WebhookUrl is not { } url || options.Value.WebhookSecret is not { } secret)
        {
            return;
        }
        var client = clients.CreateClient(ClientName);
        await foreach (var handoffEvent in _pending.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var content = new ByteArrayContent(Body(handoffEvent));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                content.Headers.Add(SignatureHeader, Sign(secret, await content.ReadAsByteArrayAsync(stoppingToken)));
                using var response = await client.PostAsync(url, content, stoppingToken);
                if (!response.IsSuccessStatusCode)
                {
                    LogRejected(logger, handoffEvent.Name, handoffEvent.CaseId, (int)response.StatusCode);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, exception, handoffEvent.Name, handoffEvent.CaseId);
            }
        }
    }

    public static byte[] Body(HandoffEvent handoffEvent) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string?>
    {
        ["event"] = handoffEvent.Name,
        ["caseId"] = handoffEvent.CaseId.ToString(),
        ["conversationId"] = handoffEvent.ConversationId.ToString(),
        ["from"] = handoffEvent.From.ToString(),
        ["to"] = handoffEvent.To.ToString(),
        ["priority"] = handoffEvent.Priority.ToString(),
        ["operatorId"] = handoffEvent.OperatorId,
        ["at"] = handoffEvent.At.ToString("O", CultureInfo.InvariantCulture),
    });

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handoff webhook queue full: dropped {EventName} for case {CaseId}")]
    private static partial void LogDropped(ILogger logger, string eventName, Guid caseId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handoff webhook answered {Status} to {EventName} for case {CaseId}")]
    private static partial void LogRejected(ILogger logger, string eventName, Guid caseId, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handoff webhook failed for {EventName} of case {CaseId}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string eventName, Guid caseId);
}

/// <summary>A webhook URL without a secret would send unsigned events: refused at start-up.</summary>
public sealed class HandoffOptionsValidator : IValidateOptions<HandoffOptions>
{
    public ValidateOptionsResult Validate(string? name, HandoffOptions options)
    {
        if (options.WebhookUrl is { } url)
        {
            if (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http"))
            {
                return ValidateOptionsResult.Fail("TipBot:Handoff:WebhookUrl must be an absolute http(s) URL.");
            }
            if (string.IsNullOrWhiteSpace(options.WebhookSecret) || options.WebhookSecret.Length < 16)
            {
                return ValidateOptionsResult.Fail("TipBot:Handoff:WebhookSecret (at least 16 characters) is required with TipBot:Handoff:WebhookUrl.");
            }
        }
        return ValidateOptionsResult.Success;
    }
}
