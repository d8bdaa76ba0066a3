namespace TipBot.Features.Understanding;

/// <summary>
/// What a message mentions that later features need (a fee asked for, an age, a phone number, how
/// long). Kept on the turn only: phone numbers are never logged or stored.
/// </summary>
public sealed record TurnEntities(
    IReadOnlyList<MoneyAmount> Money,
    IReadOnlyList<int> Ages,
    IReadOnlyList<string> PhoneNumbers,
    IReadOnlyList<string> Durations)
{
    public static TurnEntities None { get; } = new([], [], [], []);

    public bool IsEmpty => Money.Count == 0 && Ages.Count == 0 && PhoneNumbers.Count == 0 && Durations.Count == 0;
}

/// <summary>An amount with its ISO currency when known (ZAR, LSL), e.g. 1500 LSL for "M1500".</summary>
public readonly record struct MoneyAmount(decimal Value, string? Currency);
