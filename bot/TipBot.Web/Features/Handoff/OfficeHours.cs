using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace TipBot.Features.Handoff;

/// <summary>
/// Whether people answer the hotline at a given moment, and when they next will.
/// <list type="bullet">
/// <item>All times and holidays are wall-clock times in <see cref="TimeZone"/>, whatever offset the caller's moment carries.</item>
/// <item>A shift belongs to the day it starts: a Friday 20:00–06:00 shift is open on Saturday at 03:00, unless Friday
/// is a holiday. A holiday stops the shifts that start on it, not the tail of the previous night's shift.</item>
/// <item>A shift opens at its start and closes at its end (open at 08:00, closed at 17:00 for 08:00–17:00).</item>
/// <item>When a start falls in a daylight-saving gap, the shift opens when the clock jumps past it; when it falls in
/// the hour the clock repeats, the first time the clock shows it.</item>
/// <item><see cref="OfficeHoursOptions.AlwaysOpen"/> overrides the schedule and the holidays.</item>
/// </list>
/// </summary>
public sealed class OfficeHours
{
    /// <summary>How many days past the given moment's date <see cref="NextOpening"/> looks before giving up.</summary>
    public const int SearchDays = 60;

    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm"];

    private readonly TimeProvider _time;
    private readonly bool _alwaysOpen;
    private readonly Shift[][] _week;
    private readonly FrozenSet<DateOnly> _holidays;

