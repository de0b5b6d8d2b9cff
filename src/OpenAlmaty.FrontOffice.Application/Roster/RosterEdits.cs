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
public sealed class RosterEdit(FrontOfficeDb db, TimeProvider clock, AuditTrail audit)
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

public sealed class CreateDesk(RosterEdit edit)
{
    public Task<int> HandleAsync(CreateDeskRequest request, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var number = RosterEdit.DeskNumber(request.Number);
        if (await edit.Db.Desks.AnyAsync(d => d.Number == number && d.RetiredAt == null, ct))
        {
            throw ProblemException.Conflict(ProblemTypes.DuplicateCode, $"Desk {number} exists already.");
        }

        var desk = new Desk { Number = number, IsOpen = false };
        desk.Services.AddRange(await edit.DeskServicesAsync(request.ServiceIds, ct));
        edit.Db.Desks.Add(desk);
        await edit.Db.SaveChangesAsync(ct);
        await edit.AuditAsync("desk.create", $"desk {desk.Id}", $"{number}: services {string.Join(",", request.ServiceIds)}", ct);
        return desk.Id;
    }, ct);
}

public sealed class UpdateDesk(RosterEdit edit)
{
    public Task<int> HandleAsync(int deskId, UpdateDeskRequest request, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var desk = await edit.Db.Desks.Include(d => d.Services).SingleOrDefaultAsync(d => d.Id == deskId && d.RetiredAt == null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownDesk, $"There is no desk {deskId}.");
        var number = RosterEdit.DeskNumber(request.Number);
        if (await edit.Db.Desks.AnyAsync(d => d.Number == number && d.RetiredAt == null && d.Id != deskId, ct))
        {
            throw ProblemException.Conflict(ProblemTypes.DuplicateCode, $"Desk {number} exists already.");
        }

        var services = await edit.DeskServicesAsync(request.ServiceIds, ct);
        desk.Number = number;
        desk.Services.Clear();
        desk.Services.AddRange(services);
        await edit.AuditAsync("desk.update", $"desk {desk.Id}", $"{number}: services {string.Join(",", request.ServiceIds)}", ct);
        return desk.Id;
    }, ct);
}

public sealed class RetireDesk(RosterEdit edit)
{
    public Task<int> HandleAsync(int deskId, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var desk = await edit.Db.Desks.SingleOrDefaultAsync(d => d.Id == deskId && d.RetiredAt == null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownDesk, $"There is no desk {deskId}.");
        if (await edit.Db.Tickets.AnyAsync(t => t.DeskId == deskId && (t.State == TicketState.Called || t.State == TicketState.Serving), ct))
        {
            throw ProblemException.Conflict(ProblemTypes.DeskBusy, "The desk is serving a visitor.");
        }

        desk.RetiredAt = edit.Now;
        desk.IsOpen = false;
        await edit.AuditAsync("desk.retire", $"desk {desk.Id}", desk.Number, ct);
        return desk.Id;
    }, ct);
}

public sealed class CreateAgency(RosterEdit edit)
{
    public Task<int> HandleAsync(CreateAgencyRequest request, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var code = RosterEdit.Code(request.Code);
        if (await edit.Db.Agencies.AnyAsync(a => a.Code == code, ct))
        {
            throw ProblemException.Conflict(ProblemTypes.DuplicateCode, $"Agency {code} exists already.");
        }

        var agency = new Agency
        {
            Code = code,
            Kind = GetRoster.Map(request.Kind),
            NameKk = RosterEdit.Name(request.NameKk, "nameKk"),
            NameRu = RosterEdit.Name(request.NameRu, "nameRu"),
            NameEn = RosterEdit.Name(request.NameEn, "nameEn"),
            Topics = string.Join(',', request.Topics ?? []),
            SortOrder = await edit.Db.Agencies.MaxAsync(a => (int?)a.SortOrder, ct) + 1 ?? 0,
        };
        agency.Services.Add(await CreateService.BuildAsync(edit, request.Service, ct));
        edit.Db.Agencies.Add(agency);
        await edit.Db.SaveChangesAsync(ct);
        await edit.AuditAsync("agency.create", $"agency {agency.Id}", $"{agency.Code}: {agency.NameKk} / {agency.NameRu}", ct);
        return agency.Id;
    }, ct);
}

