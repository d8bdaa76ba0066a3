using Microsoft.Extensions.Options;

namespace TipBot.Features.Handoff;

/// <summary>When people answer the hotline. Read once at start; see <see cref="OfficeHours"/> for the rules.</summary>
public sealed class OfficeHoursOptions
{
    public const string Section = "TipBot:Handoff:OfficeHours";

    /// <summary>IANA time zone id; every time and date here is wall-clock time in this zone.</summary>
    public string TimeZone { get; set; } = "Africa/Maseru";

    /// <summary>
    /// The weekly shifts. Null (not configured) means <see cref="DefaultWeekly"/>. The default lives outside this
    /// property because the configuration binder appends to a list it finds, so configured hours would be added to
    /// the default instead of replacing it.
    /// </summary>
    public IList<WeeklyHours>? Weekly { get; set; }

    /// <summary>Dates (yyyy-MM-dd) on which no shift starts.</summary>
    public IList<string> Holidays { get; set; } = [];

    /// <summary>A 24/7 hotline sets this; <see cref="Weekly"/> and <see cref="Holidays"/> are then ignored.</summary>
    public bool AlwaysOpen { get; set; }

    /// <summary>
    /// Monday to Friday, 08:00 to 17:00. A placeholder, not anyone's real hours: the deploying NGO must set its own,
    /// or people will be promised a person when nobody is there. A fresh list each time, so nobody can change it.
    /// </summary>
    public static IList<WeeklyHours> DefaultWeekly =>
    [
        new()
        {
            Days = [nameof(DayOfWeek.Monday), nameof(DayOfWeek.Tuesday), nameof(DayOfWeek.Wednesday), nameof(DayOfWeek.Thursday), nameof(DayOfWeek.Friday)],
            Open = "08:00",
            Close = "17:00",
        },
    ];
}

/// <summary>
/// One shift on each of <see cref="Days"/>, from <see cref="Open"/> to <see cref="Close"/> (24-hour HH:mm). A close
/// earlier than the open runs past midnight; a close equal to the open is a 24-hour shift ("00:00" to "00:00" is the
/// whole day).
/// </summary>
public sealed class WeeklyHours
{
    /// <summary>English day names, e.g. "Monday".</summary>
    public IList<string> Days { get; set; } = [];

    public string? Open { get; set; }

    public string? Close { get; set; }
}

/// <summary>Reports every mistake in the office hours at start, with the configuration key it was found at.</summary>
public sealed class OfficeHoursOptionsValidator : IValidateOptions<OfficeHoursOptions>
{
    public ValidateOptionsResult Validate(string? name, OfficeHoursOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        OfficeHours.Compile(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
