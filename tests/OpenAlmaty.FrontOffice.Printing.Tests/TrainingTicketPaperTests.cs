using OpenAlmaty.FrontOffice.Printing.EscPos;

namespace OpenAlmaty.FrontOffice.Printing.Tests;

/// <summary>A ticket printed in training mode says so on the paper, in bold, in both state languages; a real one does not.</summary>
public class TrainingTicketPaperTests
{
    private static readonly TicketContent Ticket = new(
        "P-004", "Энергетика басқармасы", "Управление энергетики",
        new DateTime(2026, 12, 6, 19, 5, 0), 2, 10, 25, "http://frontoffice.local/t/abc", IsTraining: true);

    [Fact]
    public void A_training_ticket_prints_its_mark_in_bold()
    {
        var (job, mode) = TicketLayout.Render(Ticket, PrinterProfile.Epson80);
        Assert.Equal(TicketPrintMode.Text, mode);
        var hex = Convert.ToHexString(job);
        var mark = Convert.ToHexString(PrinterCodePage.Kz1048.Encode("ОҚУ ТАЛОНЫ / УЧЕБНЫЙ ТАЛОН"));
        Assert.Contains("1B4501" + mark, hex, StringComparison.Ordinal); // ESC E 1: emphasis on, then the mark
    }

    [Fact]
    public void A_real_ticket_has_no_training_mark()
    {
        var real = Ticket with { IsTraining = false };
        Assert.DoesNotContain(real.Lines(), l => l.Contains("ТАЛОНЫ", StringComparison.Ordinal));
        var (job, _) = TicketLayout.Render(real, PrinterProfile.Epson80);
        Assert.DoesNotContain(Convert.ToHexString(PrinterCodePage.Kz1048.Encode("УЧЕБНЫЙ")), Convert.ToHexString(job), StringComparison.Ordinal);
    }
}
