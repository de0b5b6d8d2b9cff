using OpenAlmaty.FrontOffice.Printing.EscPos;

namespace OpenAlmaty.FrontOffice.Printing.Tests;

/// <summary>A reprinted ticket says it is a copy, in bold under the QR, and a first print says nothing of the kind.</summary>
public class ReprintMarkTests
{
    private static readonly TicketContent First = new(
        "E-004", "Энергетика басқармасы", "Управление энергетики",
        new DateTime(2026, 11, 30, 10, 5, 0), 3, 10, 25, "http://frontoffice.local/t/abc");

    private static string Hex(string text) => Convert.ToHexString(PrinterCodePage.Kz1048.Encode(text));

    [Theory]
    [InlineData("КӨШІРМЕ")]
    [InlineData("КОПИЯ")]
    [InlineData("COPY")]
    public void A_reprint_carries_the_copy_mark_in_bold_in_its_escpos_bytes(string mark)
    {
        var (job, mode) = TicketLayout.Render(First with { CopyMark = mark, PeopleAhead = 1 }, PrinterProfile.Epson80);

        Assert.Equal(TicketPrintMode.Text, mode);
        var hex = Convert.ToHexString(job);
        // ESC E 1 (bold on), the mark, then a line feed.
        Assert.Contains("1B4501" + Hex(mark) + "0A", hex, StringComparison.Ordinal);
        Assert.Contains(Hex("Алдыңызда: 1 адам"), hex, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_print_has_no_copy_mark_and_a_training_reprint_has_both_marks()
    {
        var first = Convert.ToHexString(TicketLayout.Render(First, PrinterProfile.Epson80).Job);
        Assert.DoesNotContain(Hex("КӨШІРМЕ"), first, StringComparison.Ordinal);

        var training = First with { CopyMark = "КӨШІРМЕ", IsTraining = true };
        Assert.Equal("КӨШІРМЕ · ОҚУ ТАЛОНЫ / УЧЕБНЫЙ ТАЛОН", training.Warning);
        Assert.Contains(Hex(training.Warning!), Convert.ToHexString(TicketLayout.Render(training, PrinterProfile.Epson80).Job), StringComparison.Ordinal);
    }
}
