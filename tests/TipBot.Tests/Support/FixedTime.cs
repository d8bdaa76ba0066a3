namespace TipBot.Tests.Support;

/// <summary>A clock stopped at midday UTC on one date.</summary>
internal sealed class FixedTime(DateOnly today) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
