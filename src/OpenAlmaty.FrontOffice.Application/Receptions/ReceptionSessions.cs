using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>Shared reading of sessions and times.</summary>
public static class ReceptionView
{
    public static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static TimeOnly ParseTime(string? text, string name) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t
            : throw ProblemException.Invalid(ProblemTypes.ValidationFailed, $"{name} is a time as HH:mm.");

    /// <summary>Codes are shown in capitals; a resident may type them in either case.</summary>
    private static string NormalizeCode(string? code) => code?.Trim().ToUpperInvariant() ?? "";

    public static async Task<Booking> BookingAsync(FrontOfficeDb db, string? code, bool tracked, CancellationToken ct)
    {
        var normalized = NormalizeCode(code);
        var bookings = tracked ? db.Bookings : db.Bookings.AsNoTracking();
        return await bookings.SingleOrDefaultAsync(b => b.Code == normalized, ct) ?? throw ProblemException.NotFound(ProblemTypes.UnknownBooking);
    }

    public static async Task<string?> DeskNumberAsync(FrontOfficeDb db, int? deskId, CancellationToken ct) =>
        deskId is { } id ? await db.Desks.Where(d => d.Id == id).Select(d => d.Number).SingleOrDefaultAsync(ct) : null;

    public static async Task<ReceptionSessionDto> ToDtoAsync(FrontOfficeDb db, ReceptionSession s, CancellationToken ct) =>
        ToDto(s, await db.Bookings.AsNoTracking().Where(b => b.SessionId == s.Id).ToListAsync(ct), await DeskNumberAsync(db, s.DeskId, ct));

    public static ReceptionSessionDto ToDto(ReceptionSession s, IReadOnlyCollection<Booking> bookings, string? desk) =>
        new(s.Id, s.DeputyName, s.DistrictAgencyId, s.Date, Time(s.Start), Time(s.End), s.SlotMinutes, s.PlacesPerSlot, desk, s.IsCancelled,
            ReceptionBook.FreePlaces(s, bookings).OrderBy(p => p.Key).Select(p => new SlotDto(Time(p.Key), p.Value)).ToList(),
            ReceptionBook.WaitingList(s.Id, bookings).Count);
}

/// <summary>Plans a one-off session (admin); the day must be a working day and not past.</summary>
public sealed class CreateSession(FrontOfficeDb db, HallCalendar calendar, TimeProvider clock, Audit.AuditTrail audit)
{
    public async Task<ReceptionSessionDto> HandleAsync(CreateSessionRequest r, CancellationToken ct)
    {
        if (!calendar.Current.IsWorkingDay(r.Date))
        {
            throw ProblemException.Invalid(ProblemTypes.NotAWorkingDay, $"{r.Date:yyyy-MM-dd} is not a working day.");
        }

        var session = ReceptionSession.Plan(Guid.CreateVersion7(), r.DeputyName ?? "", r.DistrictAgencyId, r.Date,
            ReceptionView.ParseTime(r.Start, "start"), ReceptionView.ParseTime(r.End, "end"), r.SlotMinutes, r.PlacesPerSlot, r.DeskId);
        if (session.StartsAtUtc <= clock.GetUtcNow().UtcDateTime)
        {
            throw ProblemException.Invalid(ProblemTypes.SessionUnavailable, "A session is planned in the future.");
        }

        await Transactions.RunAsync(db, async ct =>
        {
            if (r.DeskId is { } desk && !await db.Desks.AnyAsync(d => d.Id == desk && d.RetiredAt == null, ct))
            {
                throw ProblemException.NotFound(ProblemTypes.UnknownDesk, $"There is no desk {desk}.");
            }

            db.ReceptionSessions.Add(session);
            await audit.RecordAsync("reception.session.create", $"session {session.Id:N}", $"{session.DeputyName} {session.Date:yyyy-MM-dd} {r.Start}–{r.End}", ct);
            return true;
        }, ct);
        return await ReceptionView.ToDtoAsync(db, session, ct);
    }
}

/// <summary>Sessions in a date range with their free places (kiosk, staff).</summary>
public sealed class ListSessions(FrontOfficeDb db, TimeProvider clock, PassOnLapsedOffers passOn)
{
    public const int MaxDays = 62;

    /// <summary>How far ahead a resident at the kiosk may book.</summary>
    public const int BookableDays = 28;

    /// <summary>What a resident may still book: sessions not cancelled and not yet begun, four weeks ahead.</summary>
    public async Task<IReadOnlyList<ReceptionSessionDto>> BookableAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Domain.Calendar.AlmatyClock.ServiceDay(now);
        var sessions = await HandleAsync(today, today.AddDays(BookableDays), ct);
        var local = Domain.Calendar.AlmatyClock.ToLocal(now);
        return sessions.Where(s => !s.Cancelled
            && (s.Date > today || ReceptionView.ParseTime(s.Start, "start") > TimeOnly.FromDateTime(local))).ToList();
    }

    public async Task<IReadOnlyList<ReceptionSessionDto>> HandleAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from || to.DayNumber - from.DayNumber > MaxDays)
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed, $"from ≤ to, at most {MaxDays} days apart.");
        }

        // Three reads for the whole range, whatever the number of sessions (and a write only when an offer ran out).
        var sessions = await db.ReceptionSessions.AsNoTracking().Where(s => s.Date >= from && s.Date <= to)
            .OrderBy(s => s.Date).ThenBy(s => s.Start).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var read = await db.Bookings.AsNoTracking().Where(b => ids.Contains(b.SessionId)).ToListAsync(ct);
        if (await passOn.IfAnyRanOutAsync(read, ct))
        {
            read = await db.Bookings.AsNoTracking().Where(b => ids.Contains(b.SessionId)).ToListAsync(ct);
        }

        var bookings = read.ToLookup(b => b.SessionId);
        var desks = await db.Desks.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Number, ct);
        return sessions.Select(s => ReceptionView.ToDto(s, [.. bookings[s.Id]], s.DeskId is { } d ? desks.GetValueOrDefault(d) : null)).ToList();
    }
}
