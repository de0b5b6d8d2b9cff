namespace OpenAlmaty.FrontOffice.Domain.Roster;

/// <summary>A service's ticket prefix: one to three Latin capitals or digits, starting with a letter.</summary>
public static class TicketPrefix
{
    public static string Validate(string prefix)
    {
        if (string.IsNullOrEmpty(prefix) || prefix.Length > 3 || !char.IsAsciiLetterUpper(prefix[0])
            || !prefix.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
        {
            throw new DomainRuleException(DomainRule.InvalidPrefix,
                $"Ticket prefix \"{prefix}\" must be 1–3 Latin capitals or digits, starting with a letter.");
        }

        return prefix;
    }
}
