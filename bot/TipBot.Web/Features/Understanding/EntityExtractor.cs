using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.NumberWithUnit;
using Microsoft.Recognizers.Text.Sequence;

namespace TipBot.Features.Understanding;

/// <summary>
/// Money, ages, phone numbers and durations through Microsoft.Recognizers.Text. The models are built
/// once (building them compiles hundreds of regular expressions) and only run on messages that
/// contain a digit or a number word, which keeps most turns free of their cost.
/// </summary>
public sealed partial class EntityExtractor
{
    private readonly IModel _currency;
    private readonly IModel _age;
    private readonly IModel _phone;
    private readonly IModel _dateTime;

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

        var money = _currency.Parse(text).Select(ToMoney).OfType<MoneyAmount>().ToList();
        // The recognizers know "maloti" and "loti" but not the "M" symbol Basotho write ("M1500").
        foreach (Match match in MalotiSymbol().Matches(text))
        {
            if (decimal.TryParse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), CultureInfo.InvariantCulture, out var value))
            {
                money.Add(new MoneyAmount(value, "LSL"));
            }
        }

        var ages = _age.Parse(text)
            .Select(r => Value(r) is { } v && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var age) ? age : (int?)null)
            .OfType<int>().ToList();
        var phones = _phone.Parse(text).Select(r => r.Text).ToList();
        var durations = _dateTime.Parse(text)
            .Where(r => r.TypeName == "datetimeV2.duration")
            .Select(r => r.Text).ToList();
        return new TurnEntities(money, ages, phones, durations);
    }

    private static MoneyAmount? ToMoney(ModelResult result) =>
        Value(result) is { } value && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? new MoneyAmount(amount, result.Resolution.TryGetValue("isoCurrency", out var iso) ? iso as string : null)
            : null;

    private static string? Value(ModelResult result) =>
        result.Resolution?.TryGetValue("value", out var value) == true ? value?.ToString() : null;

    [GeneratedRegex(@"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|thousand|a (week|month|year|day))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MayHoldNumber();

    [GeneratedRegex(@"(?<![\w])M\s?(\d[\d ,]*\d|\d)(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex MalotiSymbol();
}
