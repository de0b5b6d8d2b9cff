using System.Globalization;

namespace OpenAlmaty.FrontOffice.Domain.Tickets;

/// <summary>The number a visitor reads: the service prefix and three digits, e.g. <c>A-015</c>.</summary>
public static class TicketNumber
{
    public static string Format(string prefix, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{number:000}");
}
