using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>What every booking change owes the resident: a notice on the "to call" list (older ones go stale) and a hub event.</summary>
internal static class Notices
{
    public static async Task AddAsync(FrontOfficeDb db, Booking booking, string kind, DateTime now, CancellationToken ct)
    {
        await SupersedeAsync(db, booking.Id, ct);
        db.ResidentNotices.Add(new ResidentNotice { BookingId = booking.Id, BookingVersion = booking.Version, Kind = kind, CreatedAt = now });
    }

    /// <summary>The booking changed: its undelivered notices tell of what no longer holds.</summary>
    public static Task SupersedeAsync(FrontOfficeDb db, Guid bookingId, CancellationToken ct) =>
        db.ResidentNotices.Where(n => n.BookingId == bookingId && n.DoneAt == null && !n.Stale)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Stale, true), ct);

    public static void Changed(FrontOfficeDb db, Guid sessionId, DateTime now) =>
        Outbox.Add(db, new ReceptionChangedEvent(0, sessionId), now);
}
