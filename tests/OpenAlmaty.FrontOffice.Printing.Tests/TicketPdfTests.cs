using UglyToad.PdfPig;

namespace OpenAlmaty.FrontOffice.Printing.Tests;

public class TicketPdfTests
{
    private static readonly TicketContent Ticket = new(
        "ZH-015", "Жетісу ауданының әкімдігі", "Аппарат акима Жетысуского района",
        new DateTime(2026, 11, 30, 10, 5, 0), 3, 10, 25, "http://frontoffice.local/t/3q2-7Yh_KxQ9bF1mZp0Avw");

    [Theory]
    [InlineData(TicketPaper.A6, 297.6, 419.5)]
    [InlineData(TicketPaper.Roll80, 226.8, 425.2)]
    public void The_pdf_reads_back_with_number_and_both_languages(TicketPaper paper, double width, double height)
    {
        var pdf = TicketPdf.Render(Ticket, paper);
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.Equal(width, page.Width, 0);
        Assert.Equal(height, page.Height, 0);
        var words = page.GetWords().Select(w => w.Text).ToList();
        Assert.Contains("ZH-015", words);
        Assert.Contains("Жетісу", words);
        Assert.Contains("ауданының", words);
        Assert.Contains("әкімдігі", words);
        Assert.Contains("Жетысуского", words);
        Assert.Contains("Алдыңызда:", words);
        Assert.Contains("қоғамдық", words);
        File.WriteAllBytes(Path.Combine(AppContext.BaseDirectory, $"ticket-{paper}.pdf"), pdf);
    }
}
