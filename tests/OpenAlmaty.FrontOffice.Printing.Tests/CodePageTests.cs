using System.Diagnostics;
using OpenAlmaty.FrontOffice.Printing.EscPos;

namespace OpenAlmaty.FrontOffice.Printing.Tests;

public class CodePageTests
{
    private const string KazakhLetters = "ӘәҒғҚқҢңӨөҰұҮүҺһІі";

    [Fact]
    public void Kz1048_equals_the_standard_mapping_for_all_128_high_bytes()
    {
        // glibc's iconv knows KZ-1048 as RK1048; 0x98 is the one byte it leaves unassigned.
        var defined = Enumerable.Range(0x80, 128).Where(b => b != 0x98).Select(b => (byte)b).ToArray();
        var expected = Iconv("RK1048", defined);
        Assert.Equal(127, expected.Length);
        for (var i = 0; i < defined.Length; i++)
        {
            Assert.Equal(expected[i], PrinterCodePage.Kz1048.CharOf(defined[i]));
        }

        Assert.Null(PrinterCodePage.Kz1048.CharOf(0x98));
    }

    [Fact]
    public void Kz1048_holds_every_kazakh_and_russian_letter_and_round_trips()
    {
        var text = KazakhLetters + "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя№";
        var bytes = PrinterCodePage.Kz1048.Encode(text);
        Assert.Equal(text.Length, bytes.Length);
        Assert.Equal(text, new string(bytes.Select(b => PrinterCodePage.Kz1048.CharOf(b)!.Value).ToArray()));
    }

    [Theory]
    [InlineData("CP866")]
    [InlineData("WPC1251")]
    public void Russian_pages_refuse_kazakh_letters_instead_of_printing_question_marks(string name)
    {
        var page = PrinterCodePage.All.Single(p => p.Name == name);
        Assert.True(page.CanEncode("Талон окно 7"));
        Assert.False(page.CanEncode("Талон 7-терезе, Қабылдау"));
        var refused = Assert.Throws<UnencodableTextException>(() => page.Encode("Қабылдау әр үш ң"));
        Assert.Equal(['Қ', 'ә', 'ү', 'ң'], refused.Characters);
    }

    [Theory]
    [InlineData("CP866", "IBM866")]
    [InlineData("WPC1251", "CP1251")]
    public void Russian_pages_match_iconv(string name, string iconvName)
    {
        var page = PrinterCodePage.All.Single(p => p.Name == name);
        const string text = "Приём граждан, окно № 7";
        Assert.Equal(text, Iconv(iconvName, page.Encode(text)));
    }

    private static string Iconv(string from, byte[] bytes)
    {
        var start = new ProcessStartInfo("iconv", ["-f", from, "-t", "UTF-8"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.BaseStream.Write(bytes);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
