namespace OpenAlmaty.FrontOffice.Kiosk.Components;

public enum KeypadCase
{
    /// <summary>Keys type what they show (codes, digits).</summary>
    AsIs,

    /// <summary>Every word capitalized (a full name, a double-barrelled one after a hyphen).</summary>
    Words,

    /// <summary>The first letter capitalized (a sentence).</summary>
    Sentence,
}

/// <summary>The alphabets of the letter keypad.</summary>
public enum LetterSet
{
    Kazakh,
    Russian,
    Latin,
}