    /// <exception cref="OptionsValidationException">The options are invalid (the validator says the same at start).</exception>
    public OfficeHours(IOptions<OfficeHoursOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var errors = new List<string>();
        (TimeZone, _week, _holidays) = Compile(options.Value, errors);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(OfficeHoursOptions), errors);
        }
        _alwaysOpen = options.Value.AlwaysOpen;
        _time = time;
    }

    public TimeZoneInfo TimeZone { get; }

    public bool IsOpenNow() => IsOpen(_time.GetUtcNow());

    public bool IsOpen(DateTimeOffset at)
    {
        if (_alwaysOpen)
        {
            return true;
        }
        var local = TimeZoneInfo.ConvertTime(at, TimeZone).DateTime;
        var today = DateOnly.FromDateTime(local);
        // Measured from yesterday's midnight, the same moment is a day later: that is how the tail of a shift
        // that started yesterday and runs past midnight is found.
        return StartedShiftCovers(today, local.TimeOfDay) || StartedShiftCovers(today.AddDays(-1), local.TimeOfDay + OneDay);
    }

    /// <summary>
    /// <paramref name="at"/> when the service is open then; otherwise the next moment it opens, in
    /// <see cref="TimeZone"/>'s offset. Null when no shift starts within <see cref="SearchDays"/> days.
    /// </summary>
    public DateTimeOffset? NextOpening(DateTimeOffset at)
    {
        if (IsOpen(at))
        {
            return at;
        }
        var local = TimeZoneInfo.ConvertTime(at, TimeZone).DateTime;
        var today = DateOnly.FromDateTime(local);
        for (var day = 0; day <= SearchDays; day++)
        {
            var date = today.AddDays(day);
            if (_holidays.Contains(date))
            {
                continue;
            }
            var midnight = date.ToDateTime(TimeOnly.MinValue);
            foreach (var shift in _week[(int)date.DayOfWeek])
            {
                // Closed now, so a shift that started earlier today has already ended.
                if (midnight + shift.Start > local)
                {
                    return ToInstant(midnight + shift.Start);
                }
            }
        }
        return null;
    }

    private bool StartedShiftCovers(DateOnly startDate, TimeSpan sinceStartDateMidnight)
    {
        if (_holidays.Contains(startDate))
        {
            return false;
        }
        foreach (var shift in _week[(int)startDate.DayOfWeek])
        {
            if (shift.Start <= sinceStartDateMidnight && sinceStartDateMidnight < shift.End)
            {
                return true;
            }
        }
        return false;
    }

    private DateTimeOffset ToInstant(DateTime wallClock)
    {
        // Daylight-saving transitions fall on whole minutes, so stepping by a minute lands on the end of the gap.
        while (TimeZone.IsInvalidTime(wallClock))
        {
            wallClock = wallClock.AddMinutes(1);
        }
        // The larger offset is the earlier of the two moments the clock shows this time.
        var offset = TimeZone.IsAmbiguousTime(wallClock) ? TimeZone.GetAmbiguousTimeOffsets(wallClock).Max() : TimeZone.GetUtcOffset(wallClock);
        return new DateTimeOffset(wallClock, offset);
    }

    /// <summary>
    /// Turns the options into the schedule, adding one message per mistake to <paramref name="errors"/>. The
    /// validator and the constructor share it, so what passes validation is exactly what runs.
    /// </summary>
    internal static (TimeZoneInfo Zone, Shift[][] Week, FrozenSet<DateOnly> Holidays) Compile(OfficeHoursOptions options, List<string> errors)
    {
        const string Key = OfficeHoursOptions.Section;

        if (string.IsNullOrWhiteSpace(options.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out var zone))
        {
            errors.Add($"{Key}:TimeZone '{options.TimeZone}' is not a time zone this machine knows; use an IANA id such as "
                + "'Africa/Maseru' (on Linux the ids come from the tzdata package).");
            zone = TimeZoneInfo.Utc;
        }

        var byDay = new List<Shift>[7];
        for (var day = 0; day < byDay.Length; day++)
        {
            byDay[day] = [];
        }
        var weekly = options.Weekly ?? OfficeHoursOptions.DefaultWeekly;
        for (var i = 0; i < weekly.Count; i++)
        {
            var entryKey = $"{Key}:Weekly:{i}";
            var entry = weekly[i];
            if (entry is null)
            {
                errors.Add($"{entryKey} is empty; give it Days, Open and Close.");
                continue;
            }
            var open = ParseTime(entry.Open, $"{entryKey}:Open", errors);
            var close = ParseTime(entry.Close, $"{entryKey}:Close", errors);
            var days = ParseDays(entry.Days, $"{entryKey}:Days", errors);
            if (open is not { } start || close is not { } end)
            {
                continue;
            }
            // Equal times make a 24-hour shift; an earlier close is on the next day.
            if (end <= start)
            {
                end += OneDay;
            }
            foreach (var day in days)
            {
                byDay[(int)day].Add(new Shift(start, end));
            }
        }
        var week = Array.ConvertAll(byDay, shifts => shifts.OrderBy(s => s.Start).ToArray());

        var holidays = new HashSet<DateOnly>();
        for (var i = 0; i < options.Holidays.Count; i++)
        {
            var text = options.Holidays[i];
            if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                holidays.Add(date);
            }
            else
            {
                errors.Add($"{Key}:Holidays:{i} '{text}' is not a date; use yyyy-MM-dd such as '2026-03-11'.");
            }
        }

        return (zone, week, holidays.ToFrozenSet());
    }

    private static TimeSpan? ParseTime(string? text, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"{key} is missing; use 24-hour HH:mm such as '08:00'.");
            return null;
        }
        if (TimeOnly.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time.ToTimeSpan();
        }
        errors.Add($"{key} '{text}' is not a time; use 24-hour HH:mm such as '08:00' or '17:30'.");
        return null;
    }

    private static List<DayOfWeek> ParseDays(IList<string>? names, string key, List<string> errors)
    {
        var days = new List<DayOfWeek>();
        if (names is null || names.Count == 0)
        {
            errors.Add($"{key} is empty; list the days the shift starts on, such as [\"Monday\", \"Tuesday\"].");
            return days;
        }
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i]?.Trim();
            // Letters only: Enum.TryParse would also take "1" (Monday) and "Monday,Tuesday" (OR-ed into Wednesday).
            if (!string.IsNullOrEmpty(name) && name.All(char.IsAsciiLetter) && Enum.TryParse<DayOfWeek>(name, ignoreCase: true, out var day))
            {
                days.Add(day);
            }
            else
            {
                errors.Add($"{key}:{i} '{names[i]}' is not a day; use an English day name such as 'Monday'.");
            }
        }
        return days;
    }

    /// <summary>Measured from the midnight of the day it starts; <see cref="End"/> passes 24 hours when the shift runs past midnight.</summary>
    internal readonly record struct Shift(TimeSpan Start, TimeSpan End);
}
