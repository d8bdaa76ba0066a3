namespace TipBot.Features.Handoff;

/// <summary>Whether a person can answer now, and if not, why and from when.</summary>
public readonly record struct Availability(bool Open, bool WithinHours, DateTimeOffset? NextOpening);

/// <summary>Combines office hours with who has the console open.</summary>
public sealed class HandoffAvailability(OfficeHours hours, OperatorPresence presence, TimeProvider time)
{
    public Availability Now()
    {
        var now = time.GetUtcNow();
        if (!hours.IsOpen(now))
        {
            return new Availability(false, false, hours.NextOpening(now));
        }
        return new Availability(presence.AnyOnline, true, null);
    }

    /// <summary>The moment in the service's own time zone, for telling the person when someone can answer.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, hours.TimeZone);
}
