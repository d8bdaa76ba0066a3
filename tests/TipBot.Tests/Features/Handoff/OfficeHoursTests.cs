using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TipBot.Features.Handoff;

namespace TipBot.Tests.Features.Handoff;

public sealed class OfficeHoursTests
{
    // Lesotho keeps UTC+2 all year. 2026-03-06 is a Friday, 2026-03-11 (Moshoeshoe Day) a Wednesday.
    private static readonly TimeSpan Maseru = TimeSpan.FromHours(2);

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Maseru);

    private static OfficeHours Hours(Action<OfficeHoursOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new OfficeHoursOptions();
        configure?.Invoke(options);
        return new OfficeHours(Options.Create(options), time ?? TimeProvider.System);
    }

    private static OfficeHours Hours(WeeklyHours shift, params string[] holidays) => Hours(o =>
    {
        o.Weekly = [shift];
        o.Holidays = holidays;
    });

    private static WeeklyHours Shift(string open, string close, params string[] days) => new() { Days = days, Open = open, Close = close };

    private static IEnumerable<string> Failures(Action<OfficeHoursOptions> configure)
    {
        var options = new OfficeHoursOptions();
        configure(options);
        var result = new OfficeHoursOptionsValidator().Validate(Options.DefaultName, options);
        Assert.True(result.Failed, "expected the options to be rejected");
        return result.Failures!;
    }

    [Theory]
    [InlineData(5, 59, false)] // 07:59 in Maseru
    [InlineData(6, 0, true)] // 08:00 in Maseru: opens on the minute
    [InlineData(6, 30, true)] // 08:30 in Maseru, still closed by a UTC reading
    [InlineData(14, 59, true)] // 16:59 in Maseru
    [InlineData(15, 0, false)] // 17:00 in Maseru: closes on the minute
    [InlineData(15, 30, false)] // 17:30 in Maseru, still open by a UTC reading
    public void Weekday_hours_are_read_in_Maseru_time_when_the_clock_is_in_UTC(int utcHour, int utcMinute, bool open)
    {
        var clock = new StoppedClock(new DateTimeOffset(2026, 3, 9, utcHour, utcMinute, 0, TimeSpan.Zero));

        Assert.Equal(open, Hours(time: clock).IsOpenNow());
    }

    [Fact]
    public void The_time_zone_is_the_configured_one()
    {
        Assert.Equal("Africa/Maseru", Hours().TimeZone.Id);
        Assert.Equal("Europe/London", Hours(o => o.TimeZone = "Europe/London").TimeZone.Id);
    }

    [Fact]
    public void Closed_on_Saturday_and_Sunday_by_default()
    {
        var hours = Hours();

        Assert.True(hours.IsOpen(Local(3, 6, 10)));
        Assert.False(hours.IsOpen(Local(3, 7, 10)));
        Assert.False(hours.IsOpen(Local(3, 8, 10)));
    }

    [Fact]
    public void Closed_on_a_configured_holiday_even_during_weekday_hours()
    {
        var hours = Hours(o => o.Holidays = ["2026-03-11"]);

        Assert.False(hours.IsOpen(Local(3, 11, 10)));
        Assert.True(hours.IsOpen(Local(3, 10, 10)));
        Assert.True(hours.IsOpen(Local(3, 12, 10)));
    }

    [Fact]
    public void A_holiday_is_a_date_in_the_configured_time_zone_not_in_UTC()
    {
        var hours = Hours(Shift("00:00", "00:00", "Wednesday", "Thursday"), "2026-03-12");

        // 23:30 UTC on Wednesday is already Thursday, the holiday, in Maseru.
        Assert.False(hours.IsOpen(new DateTimeOffset(2026, 3, 11, 23, 30, 0, TimeSpan.Zero)));
        Assert.True(hours.IsOpen(new DateTimeOffset(2026, 3, 11, 21, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void An_overnight_shift_is_open_after_midnight_on_the_day_after_it_starts()
    {
        var hours = Hours(Shift("20:00", "06:00", "Friday"));

        Assert.False(hours.IsOpen(Local(3, 6, 19, 59)));
        Assert.True(hours.IsOpen(Local(3, 6, 20)));
        Assert.True(hours.IsOpen(Local(3, 6, 23, 59)));
        Assert.True(hours.IsOpen(Local(3, 7, 3)));
        Assert.False(hours.IsOpen(Local(3, 7, 6)));
        // Thursday night has no shift, so Friday morning is closed.
        Assert.False(hours.IsOpen(Local(3, 6, 3)));
    }

    [Fact]
    public void An_overnight_shift_is_closed_after_midnight_when_the_day_it_starts_is_a_holiday()
    {
        var hours = Hours(Shift("20:00", "06:00", "Friday"), "2026-03-06");

        Assert.False(hours.IsOpen(Local(3, 6, 21)));
        Assert.False(hours.IsOpen(Local(3, 7, 3)));
    }

    [Fact]
    public void A_holiday_does_not_cut_short_the_shift_that_started_the_night_before()
    {
        var hours = Hours(Shift("20:00", "06:00", "Friday"), "2026-03-07");

        Assert.True(hours.IsOpen(Local(3, 7, 3)));
    }

    [Fact]
    public void Open_and_close_both_at_midnight_is_open_the_whole_day_and_no_longer()
    {
        var hours = Hours(Shift("00:00", "00:00", "Sunday"));

        Assert.False(hours.IsOpen(Local(3, 7, 23, 59)));
        Assert.True(hours.IsOpen(Local(3, 8, 0)));
        Assert.True(hours.IsOpen(Local(3, 8, 12)));
        Assert.True(hours.IsOpen(Local(3, 8, 23, 59)));
        Assert.False(hours.IsOpen(Local(3, 9, 0)));
    }

    [Fact]
    public void Always_open_is_open_at_night_at_weekends_and_on_holidays()
    {
        var hours = Hours(o =>
        {
            o.AlwaysOpen = true;
            o.Holidays = ["2026-03-11"];
        });

        Assert.True(hours.IsOpen(Local(3, 8, 3)));
        Assert.True(hours.IsOpen(Local(3, 11, 10)));
        Assert.Equal(Local(3, 8, 3), hours.NextOpening(Local(3, 8, 3)));
    }

    [Fact]
    public void Next_opening_from_Friday_evening_is_Monday_at_08_00_local()
    {
        var next = Hours().NextOpening(new DateTimeOffset(2026, 3, 6, 16, 0, 0, TimeSpan.Zero));

        Assert.Equal(Local(3, 9, 8), next);
        Assert.Equal(Maseru, next!.Value.Offset);
    }

    [Fact]
    public void Next_opening_before_the_morning_shift_is_the_same_day()
    {
        Assert.Equal(Local(3, 10, 8), Hours().NextOpening(Local(3, 10, 6, 15)));
    }

    [Fact]
    public void Next_opening_while_open_is_the_moment_asked_about()
    {
        var at = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(at, Hours().NextOpening(at));
    }

    [Fact]
    public void Next_opening_skips_a_holiday()
    {
        var hours = Hours(o => o.Holidays = ["2026-03-09"]);

        Assert.Equal(Local(3, 10, 8), hours.NextOpening(Local(3, 6, 18)));
    }

    [Fact]
    public void Next_opening_is_null_for_a_schedule_with_no_days()
    {
        Assert.Null(Hours(o => o.Weekly = []).NextOpening(Local(3, 9, 10)));
    }

    [Fact]
    public void Next_opening_looks_as_far_as_the_search_limit_and_no_further()
    {
        var from = new DateOnly(2026, 3, 11);
        string[] HolidaysFor(int days) =>
            [.. Enumerable.Range(0, days).Select(d => from.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];
        var everyDay = Shift("08:00", "17:00", Enum.GetNames<DayOfWeek>());

        var lastDayFree = Hours(everyDay, HolidaysFor(OfficeHours.SearchDays));
        var allDaysTaken = Hours(everyDay, HolidaysFor(OfficeHours.SearchDays + 1));

        var lastDay = from.AddDays(OfficeHours.SearchDays);
        Assert.Equal(new DateTimeOffset(lastDay.ToDateTime(new TimeOnly(8, 0)), Maseru), lastDayFree.NextOpening(Local(3, 11, 7)));
        Assert.Null(allDaysTaken.NextOpening(Local(3, 11, 7)));
    }

    [Fact]
    public void Next_opening_in_a_daylight_saving_gap_is_when_the_clock_jumps_past_it()
    {
        // New York moved its clocks from 02:00 to 03:00 on Sunday 2026-03-08; 02:30 never happened.
        var hours = Hours(o =>
        {
            o.TimeZone = "America/New_York";
            o.Weekly = [Shift("02:30", "05:00", "Sunday")];
        });

        var next = hours.NextOpening(new DateTimeOffset(2026, 3, 8, 1, 0, 0, TimeSpan.FromHours(-5)));

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.FromHours(-4)), next);
        Assert.True(hours.IsOpen(next!.Value));
    }

    [Fact]
    public void Validation_names_an_unknown_time_zone()
    {
        var failure = Assert.Single(Failures(o => o.TimeZone = "Africa/Atlantis"));

        Assert.Contains("TipBot:Handoff:OfficeHours:TimeZone 'Africa/Atlantis' is not a time zone", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8am")]
    [InlineData("25:00")]
    [InlineData("08:60")]
    [InlineData("8")]
    public void Validation_names_an_unparseable_time(string open)
    {
        var failure = Assert.Single(Failures(o => o.Weekly = [Shift(open, "17:00", "Monday")]));

        Assert.Contains($"TipBot:Handoff:OfficeHours:Weekly:0:Open '{open}' is not a time", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_names_a_missing_close_time()
    {
        var failure = Assert.Single(Failures(o => o.Weekly = [Shift("08:00", "17:00", "Monday"), new WeeklyHours { Days = ["Friday"], Open = "08:00" }]));

        Assert.Contains("TipBot:Handoff:OfficeHours:Weekly:1:Close is missing", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Funday")]
    [InlineData("Mon")]
    [InlineData("1")]
    [InlineData("Monday,Tuesday")]
    public void Validation_names_an_unknown_day(string day)
    {
        var failure = Assert.Single(Failures(o => o.Weekly = [Shift("08:00", "17:00", "Monday", day)]));

        Assert.Contains($"TipBot:Handoff:OfficeHours:Weekly:0:Days:1 '{day}' is not a day", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Day_names_ignore_case_and_surrounding_spaces()
    {
        var hours = Hours(Shift("08:00", "17:00", " saturday "));

        Assert.True(hours.IsOpen(Local(3, 7, 10)));
    }

    [Fact]
    public void Validation_names_a_shift_without_days()
    {
        var failure = Assert.Single(Failures(o => o.Weekly = [Shift("08:00", "17:00")]));

        Assert.Contains("TipBot:Handoff:OfficeHours:Weekly:0:Days is empty", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_names_an_unparseable_holiday()
    {
        var failure = Assert.Single(Failures(o => o.Holidays = ["2026-03-11", "11/03/2026"]));

        Assert.Contains("TipBot:Handoff:OfficeHours:Holidays:1 '11/03/2026' is not a date", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_reports_every_mistake_at_once()
    {
        var failures = Failures(o =>
        {
            o.TimeZone = "Nowhere";
            o.Weekly = [Shift("8am", "17:00", "Funday")];
        });

        Assert.Equal(3, failures.Count());
    }

    [Fact]
    public void The_default_options_pass_validation()
    {
        Assert.True(new OfficeHoursOptionsValidator().Validate(Options.DefaultName, new OfficeHoursOptions()).Succeeded);
    }

    [Fact]
    public void Office_hours_refuse_invalid_options_they_were_given_directly()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Hours(o => o.TimeZone = "Nowhere"));

        Assert.Contains("'Nowhere' is not a time zone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_weekly_hours_replace_the_default_instead_of_adding_to_it()
    {
        using var services = Services(new()
        {
            ["TipBot:Handoff:OfficeHours:Weekly:0:Days:0"] = "Saturday",
            ["TipBot:Handoff:OfficeHours:Weekly:0:Open"] = "09:00",
            ["TipBot:Handoff:OfficeHours:Weekly:0:Close"] = "12:00",
            ["TipBot:Handoff:OfficeHours:Holidays:0"] = "2026-03-14",
        });

        var hours = services.GetRequiredService<OfficeHours>();

        Assert.True(hours.IsOpen(Local(3, 7, 10)));
        Assert.False(hours.IsOpen(Local(3, 9, 10)));
        Assert.False(hours.IsOpen(Local(3, 14, 10)));
    }

    [Fact]
    public void Invalid_configuration_fails_the_start_up_check()
    {
        using var services = Services(new() { ["TipBot:Handoff:OfficeHours:Weekly:0:Days:0"] = "Funday" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Weekly:0:Days:0 'Funday' is not a day", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddOfficeHours()
            .BuildServiceProvider();
    }

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
