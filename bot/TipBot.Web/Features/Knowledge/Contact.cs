namespace TipBot.Features.Knowledge;

/// <summary>
/// A hotline or service. <see cref="Id"/> is "country.key", e.g. "za.police-emergency". <see cref="Name"/> and
/// <see cref="Hours"/> are English; <see cref="Translations"/> holds them in the other languages TipBot answers in.
/// </summary>
public sealed record Contact(
    string Id,
    string Country,
    string Name,
    string Number,
    string? Hours,
    string? Note,
    bool Verified,
    DateOnly? VerifiedOn,
    Source? Source,
    IReadOnlyDictionary<string, ContactWords> Translations,
    ContactLocation Location)
{
    /// <summary>Only verified contacts may ever reach a user.</summary>
    public bool IsShowable => Verified && VerifiedOn is not null && Source is not null;

    public string Display => Hours is null ? $"{Name}: {Number}" : $"{Name}: {Number} ({Hours})";

    /// <summary>The name and hours a person reading <paramref name="language"/> sees; English where a word is missing.</summary>
    public ContactWords WordsIn(string language)
    {
        var words = Translations.GetValueOrDefault(language);
        return new(words?.Name ?? Name, words?.Hours ?? Hours);
    }
}

/// <summary>A contact's name and opening hours in one language.</summary>
public sealed record ContactWords(string? Name, string? Hours);

/// <summary>Where a contact is written, for the checker's messages.</summary>
public sealed record ContactLocation(string File, int Line);

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
