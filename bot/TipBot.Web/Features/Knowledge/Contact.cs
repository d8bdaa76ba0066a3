namespace TipBot.Features.Knowledge;

/// <summary>A hotline or service. <see cref="Id"/> is "country.key", e.g. "za.police-emergency".</summary>
public sealed record Contact(
    string Id,
    string Country,
    string Name,
    string Number,
    string? Hours,
    string? Note,
    bool Verified,
    DateOnly? VerifiedOn,
    Source? Source)
{
    /// <summary>Only verified contacts may ever reach a user.</summary>
    public bool IsShowable => Verified && VerifiedOn is not null && Source is not null;

    public string Display => Hours is null ? $"{Name}: {Number}" : $"{Name}: {Number} ({Hours})";
}

/// <summary>A value that changes over time (minimum wage, permit dates), with its "as of" date.</summary>
public sealed record Fact(string Key, string Value, DateOnly? AsOf, Source? Source);

/// <summary>
/// A country of a contacts file: its dialing code (to guess a WhatsApp user's country), the places that say a
/// person is there, and the contact keys an urgent reply shows (and adds for a child). Only verified contacts
/// among them are ever shown.
/// </summary>
public sealed record CountryInfo(
    string Code,
    string Name,
    string? DialingCode,
    IReadOnlyList<string> Places,
    IReadOnlyList<string> UrgentContactKeys,
    IReadOnlyList<string> ChildContactKeys);
