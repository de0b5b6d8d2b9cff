using System.Globalization;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Printing;

namespace OpenAlmaty.FrontOffice.Application.Reports;

/// <summary>The report as an A4 PDF (Kazakh and Russian, with charts) and as a CSV, for download or the nightly file.</summary>
public sealed class ServiceReportFiles(BuildServiceReport build)
{
    public async Task<byte[]> PdfAsync(DateOnly from, DateOnly to, int? kskThreshold, CancellationToken ct) =>
        Pdf(await build.HandleAsync(from, to, kskThreshold, ct));

    public async Task<byte[]> CsvAsync(DateOnly from, DateOnly to, int? kskThreshold, CancellationToken ct) =>
        Csv(await build.HandleAsync(from, to, kskThreshold, ct));

    private static string Period(ServiceReportDto r) => r.From == r.To ? Day(r.From) : $"{Day(r.From)} – {Day(r.To)}";

    private static string Day(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string N(double? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "—";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static byte[] Pdf(ServiceReportDto r)
    {
        using var sheet = new PdfSheet($"Есеп / Отчёт {Period(r)}");
        sheet.Title($"Қызмет көрсету сапасы туралы есеп — {Period(r)}", $"Отчёт о качестве обслуживания — {Period(r)}");
        sheet.Text("Күту: талон алғаннан шақыруға дейін; қызмет: шақырудан аяқталғанға дейін, минутпен; p50/p90 — медиана және 90-перцентиль. "
            + "Ожидание: от талона до вызова; обслуживание: от вызова до завершения, в минутах; p50/p90 — медиана и 90-й перцентиль.");

        sheet.Heading("Органдар / Органы");
        sheet.Table(["Орган (қаз.)", "Орган (рус.)", "Берілді / Выдано", "Көрсетілді / Обслужено", "Келмеді / Неявки", "Күту / Ожидание p50", "Күту / Ожидание p90", "Уәдеден асты / Сверх обещанного"],
            [0.21, 0.21, 0.08, 0.1, 0.09, 0.1, 0.1, 0.11],
            r.Agencies.Select(a => new[] { a.NameKk, a.NameRu, N(a.Issued), N(a.Served), N(a.NoShows), N(a.WaitP50), N(a.WaitP90), N(a.PromiseBroken) }),
            empty: "Деректер жоқ / Нет данных");

        sheet.Heading("Күту уақыты, p50 мин / Ожидание по органам, p50 мин");
        sheet.BarChart(r.Agencies.Where(a => a.WaitP50 is not null).Select(a => (Short(a.NameRu), a.WaitP50!.Value)).ToList(), "0.#");

        sheet.Heading("Сағат бойынша жүктеме (берілген талондар) / Нагрузка по часам (выдано талонов)");
        var first = r.IssuedByHour.ToList().FindIndex(n => n > 0);
        var last = r.IssuedByHour.ToList().FindLastIndex(n => n > 0);
        var hours = first < 0 ? Enumerable.Range(9, 10) : Enumerable.Range(Math.Min(first, 9), Math.Max(last, 18) - Math.Min(first, 9) + 1);
        sheet.BarChart(hours.Select(h => ($"{h:00}", (double)r.IssuedByHour[h])).ToList());

        sheet.Heading("Қызметтер / Услуги");
        sheet.Table(["Орган, қызмет / Орган, услуга", "Берілді / Выдано", "Көрсетілді / Обслужено", "Келмеді / Неявки", "Ауыстырылды / Переводы",
                "Кезектен тыс / Вне очереди", "Күту / Ожидание p50 / p90", "Қызмет / Обслуживание p50 / p90", "Уәдеден асты / Сверх обещанного", "Баға / Оценка"],
            [0.2, 0.07, 0.09, 0.08, 0.09, 0.08, 0.1, 0.11, 0.09, 0.09],
            r.Services.Where(s => s.Issued + s.Called + s.Served > 0).Select(s => new[]
            {
                ServiceName(r, s), N(s.Issued), N(s.Served), N(s.NoShows), N(s.TransfersOut), N(s.OutOfOrderCalls),
                $"{N(s.WaitP50)} / {N(s.WaitP90)}", $"{N(s.ServiceP50)} / {N(s.ServiceP90)}", N(s.PromiseBroken),
                s.RatingAverage is { } avg ? $"{N(avg)} ({s.Ratings})" : "—",
            }), empty: "Деректер жоқ / Нет данных");

        sheet.Heading("Қызметкерлер / Сотрудники");
        sheet.Table(["Қызметкер / Сотрудник", "Қызмет көрсетілді / Обслужено", "Орташа уақыт, мин / Среднее время, мин", "Бос уақыт, мин / Простой, мин"],
            [0.31, 0.23, 0.23, 0.23],
            r.Officers.Select(o => new[] { o.UserName, N(o.Served), N(o.AverageServiceMinutes), N(o.IdleMinutes) }), empty: "—");

        sheet.Heading("Тақырыптар / Темы");
        sheet.Table(["Тақырып / Тема", "Келу / Визиты"], [0.6, 0.4],
            r.Topics.Select(t => new[] { VisitTopics.Bilingual(t.Topic), N(t.Visits) }));

        sheet.Heading($"ПИК сигналдары (≥ {r.KskThreshold}) / Сигналы по КСК (≥ {r.KskThreshold})");
        sheet.Table(["ПИК / КСК", "Өтініштер / Обращения", "Күндер / Даты"], [0.35, 0.15, 0.5],
            r.KskSignals.Select(k => new[] { k.Ksk, N(k.Visits), string.Join(", ", k.Days.Select(Day)) }),
            empty: "Шекті мәннен асқан ПИК жоқ / КСК выше порога нет");

        sheet.Heading("Келушілердің бағалары / Оценки посетителей");
        sheet.Text(r.Ratings.Count == 0 ? "Баға жоқ / Оценок нет" : $"{r.Ratings.Count} баға / оценок, орташа / средняя {N(r.Ratings.Average)} / 5");
        if (r.Comments is { Count: > 0 } comments)
        {
            sheet.Table(["Күні / Дата", "Баға / Оценка", "Пікір / Комментарий"], [0.15, 0.12, 0.73],
                comments.Select(c => new[] { Day(c.Day), N(c.Stars), c.Comment }));
        }
        return sheet.Save();
    }

    public static byte[] Csv(ServiceReportDto r)
    {
        var csv = new CsvFile()
            .Row("Кезең / Период", Period(r))
            .Row()
            .Row("Орган (қаз.)", "Орган (рус.)", "Талон / Выдано", "Қызмет / Обслужено", "Келмеді / Неявки", "Күту p50 / Ожидание p50", "Күту p90 / Ожидание p90", "Уәде бұзылды / Обещание нарушено");
        foreach (var a in r.Agencies)
        {
            csv.Row(a.NameKk, a.NameRu, N(a.Issued), N(a.Served), N(a.NoShows), N(a.WaitP50), N(a.WaitP90), N(a.PromiseBroken));
        }

        csv.Row().Row("Қызмет / Услуга", "Код", "Талон / Выдано", "Шақырылды / Вызвано", "Қызмет / Обслужено", "Келмеді / Неявки", "Ауыстыру / Переводы",
            "Кезектен тыс / Вне очереди", "Күту p50", "Күту p90", "Қызмет p50", "Қызмет p90", "Уәде бұзылды", "Бағалар / Оценки", "Орташа баға / Средняя оценка");
        foreach (var s in r.Services)
        {
            csv.Row(ServiceName(r, s), s.Code, N(s.Issued), N(s.Called), N(s.Served), N(s.NoShows), N(s.TransfersOut), N(s.OutOfOrderCalls),
                N(s.WaitP50), N(s.WaitP90), N(s.ServiceP50), N(s.ServiceP90), N(s.PromiseBroken), N(s.Ratings), N(s.RatingAverage));
        }

        csv.Row().Row("Қызметкер / Сотрудник", "Қызмет көрсетілді / Обслужено", "Орташа уақыт / Среднее время", "Бос уақыт / Простой");
        foreach (var o in r.Officers)
        {
            csv.Row(o.UserName, N(o.Served), N(o.AverageServiceMinutes), N(o.IdleMinutes));
        }

        csv.Row().Row("Сағат / Час", "Талон / Выдано");
        for (var h = 0; h < 24; h++)
        {
            csv.Row($"{h:00}", N(r.IssuedByHour[h]));
        }

        csv.Row().Row("Тақырып / Тема", "Келу / Визиты");
        foreach (var t in r.Topics)
        {
            csv.Row(VisitTopics.Bilingual(t.Topic), N(t.Visits));
        }

        csv.Row().Row("ПИК / КСК", "Өтініштер / Обращения", "Күндер / Даты");
        foreach (var k in r.KskSignals)
        {
            csv.Row(k.Ksk, N(k.Visits), string.Join(" ", k.Days.Select(Day)));
        }

        return csv.ToBytes();
    }

    private static string ServiceName(ServiceReportDto r, ServiceFiguresDto s) =>
        r.Agencies.FirstOrDefault(a => a.AgencyId == s.AgencyId) is { } a ? $"{a.NameRu} · {s.NameKk} / {s.NameRu}" : $"{s.NameKk} / {s.NameRu}";

    /// <summary>A chart label fits a narrow bar: the first word or two of the name.</summary>
    private static string Short(string name)
    {
        var words = name.Replace("«", "", StringComparison.Ordinal).Replace("»", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var label = string.Join(' ', words.Take(2));
        return label.Length > 18 ? label[..17] + "…" : label;
    }
}

/// <summary>
/// After each service day, its report (PDF and CSV) in <c>&lt;data&gt;/reports/</c>: the office has
/// yesterday's figures in the morning without asking. Days already written are left alone.
/// </summary>
public sealed class WriteNightlyReport(ServiceReportFiles files, TimeProvider clock, Microsoft.Extensions.Options.IOptions<FrontOfficeOptions> options)
{
    /// <summary>One writer at a time: the hourly pass and a caller asking at the same moment must not both write a day.</summary>
    private static readonly SemaphoreSlim Writing = new(1, 1);

    public string Directory => Path.Combine(options.Value.DataDirectory, "reports");

    /// <returns>The PDF written, or null when yesterday's was there already.</returns>
    public async Task<string?> HandleAsync(CancellationToken ct)
    {
        await Writing.WaitAsync(ct);
        try
        {
            var yesterday = Domain.Calendar.AlmatyClock.ServiceDay(clock.GetUtcNow().UtcDateTime).AddDays(-1);
            var pdf = Path.Combine(Directory, FileName(yesterday) + ".pdf");
            if (File.Exists(pdf))
            {
                return null;
            }

            System.IO.Directory.CreateDirectory(Directory);
            await WriteWholeAsync(Path.ChangeExtension(pdf, ".csv"), await files.CsvAsync(yesterday, yesterday, null, ct), ct);
            await WriteWholeAsync(pdf, await files.PdfAsync(yesterday, yesterday, null, ct), ct);
            return pdf;
        }
        finally
        {
            Writing.Release();
        }
    }

    /// <summary>Deletes the files of days before <paramref name="day"/> (they quote visitors' comments); how many went.</summary>
    public int DeleteBefore(DateOnly day)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }

        var old = System.IO.Directory.EnumerateFiles(Directory, FilePrefix + "*")
            .Select(Path.GetFileName)
            .Where(name => name!.Length >= FilePrefix.Length + DateFormat.Length
                && DateOnly.TryParseExact(name.AsSpan(FilePrefix.Length, DateFormat.Length), DateFormat,
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d < day)
            .Select(name => Path.Combine(Directory, name!))
            .ToList();
        old.ForEach(File.Delete);
        return old.Count;
    }

    private const string FilePrefix = "report-";
    private const string DateFormat = "yyyy-MM-dd";

    private static string FileName(DateOnly day) => FilePrefix + day.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static async Task WriteWholeAsync(string path, byte[] content, CancellationToken ct)
    {
        await File.WriteAllBytesAsync(path + ".new", content, ct);
        File.Move(path + ".new", path, overwrite: true);
    }
}