public sealed class CreateService(RosterEdit edit)
{
    public Task<int> HandleAsync(int agencyId, CreateServiceRequest request, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var agency = await edit.Db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId && a.RetiredAt == null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownAgency, $"There is no agency {agencyId}.");
        var service = await BuildAsync(edit, request, ct);
        service.AgencyId = agency.Id;
        edit.Db.Services.Add(service);
        await edit.Db.SaveChangesAsync(ct);
        await edit.AuditAsync("service.create", $"service {service.Id}", $"{service.Prefix} · {service.NameKk} / {service.NameRu}", ct);
        return service.Id;
    }, ct);

    internal static async Task<Service> BuildAsync(RosterEdit edit, CreateServiceRequest request, CancellationToken ct)
    {
        var code = RosterEdit.Code(request.Code);
        if (await edit.Db.Services.AnyAsync(s => s.Code == code, ct))
        {
            throw ProblemException.Conflict(ProblemTypes.DuplicateCode, $"Service {code} exists already.");
        }

        RosterEdit.Rules(request.Hours, request.PriorityRatio, request.RecallLimit, request.RejoinWindowMinutes, request.DefaultServiceMinutes,
            request.WalkInDailyCap, request.TargetWaitMinutes);
        return new Service
        {
            Code = code,
            Prefix = await edit.UniquePrefixAsync(request.TicketPrefix, null, ct),
            NameKk = RosterEdit.Name(request.NameKk, "nameKk"),
            NameRu = RosterEdit.Name(request.NameRu, "nameRu"),
            NameEn = RosterEdit.Name(request.NameEn, "nameEn"),
            Hours = request.Hours.Trim(),
            PriorityRatio = request.PriorityRatio,
            RecallLimit = request.RecallLimit,
            RejoinWindowMinutes = request.RejoinWindowMinutes,
            DefaultServiceMinutes = request.DefaultServiceMinutes,
            WalkInDailyCap = request.WalkInDailyCap,
            TargetWaitMinutes = request.TargetWaitMinutes,
        };
    }
}

public sealed class UpdateService(RosterEdit edit)
{
    public Task<int> HandleAsync(int serviceId, UpdateServiceRequest request, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var service = await edit.Db.Services.SingleOrDefaultAsync(s => s.Id == serviceId && s.RetiredAt == null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownService, $"There is no service {serviceId}.");
        RosterEdit.Rules(request.Hours, request.PriorityRatio, request.RecallLimit, request.RejoinWindowMinutes, request.DefaultServiceMinutes,
            request.WalkInDailyCap, request.TargetWaitMinutes);
        service.Prefix = await edit.UniquePrefixAsync(request.TicketPrefix, serviceId, ct);
        service.NameKk = RosterEdit.Name(request.NameKk, "nameKk");
        service.NameRu = RosterEdit.Name(request.NameRu, "nameRu");
        service.NameEn = RosterEdit.Name(request.NameEn, "nameEn");
        service.Hours = request.Hours.Trim();
        service.PriorityRatio = request.PriorityRatio;
        service.RecallLimit = request.RecallLimit;
        service.RejoinWindowMinutes = request.RejoinWindowMinutes;
        service.DefaultServiceMinutes = request.DefaultServiceMinutes;
        service.WalkInDailyCap = request.WalkInDailyCap;
        service.TargetWaitMinutes = request.TargetWaitMinutes;
        await edit.AuditAsync("service.update", $"service {service.Id}", $"{service.Prefix} · {service.NameKk} / {service.NameRu} · {service.Hours}", ct);
        return service.Id;
    }, ct);
}

