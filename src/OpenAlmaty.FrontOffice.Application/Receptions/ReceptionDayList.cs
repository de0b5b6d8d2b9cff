using OpenAlmaty.FrontOffice.Application.Common;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;
using OpenAlmaty.FrontOffice.Printing;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>The day's receptions per deputy akim for staff: a PDF to print and a CSV to open in a spreadsheet. No IIN in either.</summary>
public sealed class ReceptionDayList(FrontOfficeDb db, PassOnLapsedOffers passOn, ReceptionReaders readers)
{
    private static readonly Dictionary<BookingState, string> StateNames = new()
    {
        [BookingState.Active] = "Жазылған / Записан",
        [BookingState.Offered] = "Ұсынылды / Предложено",
        [BookingState.CheckedIn] = "Келді / Пришёл",
        [BookingState.NoShow] = "Келмеді / Не пришёл",
        [BookingState.Completed] = "Қабылданды / Принят",
    };

    public async Task<IReadOnlyList<ReceptionListSession>> HandleAsync(DateOnly date, CancellationToken ct)
    {
        var reach = await readers.ReachAsync(ct);
        var sessions = (await db.ReceptionSessions.AsNoTracking().Where(s => s.Date == date && s.CancelledAt == null)
            .OrderBy(s => s.DeputyName).ThenBy(s => s.Start).ToListAsync(ct)).Where(reach.Covers).ToList();
        var ids = sessions.Select(s => s.Id).ToList();
        var bookings = await db.Bookings.AsNoTracking().Where(b => ids.Contains(b.SessionId)).ToListAsync(ct);
        if (await passOn.IfAnyRanOutAsync(bookings, ct))
        {
            bookings = await db.Bookings.AsNoTracking().Where(b => ids.Contains(b.SessionId)).ToListAsync(ct);
        }

        var deskIds = sessions.Where(s => s.DeskId != null).Select(s => s.DeskId!.Value).ToList();
        var desks = await db.Desks.AsNoTracking().Where(d => deskIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Number, ct);
        return sessions.Select(s => new ReceptionListSession(s.DeputyName, s.DeskId is { } d ? desks.GetValueOrDefault(d) : null,
            ReceptionView.Time(s.Start), ReceptionView.Time(s.End),
            bookings.Where(b => b.SessionId == s.Id && b.SlotStart != null && StateNames.ContainsKey(b.State))
                .OrderBy(b => b.SlotStart).ThenBy(b => b.Sequence)
                .Select(b => new ReceptionListRow(ReceptionView.Time(b.SlotStart!.Value), b.FullName, b.Phone,
                    VisitTopics.Bilingual(b.Topic), b.Text, StateNames[b.State]))
                .ToList())).ToList();
    }

    public async Task<byte[]> PdfAsync(DateOnly date, CancellationToken ct) => ReceptionListPdf.Render(date, await HandleAsync(date, ct));

    /// <summary>The same list as a CSV (see <see cref="CsvFile"/>).</summary>
    public async Task<byte[]> CsvAsync(DateOnly date, CancellationToken ct)
    {
        var csv = new CsvFile().Row("Күні / Дата", "Орынбасар / Заместитель", "Терезе / Окно", "Уақыты / Время", "Аты-жөні / ФИО", "Телефон",
            "Тақырып / Тема", "Мәселе / Суть", "Күйі / Статус");
        foreach (var session in await HandleAsync(date, ct))
        {
            foreach (var row in session.Rows)
            {
                csv.Row(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), session.DeputyName,
                    session.Desk ?? "", row.Time, row.FullName, row.Phone, row.Topic, row.Matter, row.State);
            }
        }

        return csv.ToBytes();
    }
}
