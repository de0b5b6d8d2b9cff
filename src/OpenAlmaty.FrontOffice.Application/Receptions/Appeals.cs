using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>Written appeals from personal receptions and their legal deadlines on the working-day calendar.</summary>
public sealed class Appeals(FrontOfficeDb db, HallCalendar calendar, TimeProvider clock, Audit.AuditTrail audit)
{
    private DateOnly Today => AlmatyClock.ServiceDay(clock.GetUtcNow().UtcDateTime);

    public async Task<AppealDto> RegisterAsync(RegisterAppealRequest r, CancellationToken ct)
    {
        return await Transactions.RunAsync(db, async ct =>
        {
            var ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == r.TicketId, ct)
                ?? throw ProblemException.NotFound(ProblemTypes.UnknownTicket);
            if (ticket.Tier != TicketTier.Reception && !await db.Services.AnyAsync(s => s.Id == ticket.ServiceId && s.Code == CheckIn.ReceptionServiceCode, ct))
            {
                throw ProblemException.Invalid(ProblemTypes.ValidationFailed, "Appeals are registered from personal-reception visits.");
            }

            var appeal = Appeal.Register(Guid.CreateVersion7(), ticket.Id, r.RegistrationNumber, r.Subject, Today, calendar.Current);
            // Inside the write: two registrations of one number cannot both pass the check.
            if (await db.Appeals.AnyAsync(a => a.RegistrationNumber == appeal.RegistrationNumber, ct))
            {
                throw ProblemException.Conflict(ProblemTypes.DuplicateRegistrationNumber,
                    $"Registration number {appeal.RegistrationNumber} is on another appeal already.");
            }

            db.Appeals.Add(appeal);
            await audit.RecordAsync("appeal.register", $"appeal {appeal.Id:N}", $"{appeal.RegistrationNumber} · {ticket.DisplayNumber}", ct);
            return Dto(appeal, ticket.DisplayNumber);
        }, ct);
    }

    public async Task<AppealDto> ExtendAsync(Guid id, ExtendAppealRequest r, CancellationToken ct)
    {
        return await Transactions.RunAsync(db, async ct =>
        {
            var reason = r.Reason?.Trim() ?? "";
            if (reason.Length is < 1 or > 200)
            {
                throw ProblemException.Invalid(ProblemTypes.ValidationFailed, "An extension gives its reason, 1 to 200 characters.");
            }

            var appeal = await FindAsync(id, ct);
            appeal.Extend(Today, r.NewDue, calendar.Current);
            await audit.RecordAsync("appeal.extend", $"appeal {appeal.Id:N}", $"{appeal.RegistrationNumber} → {appeal.DueOn:yyyy-MM-dd}: {reason}", ct);
            return Dto(appeal, await NumberAsync(appeal, ct));
        }, ct);
    }

    public async Task<AppealDto> CloseAsync(Guid id, CancellationToken ct)
    {
        return await Transactions.RunAsync(db, async ct =>
        {
            var appeal = await FindAsync(id, ct);
            appeal.Close(Today);
            await audit.RecordAsync("appeal.close", $"appeal {appeal.Id:N}", appeal.RegistrationNumber, ct);
            return Dto(appeal, await NumberAsync(appeal, ct));
        }, ct);
    }

    /// <summary>Open appeals, the most urgent first; <paramref name="attentionOnly"/> keeps the near-due and overdue ones.</summary>
    public async Task<IReadOnlyList<AppealDto>> ListAsync(bool attentionOnly, CancellationToken ct)
    {
        var open = await db.Appeals.AsNoTracking().Where(a => a.ClosedOn == null).OrderBy(a => a.DueOn).Take(1000)
            .Join(db.Tickets, a => a.TicketId, t => t.Id, (a, t) => new { Appeal = a, t.Prefix, t.Number }).ToListAsync(ct);
        return open.Select(x => Dto(x.Appeal, TicketNumber.Format(x.Prefix, x.Number)))
            .Where(a => !attentionOnly || a.Standing != "on-time").ToList();
    }

    private async Task<Appeal> FindAsync(Guid id, CancellationToken ct) =>
        await db.Appeals.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw ProblemException.NotFound(ProblemTypes.NotFound, "There is no such appeal.");

    private async Task<string> NumberAsync(Appeal appeal, CancellationToken ct)
    {
        var t = await db.Tickets.Where(t => t.Id == appeal.TicketId).Select(t => new { t.Prefix, t.Number }).SingleAsync(ct);
        return TicketNumber.Format(t.Prefix, t.Number);
    }

    private AppealDto Dto(Appeal a, string ticketNumber) => new(a.Id, ticketNumber, a.RegistrationNumber, a.Subject, a.RegisteredOn, a.DueOn,
        a.ExtendedOn, a.TellResidentBy, a.ClosedOn,
        a.ClosedOn is not null ? "closed" : a.StandingOn(Today, calendar.Current) switch
        {
            AppealStanding.Overdue => "overdue",
            AppealStanding.NearDue => "near-due",
            _ => "on-time",
        });
}
