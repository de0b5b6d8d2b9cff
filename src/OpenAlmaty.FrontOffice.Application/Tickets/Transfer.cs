using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Application.Common;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Domain.Tickets;

namespace OpenAlmaty.FrontOffice.Application.Tickets;

/// <summary>Sends the visitor to another service with a note; the original arrival time is kept.</summary>
public sealed class Transfer(TicketChange change, Audit.AuditTrail audit)
{
    public const int MaxNoteLength = 500;

    public Task<TicketDto> HandleAsync(Actor actor, Guid id, string? key, TransferTicketRequest request, CancellationToken ct) =>
        change.RunAsync(actor, id, "transfer", key, request.Version, async c =>
        {
            var target = await c.Db.Services.AsNoTracking().Include(s => s.Agency)
                .SingleOrDefaultAsync(s => s.Id == request.ToServiceId, c.Cancellation);
            if (target is null || target.RetiredAt is not null || target.Agency?.RetiredAt is not null)
            {
                throw ProblemException.NotFound(ProblemTypes.UnknownService, $"There is no service {request.ToServiceId}.");
            }

            var note = request.Note?.Trim();
            if (note?.Length > MaxNoteLength)
            {
                throw ProblemException.Invalid(ProblemTypes.ValidationFailed, $"A transfer note holds at most {MaxNoteLength} characters.");
            }

            string? deskNumber = null;
            if (request.ToDeskId is { } deskId)
            {
                deskNumber = await c.Db.Desks.Where(d => d.Id == deskId && d.RetiredAt == null && d.Services.Any(s => s.ServiceId == target.Id))
                    .Select(d => d.Number).SingleOrDefaultAsync(c.Cancellation)
                    ?? throw ProblemException.NotFound(ProblemTypes.UnknownDesk, $"Desk {deskId} does not serve that service.");
            }

            c.Ticket.TransferTo(target.Id, string.IsNullOrEmpty(note) ? null : note, request.ToDeskId);
            await c.EndCallAsync(CallOutcome.Transferred);
            // The note stays on the ticket: it may say things about the visitor that a log must not keep.
            await audit.RecordAsync("ticket.transfer", c.Ticket.DisplayNumber, $"service {c.Service.Id} → service {target.Id}{(deskNumber is null ? "" : $", desk {deskNumber}")}", c.Cancellation, actor);
            c.Publish(new TicketClosedEvent(0, c.Ticket.DisplayNumber, c.Service.Id, "Transferred", TicketView.Utc(c.Now)));
            await c.QueueChangedAsync(target);
        }, ct);
}
