using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>
/// A booking as an .ics event the resident adds to a phone's calendar: when, where, with whom. Its
/// UID is stable per booking and its SEQUENCE is the booking's version, so a calendar that imports
/// the file again after a reschedule moves the event instead of adding a second one.
/// </summary>
public sealed class BookingCalendarFile(FrontOfficeDb db, PassOnLapsedOffers passOn)
{
    public const string Address = "Open Almaty, Байзақов к-сі / ул. Байзакова, 280, Алматы";

    public async Task<string> HandleAsync(string code, CancellationToken ct)
    {
        var booking = await ReceptionView.BookingAsync(db, code, tracked: false, ct);
        if (await passOn.IfAnyRanOutAsync(booking.SessionId, ct))
        {
            // An offer that ran out is no appointment to put in a calendar; one passed on to this resident is.
            booking = await ReceptionView.BookingAsync(db, code, tracked: false, ct);
        }

        if (booking.SlotStart is not { } slot || booking.State is not (BookingState.Active or BookingState.Offered or BookingState.CheckedIn))
        {
            throw ProblemException.Conflict(ProblemTypes.BookingWrongState, "The booking has no time yet (waiting list) or is no longer active.");
        }

        var session = await db.ReceptionSessions.AsNoTracking().SingleAsync(s => s.Id == booking.SessionId, ct);
        var desk = await ReceptionView.DeskNumberAsync(db, session.DeskId, ct);
        var start = AlmatyClock.ToUtc(session.Date.ToDateTime(slot));
        var calendar = new Calendar { ProductId = "-//Open Almaty//FrontOffice//KK" };
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{booking.Id}@frontoffice.openalmaty",
            Sequence = booking.Version,
            Summary = $"Жеке қабылдау / Личный приём: {session.DeputyName}",
            Description = $"Жазылу коды / Код записи: {booking.Code}. Талон алу үшін киоскіде «Менің жазылуым бар» / Для талона нажмите на киоске «У меня есть запись».",
            Location = desk is null ? Address : $"{Address}, {desk}-терезе / окно {desk}",
            Start = new CalDateTime(start),
            End = new CalDateTime(start.AddMinutes(session.SlotMinutes)),
        });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
