using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Audit;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Roster;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Roster;

/// <summary>
/// The checks every roster edit shares, and the commit that tells kiosks and displays.
/// A refused edit changes nothing.
/// </summary>
public sealed class RosterEdit(FrontOfficeDb db, TimeProvider clock, AuditTrail audit, RosterCache cache)
{
    public FrontOfficeDb Db => db;

    /// <summary>Every roster change is audited, in the same transaction as the change.</summary>
    public Task AuditAsync(string action, object subject, string? detail, CancellationToken ct) =>
        audit.RecordAsync("roster." + action, subject.ToString() ?? "", detail, ct);

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> edit, CancellationToken ct)
    {
        var result = await Transactions.RunAsync(db, async ct =>
        {
            var value = await edit(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            Outbox.Add(db, new RosterChangedEvent(0), now);
            db.AfterCommit(cache.Forget);
            return value;
        }, ct);
        return result;
    }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string Name(string? value, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 200)
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed, $"{field} must be 1 to 200 characters.");
        }

        return trimmed;
    }

    public static string Code(string? value)
    {
        var code = value?.Trim() ?? "";
        if (code.Length is < 1 or > 64 || !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed, "A code is 1 to 64 lower-case Latin letters, digits or hyphens.");
        }

        return code;
    }

    public static void Rules(string hours, int priorityRatio, int recallLimit, int rejoinWindowMinutes, int defaultServiceMinutes,
        int? walkInDailyCap, int targetWaitMinutes)
    {
        WeeklyHours.Parse(hours);
        if (priorityRatio is < 0 or > 20 || recallLimit is < 0 or > 10 || rejoinWindowMinutes is < 0 or > 240
            || defaultServiceMinutes is < 1 or > 240 || walkInDailyCap is < 1 or > 5000 || targetWaitMinutes is < 1 or > 480)
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed,
                "Priority ratio 0–20, recall limit 0–10, rejoin window 0–240 minutes, default service time 1–240 minutes, "
                + "walk-in cap 1–5000 a day or none, target wait 1–480 minutes.");
        }
    }

    /// <summary>Two active services never share a prefix: their numbers would collide on the same day.</summary>
    public async Task<string> UniquePrefixAsync(string prefix, int? exceptServiceId, CancellationToken ct)
    {
        TicketPrefix.Validate(prefix);
        if (await db.Services.AnyAsync(s => s.Prefix == prefix && s.RetiredAt == null && s.Id != exceptServiceId, ct))
        {
            throw ProblemException.Conflict(ProblemTypes.DuplicatePrefix, $"Another service already uses prefix {prefix}.");
        }

        return prefix;
    }

    public async Task<List<DeskService>> DeskServicesAsync(IReadOnlyList<int>? serviceIds, CancellationToken ct)
    {
        var ids = serviceIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0)
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed, "A desk serves at least one service.");
        }

        var known = await db.Services.Where(s => ids.Contains(s.Id) && s.RetiredAt == null).Select(s => s.Id).ToListAsync(ct);
        if (known.Count != ids.Count)
        {
            throw ProblemException.NotFound(ProblemTypes.UnknownService, $"Unknown services: {string.Join(", ", ids.Except(known))}.");
        }

        return ids.Select(id => new DeskService { ServiceId = id }).ToList();
    }

    /// <summary>Visitors still in the services' queues or at a desk: a retirement waits for them.</summary>
    public Task<int> OpenTicketsAsync(IReadOnlyCollection<int> serviceIds, CancellationToken ct) =>
        db.Tickets.CountAsync(t => serviceIds.Contains(t.ServiceId)
            && (t.State == TicketState.Waiting || t.State == TicketState.Called || t.State == TicketState.Serving || t.State == TicketState.Parked), ct);

    public static string DeskNumber(string? number)
    {
        var n = number?.Trim() ?? "";
        if (n.Length is < 1 or > 16)
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed, "A desk number is 1 to 16 characters.");
        }

        return n;
    }
}
