using OpenAlmaty.FrontOffice.Printing.EscPos;

namespace OpenAlmaty.FrontOffice.Printing.Tests;

/// <summary>Golden bytes from the Epson ESC/POS command reference.</summary>
public class EscPosWriterTests
{
    private static string Hex(EscPosWriter w) => Convert.ToHexString(w.ToArray());

    [Fact]
    public void Initialize_is_esc_at() => Assert.Equal("1B40", Hex(new EscPosWriter().Initialize()));

    [Fact]
    public void Alignment_is_esc_a() => Assert.Equal("1B6101", Hex(new EscPosWriter().Align(Alignment.Center)));

    [Fact]
    public void Emphasis_is_esc_e() => Assert.Equal("1B45011B4500", Hex(new EscPosWriter().Emphasis(true).Emphasis(false)));

    [Fact]
    public void Size_packs_width_and_height_into_gs_bang()
    {
        Assert.Equal("1D2100", Hex(new EscPosWriter().Size(1, 1)));
        Assert.Equal("1D2133", Hex(new EscPosWriter().Size(4, 4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EscPosWriter().Size(9, 1));
    }

    [Fact]
    public void Cut_is_gs_v_66_with_feed() => Assert.Equal("1D564203", Hex(new EscPosWriter().Cut()));

    [Fact]
    public void Feed_is_esc_d() => Assert.Equal("1B6404", Hex(new EscPosWriter().Feed(4)));

    [Fact]
    public void Code_page_53_then_kazakh_text_in_kz1048()
    {
        var bytes = Hex(new EscPosWriter().CodePage(PrinterCodePage.Kz1048, 53).Text("Әә Ққ"));
        Assert.Equal("1B7435" + "A3BC" + "20" + "8D9D", bytes);
    }

    [Fact]
    public void Qr_store_length_is_data_plus_three() // 15 bytes of data → pL 0x12
    {
        var bytes = new EscPosWriter().QrCode("https://q/t/abc", moduleSize: 5).ToArray();
        var hex = Convert.ToHexString(bytes);
        Assert.StartsWith("1D286B040031413200" + "1D286B0300314305" + "1D286B0300314531", hex, StringComparison.Ordinal);
        Assert.Contains("1D286B" + "1200" + "315030" + Convert.ToHexString("https://q/t/abc"u8), hex, StringComparison.Ordinal);
        Assert.EndsWith("1D286B0300315130", hex, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_requests_are_dle_eot()
    {
        Assert.Equal("100401", Convert.ToHexString(EscPosWriter.StatusRequest(StatusKind.Printer)));
        Assert.Equal("100404", Convert.ToHexString(EscPosWriter.StatusRequest(StatusKind.PaperSensor)));
    }

    [Fact]
    public void Raster_header_gives_bytes_per_row_and_rows()
    {
        var image = new MonochromeImage(10, 2);
        image[0, 0] = true;
        image[9, 1] = true;
        // 10 dots → 2 bytes a row; row 0: 1000 0000 0000 0000, row 1: 0000 0000 0100 0000.
        Assert.Equal("1D76300002000200" + "8000" + "0040", Hex(new EscPosWriter().Raster(image)));
    }

    [Fact]
    public void Tall_images_are_split_into_bands()
    {
        var image = new MonochromeImage(8, 600);
        var bytes = new EscPosWriter().Raster(image).ToArray();
        var headers = Enumerable.Range(0, bytes.Length - 3).Count(i => bytes[i] == 0x1D && bytes[i + 1] == 0x76 && bytes[i + 2] == 0x30);
        Assert.Equal(3, headers); // 256 + 256 + 88 rows
        Assert.Equal(3 * 8 + 600, bytes.Length);
    }

    [Fact]
    public void Non_ascii_text_without_a_code_page_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new EscPosWriter().Text("Талон"));
    }
}
