using OpenAlmaty.FrontOffice.Application.Desks;

namespace OpenAlmaty.FrontOffice.Components.Tests.Desk;

/// <summary>What an officer types in the console's search, as the visitor reads the number out.</summary>
public sealed class TicketNumberSearchTests
{
    [Theory]
    [InlineData("E-012", "E", 12)]
    [InlineData("e12", "E", 12)]
    [InlineData(" 12 ", "", 12)]
    [InlineData("012", "", 12)]
    [InlineData("A1-005", "A1", 5)]
    [InlineData("р-004", "P", 4)] // a Cyrillic "р" typed on a Russian layout
    [InlineData("Е 7", "E", 7)]
    public void A_number_is_read_however_it_is_typed(string typed, string prefix, int number) =>
        Assert.Equal((prefix, number), FindDeskTicket.Parse(typed));

    [Theory]
    [InlineData("")]
    [InlineData("E-")]
    [InlineData("абв")]
    [InlineData("1A-005")]
    [InlineData("E-1234567")]
    public void Text_without_a_ticket_number_finds_nothing(string typed) => Assert.Null(FindDeskTicket.Parse(typed));
}
