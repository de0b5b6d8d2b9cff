using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Audit;

/// <summary>The audit log for administrators, newest first, with the staff names instead of ids.</summary>
public sealed class ListAudit(FrontOfficeDb db)
{
    public Task<IReadOnlyList<AuditEntryDto>> HandleAsync(int take, string? action, CancellationToken ct) =>
        HandleAsync(new AuditFilter(take, action), ct);

    public async Task<IReadOnlyList<AuditEntryDto>> HandleAsync(AuditFilter filter, CancellationToken ct)
    {
        if (filter.From is { } f && filter.To is { } t && f > t)
        {
            throw ProblemException.Invalid(ProblemTypes.InvalidPeriod, $"The period starts on {f:yyyy-MM-dd}, after its end {t:yyyy-MM-dd}.");
        }

        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => "user:" + u.Id, u => u.UserName ?? u.Id, ct);
        var devices = await db.Devices.AsNoTracking().ToDictionaryAsync(d => $"device:{d.Id:N}", d => d.Name, ct);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action.StartsWith(filter.Action));
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            // The list shows names: the filter takes a name (or the stored id) and looks for every id that bears it.
            var name = filter.Actor.Trim();
            var ids = users.Concat(devices).Where(p => string.Equals(p.Value, name, StringComparison.OrdinalIgnoreCase)).Select(p => p.Key)
                .Append(name).ToList();
            query = query.Where(e => ids.Contains(e.Actor));
        }

        if (filter.From is { } from)
        {
            var start = AlmatyClock.StartOfDayUtc(from);
            query = query.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = AlmatyClock.StartOfDayUtc(to.AddDays(1));
            query = query.Where(e => e.At < end);
        }

        var take = Math.Clamp(filter.Take, 1, 1000);
        List<Domain.Audit.AuditEntry> entries;
        if (filter.AfterId is { } after && filter.BeforeId is null)
        {
            // "Newer": the page just above the one shown, still listed newest first.
            entries = await query.Where(e => e.Id > after).OrderBy(e => e.Id).Take(take).ToListAsync(ct);
            entries.Reverse();
        }
        else
        {
            if (filter.BeforeId is { } before)
            {
                query = query.Where(e => e.Id < before);
            }

            entries = await query.OrderByDescending(e => e.Id).Take(take).ToListAsync(ct);
        }

        return entries.Select(e => new AuditEntryDto(e.Id, Tickets.TicketView.Utc(e.At),
            users.GetValueOrDefault(e.Actor) ?? devices.GetValueOrDefault(e.Actor) ?? e.Actor, e.Action, e.Subject, e.Detail, e.Hash)).ToList();
    }

    /// <summary>The actions the log holds, for the page's filter to offer only what it can find.</summary>
    public async Task<IReadOnlyList<string>> ActionsPresentAsync(CancellationToken ct) =>
        await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
}
