using OpenAlmaty.FrontOffice.Printing.EscPos;
using ZXing;
using ZXing.Common;

namespace OpenAlmaty.FrontOffice.Printing.Tests;

public class TicketLayoutTests
{
    private static readonly TicketContent Ticket = new(
        "ZH-015", "Жетісу ауданының әкімдігі", "Аппарат акима Жетысуского района",
        new DateTime(2026, 11, 30, 10, 5, 0), 3, 10, 25, "http://frontoffice.local/t/3q2-7Yh_KxQ9bF1mZp0Avw");

    [Fact]
    public void An_epson_with_kz1048_prints_kazakh_as_text()
    {
        var (job, mode) = TicketLayout.Render(Ticket, PrinterProfile.Epson80);
        Assert.Equal(TicketPrintMode.Text, mode);
        var hex = Convert.ToHexString(job);
        Assert.Contains("1B7435", hex, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexString(PrinterCodePage.Kz1048.Encode("Алдыңызда: 3 адам")), hex, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexString("ZH-015"u8), hex, StringComparison.Ordinal);
        Assert.EndsWith("1D564203", hex, StringComparison.Ordinal);
    }

    [Fact]
    public void An_english_visitors_ticket_stays_bilingual_and_adds_english_and_a_kazakh_or_russian_one_has_none()
    {
        var english = Ticket with { AgencyEn = "Zhetysu District Akimat", CopyMark = "КӨШІРМЕ / КОПИЯ / COPY" };
        var lines = english.Lines();
        Assert.Contains("Алдыңызда: 3 адам", lines);
        Assert.Contains("Перед вами: 3 чел.", lines);
        Assert.Contains("Ahead of you: 3", lines);
        Assert.Contains("Wait: 10–25 min", lines);
        Assert.Contains("Zhetysu District Akimat", lines);
        Assert.Equal("КӨШІРМЕ / КОПИЯ / COPY", lines[^1]);
        var (job, _) = TicketLayout.Render(english, PrinterProfile.Epson80);
        Assert.Contains(Convert.ToHexString(PrinterCodePage.Kz1048.Encode("Ahead of you: 3")), Convert.ToHexString(job), StringComparison.Ordinal);

        Assert.DoesNotContain(Ticket.Lines(), l => l.StartsWith("Ahead", StringComparison.Ordinal) || l.StartsWith("Wait", StringComparison.Ordinal));
    }

    [Fact]
    public void A_printer_without_kz1048_gets_a_raster_ticket_whose_qr_reads_back()
    {
        var (job, mode) = TicketLayout.Render(Ticket, PrinterProfile.Generic80);
        Assert.Equal(TicketPrintMode.Raster, mode);
        Assert.StartsWith("1B40" + "1D7630", Convert.ToHexString(job), StringComparison.Ordinal); // no code page: a picture

        var image = TicketLayout.Draw(Ticket, PrinterProfile.Generic80.DotsPerLine);
        var gray = new byte[image.Width * image.Height];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                gray[(y * image.Width) + x] = image[x, y] ? (byte)0 : (byte)255;
            }
        }

        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
        var result = reader.Decode(new RGBLuminanceSource(gray, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.Gray8));
        Assert.Equal(Ticket.StatusUrl, result?.Text);

        // The drawing has ink in the header, the big number and the QR rows.
        var inkRows = Enumerable.Range(0, image.Height).Count(y => Enumerable.Range(0, image.Width).Any(x => image[x, y]));
        Assert.True(inkRows > image.Height / 3, $"{inkRows} of {image.Height} rows have ink");

        var png = TicketLayout.Png(image);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        File.WriteAllBytes(Path.Combine(AppContext.BaseDirectory, "ticket-raster.png"), png);
    }

    [Fact]
    public void A_russian_only_ticket_prints_as_text_on_a_clone()
    {
        var russian = Ticket with { AgencyKk = "Аппарат акима", AgencyRu = "Аппарат акима" };
        Assert.Null(PrinterProfile.Generic80.PageFor(russian.Lines())); // the header is Kazakh
        Assert.NotNull(PrinterProfile.Epson80.PageFor(russian.Lines()));
    }
}
