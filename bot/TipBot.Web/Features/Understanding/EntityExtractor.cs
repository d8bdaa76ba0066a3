using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.NumberWithUnit;
using Microsoft.Recognizers.Text.Sequence;

namespace TipBot.Features.Understanding;

/// <summary>
/// Money, ages, phone numbers and durations through Microsoft.Recognizers.Text. The models are built
/// once (building them compiles hundreds of regular expressions). Each model only sees text that a
/// cheap cue says it could match: measured on the dev set, the date-time model costs ~10 ms on a
/// whole message but well under 1 ms on the few words around "2 months" or "a week", and the
/// currency model ~1.2 ms, so it only runs when money is mentioned. Thread-safe.
/// </summary>
public sealed partial class EntityExtractor
{
    private readonly IModel _currency;
    private readonly IModel _age;
    private readonly IModel _phone;
    private readonly IModel _dateTime;

    // Number-and-unit phrases are few; the bound only keeps odd input ("1234567 days") from growing the cache.
    private const int MaxKnownDurations = 4096;
    private readonly ConcurrentDictionary<string, string[]> _durations = new(System.StringComparer.Ordinal);

    public EntityExtractor()
    {
        _currency = new NumberWithUnitRecognizer(Culture.English).GetCurrencyModel();
        _age = new NumberWithUnitRecognizer(Culture.English).GetAgeModel();
        _phone = new SequenceRecognizer(Culture.English).GetPhoneNumberModel();
        _dateTime = new DateTimeRecognizer(Culture.English).GetDateTimeModel();
    }

    public TurnEntities Extract(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || !MayHoldNumber().IsMatch(text))
        {
            return TurnEntities.None;
        }

        // Basotho write "M1500" and "R2500"; the recognizers know "maloti" and "rand" as words but not
        // these symbols glued to a number, so symbols are read here and words go to the currency model.
        var money = new List<MoneyAmount>();
        foreach (Match match in CurrencySymbol().Matches(text))
        {
            if (decimal.TryParse(match.Groups["value"].Value.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                money.Add(new MoneyAmount(value, match.Groups["symbol"].Value is "M" or "m" ? "LSL" : "ZAR"));
            }
        }
        if (money.Count == 0 && MoneyWord().IsMatch(text))
        {
            money.AddRange(_currency.Parse(text).Select(ToMoney).OfType<MoneyAmount>());
        }

        var ages = (AgeCue().IsMatch(text) ? _age.Parse(text) : [])
            .Select(r => Value(r) is { } v && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var age) ? age : (int?)null)
            .OfType<int>().ToList();
        var phones = _phone.Parse(text).Select(r => r.Text).ToList();
        var durations = DurationCue().Matches(text).SelectMany(m => Durations(m.Value)).ToList();
        return new TurnEntities(money, ages, phones, durations);
    }

    /// <summary>
    /// The date-time model takes 0.5-3.5 ms even on two words ("2 months": it runs every date and time expression it
    /// knows), the slowest step of a turn that has one. A duration does not depend on the day it is read, and people
    /// write the same few ("2 months", "a week", "12hrs"), so each cue's durations are kept once found.
    /// </summary>
    private string[] Durations(string cue)
    {
        if (_durations.TryGetValue(cue, out var known))
        {
            return known;
        }
        var found = _dateTime.Parse(cue).Where(r => r.TypeName == "datetimeV2.duration").Select(r => r.Text).ToArray();
        if (_durations.Count < MaxKnownDurations)
        {
            _durations.TryAdd(cue, found);
        }
        return found;
    }

    private static MoneyAmount? ToMoney(ModelResult result) =>
        Value(result) is { } value && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? new MoneyAmount(amount, result.Resolution.TryGetValue("isoCurrency", out var iso) ? iso as string : null)
            : null;

    private static string? Value(ModelResult result) =>
        result.Resolution?.TryGetValue("value", out var value) == true ? value?.ToString() : null;

    [GeneratedRegex(@"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|thousand|a (week|month|year|day))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MayHoldNumber();

    [GeneratedRegex(@"\d\s?(rand|maloti|loti|zar|lsl)\b|\$\s?\d|\brands?\b|\bmaloti\b|\bloti\b|\bdollars?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoneyWord();

    [GeneratedRegex(@"\b(years?|yrs?|yo|y/o|age|aged|old|lilemo)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgeCue();

    /// <summary>A number (digits or words) followed by a unit of time: the only text the date-time model is given.</summary>
    [GeneratedRegex(@"\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|few|several)\s?(-\s?)?(hours?|hrs?|hr|days?|weeks?|wks?|months?|years?|yrs?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationCue();

    [GeneratedRegex(@"(?<![\w])(?<symbol>[RrMm])\s?(?<value>(?:\d{1,3}(?:[ ,]\d{3})+|\d+)(?:\.\d{1,2})?)(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencySymbol();
}
