using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Privacy;

/// <summary>
/// The retention period in force: the one an administrator set on the admin pages, else the
/// configured default (<c>FrontOffice:ReceptionRetentionDays</c>).
/// </summary>
public sealed class GetRetention(FrontOfficeDb db, TimeProvider clock, IOptions<FrontOfficeOptions> options)
{
    public const int MinDays = 1;
    public const int MaxDays = 3650;

    public async Task<RetentionDto> HandleAsync(CancellationToken ct)
    {
        var settings = await db.OfficeSettings.AsNoTracking().SingleOrDefaultAsync(ct);
        var days = settings?.RetentionDays ?? options.Value.ReceptionRetentionDays;
        return new RetentionDto(days, ErasesBefore(days), settings?.RetentionDays is not null,
            settings?.RetentionChangedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null);
    }

    /// <summary>Personal data of days before this one is erased.</summary>
    private DateOnly ErasesBefore(int days) => AlmatyClock.ServiceDay(clock.GetUtcNow().UtcDateTime).AddDays(-days);
}

/// <summary>An administrator sets how long personal data is kept; audited, and in force from the next hourly pass.</summary>
public sealed class SetRetention(FrontOfficeDb db, TimeProvider clock, Audit.AuditTrail audit, GetRetention get)
{
    public async Task<RetentionDto> HandleAsync(SetRetentionRequest request, CancellationToken ct)
    {
        if (request.Days is < GetRetention.MinDays or > GetRetention.MaxDays)
        {
            throw ProblemException.Invalid(ProblemTypes.InvalidRetention,
                $"Keep personal data {GetRetention.MinDays} to {GetRetention.MaxDays} days, not {request.Days}.");
        }

        var before = await get.HandleAsync(ct);
        await Transactions.RunAsync(db, async ct =>
        {
            var settings = await db.OfficeSettings.SingleOrDefaultAsync(ct);
            if (settings is null)
            {
                settings = new OfficeSettings();
                db.OfficeSettings.Add(settings);
            }

            (settings.RetentionDays, settings.RetentionChangedAt) = (request.Days, clock.GetUtcNow().UtcDateTime);
            await audit.RecordAsync("settings.retention", "personal-data",
                string.Create(CultureInfo.InvariantCulture, $"{before.Days} → {request.Days} days"), ct);
            return true;
        }, ct);
        return await get.HandleAsync(ct);
    }
}

/// <summary>What one pass of erasure removed.</summary>
public sealed record ErasedPersonalData(int Bookings, int Tickets, int ReportFiles);

/// <summary>
/// Erases personal data older than the retention period (hourly): residents' names, phones,
/// matters and IIN hashes on bookings whose session is past it; officers' notes and visitors'
/// comments on tickets of those days; and the nightly report files of those days, which quote
/// the comments. The anonymous facts stay for reports: states, topics, times, ratings, KSK names.
/// </summary>
public sealed class ErasePersonalData(FrontOfficeDb db, TimeProvider clock, GetRetention retention, Reports.WriteNightlyReport nightly)
{
    public async Task<ErasedPersonalData> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var before = (await retention.HandleAsync(ct)).ErasesBefore;
        var (bookings, tickets) = await Transactions.RunAsync(db, async ct =>
        {
            var old = await db.Bookings.Where(b => b.ErasedAt == null)
                .Join(db.ReceptionSessions.Where(s => s.Date < before), b => b.SessionId, s => s.Id, (b, s) => b).Take(5000).ToListAsync(ct);
            foreach (var booking in old)
            {
                booking.Erase(now);
            }

            await db.SaveChangesAsync(ct);
            var tickets = await db.Tickets
                .Where(t => t.ServiceDay < before && (t.OutcomeNote != null || t.TransferNote != null || t.RatingComment != null))
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.OutcomeNote, (string?)null)
                    .SetProperty(t => t.TransferNote, (string?)null)
                    .SetProperty(t => t.RatingComment, (string?)null), ct);
            return (old.Count(b => b.ErasedAt == now), tickets);
        }, ct);
        return new ErasedPersonalData(bookings, tickets, nightly.DeleteBefore(before));
    }
}