/// <summary>Retires an agency and its services: no new tickets, history kept.</summary>
public sealed class RetireAgency(RosterEdit edit)
{
    public Task<int> HandleAsync(int agencyId, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var agency = await edit.Db.Agencies.Include(a => a.Services).SingleOrDefaultAsync(a => a.Id == agencyId && a.RetiredAt == null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownAgency, $"There is no agency {agencyId}.");
        var serviceIds = agency.Services.Select(s => s.Id).ToList();
        var open = await edit.OpenTicketsAsync(serviceIds, ct);
        if (open > 0)
        {
            throw ProblemException.Conflict(ProblemTypes.AgencyHasWaitingTickets,
                $"{open} visitors still wait for this agency; serve or transfer them first.");
        }

        agency.RetiredAt = edit.Now;
        foreach (var service in agency.Services)
        {
            service.RetiredAt ??= edit.Now;
        }

        // A desk left with no active service would call nobody: take those services off it.
        var links = await edit.Db.DeskServices.Where(l => serviceIds.Contains(l.ServiceId)).ToListAsync(ct);
        edit.Db.DeskServices.RemoveRange(links);
        await edit.AuditAsync("agency.retire", $"agency {agency.Id}", $"{agency.Code}: {agency.NameRu}", ct);
        return agency.Id;
    }, ct);
}

public sealed class UpdateAgency(RosterEdit edit)
{
    public Task<int> HandleAsync(int agencyId, UpdateAgencyRequest request, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var agency = await edit.Db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId && a.RetiredAt == null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownAgency, $"There is no agency {agencyId}.");
        agency.NameKk = RosterEdit.Name(request.NameKk, "nameKk");
        agency.NameRu = RosterEdit.Name(request.NameRu, "nameRu");
        agency.NameEn = RosterEdit.Name(request.NameEn, "nameEn");
        agency.Topics = string.Join(',', request.Topics ?? agency.Topics.Split(',', StringSplitOptions.RemoveEmptyEntries));
        await edit.AuditAsync("agency.update", $"agency {agency.Id}", $"{agency.NameKk} / {agency.NameRu}", ct);
        return agency.Id;
    }, ct);
}

/// <summary>
/// Retires one service: no new tickets, history kept. Refused while visitors wait for it, and
/// when a desk would be left with nothing to call.
/// </summary>
public sealed class RetireService(RosterEdit edit)
{
    public Task<int> HandleAsync(int serviceId, CancellationToken ct) => edit.RunAsync(async ct =>
    {
        var service = await edit.Db.Services.SingleOrDefaultAsync(s => s.Id == serviceId && s.RetiredAt == null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownService, $"There is no service {serviceId}.");
        var open = await edit.OpenTicketsAsync([serviceId], ct);
        if (open > 0)
        {
            throw ProblemException.Conflict(ProblemTypes.AgencyHasWaitingTickets, $"{open} visitors still wait for this service; serve or transfer them first.");
        }

        var links = await edit.Db.DeskServices.Where(l => l.ServiceId == serviceId).ToListAsync(ct);
        var deskIds = links.Select(l => l.DeskId).ToList();
        var stranded = await edit.Db.Desks.Where(d => deskIds.Contains(d.Id) && d.RetiredAt == null
                && !edit.Db.DeskServices.Any(l => l.DeskId == d.Id && l.ServiceId != serviceId))
            .Select(d => d.Number).ToListAsync(ct);
        if (stranded.Count > 0)
        {
            throw ProblemException.Conflict(ProblemTypes.DeskWithoutService,
                $"Desk {string.Join(", ", stranded)} would have no service left; give it another service or retire it first.");
        }

        service.RetiredAt = edit.Now;
        edit.Db.DeskServices.RemoveRange(links);
        await edit.AuditAsync("service.retire", $"service {service.Id}", $"{service.Prefix} · {service.NameRu}", ct);
        return service.Id;
    }, ct);
}
