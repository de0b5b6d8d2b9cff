using OpenAlmaty.FrontOffice.Printing.EscPos;
using ZXing;
using ZXing.Common;

namespace OpenAlmaty.FrontOffice.Printing.Tests;

public class RasterTests
{
    /// <summary>Reads GS v 0 bands back into a picture, as a printer would lay the dots.</summary>
    private static (byte[] Gray, int Width, int Height) Decode(byte[] bytes)
    {
        var rows = new List<byte[]>();
        var widthBytes = 0;
        for (var i = 0; i < bytes.Length;)
        {
            Assert.Equal([0x1D, 0x76, 0x30, 0x00], bytes[i..(i + 4)]);
            widthBytes = bytes[i + 4] | (bytes[i + 5] << 8);
            var height = bytes[i + 6] | (bytes[i + 7] << 8);
            i += 8;
            for (var y = 0; y < height; y++, i += widthBytes)
            {
                rows.Add(bytes[i..(i + widthBytes)]);
            }
        }

        var width = widthBytes * 8;
        var gray = new byte[width * rows.Count];
        for (var y = 0; y < rows.Count; y++)
        {
            for (var x = 0; x < width; x++)
            {
                gray[(y * width) + x] = (rows[y][x / 8] & (0x80 >> (x % 8))) != 0 ? (byte)0 : (byte)255;
            }
        }

        return (gray, width, rows.Count);
    }

    [Fact]
    public void A_qr_code_printed_as_raster_reads_back()
    {
        const string url = "http://frontoffice.local/t/3q2-7Yh_KxQ9bF1mZp0Avw";
        var image = MonochromeImage.QrCode(url, scale: 8);
        Assert.True(image.Height > EscPosWriter.MaxRasterBandHeight, "tall enough to be split into bands");
        var bytes = new EscPosWriter().Raster(image).ToArray();

        var (gray, width, height) = Decode(bytes);
        var source = new RGBLuminanceSource(gray, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
        var result = reader.Decode(source);
        Assert.NotNull(result);
        Assert.Equal(url, result.Text);
    }
}
