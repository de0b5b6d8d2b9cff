using System.Text;

namespace OpenAlmaty.FrontOffice.Application.Common;

/// <summary>
/// A CSV as spreadsheets in Kazakhstan open it: UTF-8 with a byte order mark, semicolons, CRLF.
/// A cell that starts like a formula is defused, so that a name typed as "=…" never runs.
/// </summary>
public sealed class CsvFile
{
    private readonly StringBuilder _text = new();

    public CsvFile Row(params string[] cells)
    {
        _text.AppendJoin(';', cells.Select(Cell)).Append("\r\n");
        return this;
    }

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    private static string Cell(string value)
    {
        var text = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
