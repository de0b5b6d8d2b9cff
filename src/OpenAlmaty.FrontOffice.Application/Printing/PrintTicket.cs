using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Devices;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;
using OpenAlmaty.FrontOffice.Printing;
using OpenAlmaty.FrontOffice.Printing.EscPos;

namespace OpenAlmaty.FrontOffice.Application.Printing;

/// <summary>
/// Prints a ticket on the printer of the kiosk that issued it, after the ticket is committed:
/// the ticket is valid whatever the printer does. The outcome is stored; a fault is shown to
/// staff (and announced on the hub) and nothing is printed again unless someone asks.
/// </summary>
public sealed class PrintTicket(FrontOfficeDb db, PrinterConnections printers, TimeProvider clock,
    IOptions<FrontOfficeOptions> options)
{
    public const string NoPrinter = "none";
    public const string Printed = "printed";

    // Asked for every ticket a kiosk issues: compiled once.
    private static readonly Func<FrontOfficeDb, Guid, CancellationToken, Task<bool>> HasPrinter =
        EF.CompileAsyncQuery((FrontOfficeDb db, Guid deviceId, CancellationToken ct) =>
            db.Devices.Any(d => d.Id == deviceId && d.PrinterAddress != null));

    public async Task<PrintResultDto> HandleAsync(Guid ticketId, bool reprint, string? requestedBy, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownTicket, "There is no such ticket.");
        return await PrintAsync(ticket, reprint, requestedBy, ct);
    }

    /// <summary>Prints a ticket just issued (already in hand); a kiosk without a printer costs one read.</summary>
    public async Task<PrintResultDto> IssuedAsync(Ticket ticket, CancellationToken ct)
    {
        if (ticket.IssuedByDeviceId is not { } id
            || !await HasPrinter(db, id, ct))
        {
            return new PrintResultDto(NoPrinter, null, null);
        }

        return await PrintAsync(ticket, reprint: false, requestedBy: null, ct);
    }

    private async Task<PrintResultDto> PrintAsync(Ticket ticket, bool reprint, string? requestedBy, CancellationToken ct)
    {
        var device = ticket.IssuedByDeviceId is { } id ? await db.Devices.SingleOrDefaultAsync(d => d.Id == id, ct) : null;
        if (device?.PrinterAddress is null || PrinterProfile.Find(device.PrinterProfile ?? "") is not { } profile)
        {
            if (reprint)
            {
                throw ProblemException.Conflict(ProblemTypes.NoPrinter, "The kiosk that issued this ticket has no printer.");
            }

            return new PrintResultDto(NoPrinter, null, null);
        }

        var content = await ContentAsync(ticket, reprint, ct);
        var (job, mode) = TicketLayout.Render(content, profile);
        var outcome = await printers.PrintAsync(device, job, ct);
        return await RecordAsync(device, ticket.Id, mode, outcome, reprint, requestedBy, ct);
    }

    /// <summary>The last outcome of a ticket's printing, for an idempotent replay of the issue.</summary>
    public async Task<PrintResultDto> LastAsync(Guid ticketId, CancellationToken ct)
    {
        var job = await db.PrintJobs.AsNoTracking().Where(j => j.TicketId == ticketId).OrderByDescending(j => j.Id).FirstOrDefaultAsync(ct);
        return job is null ? new PrintResultDto(NoPrinter, null, null) : new PrintResultDto(job.Fault ?? Printed, job.Mode, job.Detail);
    }

    internal async Task<PrintResultDto> RecordAsync(Device device, Guid? ticketId, TicketPrintMode mode, PrintOutcome outcome,
        bool reprint, string? requestedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var fault = outcome.Printed ? null : outcome.Fault.Code();
        // The job's record and the printer's state go through the one write path, like every write.
        await Transactions.RunAsync(db, ct =>
        {
            if (ticketId is { } tid)
            {
                db.PrintJobs.Add(new PrintJob
                {
                    TicketId = tid,
                    DeviceId = device.Id,
                    Mode = mode.ToString(),
                    Printed = outcome.Printed,
                    Fault = fault,
                    Detail = outcome.Detail,
                    IsReprint = reprint,
                    RequestedBy = requestedBy,
                    CreatedAt = now,
                });
            }

            RecordPrinterStatus.Note(db, device, fault, now);
            return Task.FromResult(true);
        }, ct);

        return new PrintResultDto(fault ?? Printed, mode.ToString().ToLowerInvariant(), outcome.Detail);
    }

    /// <summary>The ticket as a PDF (A6 or an 80 mm roll), e.g. to print on an office printer when the kiosk's is out of paper.</summary>
    public async Task<byte[]> PdfAsync(Guid ticketId, TicketPaper paper, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownTicket, "There is no such ticket.");
        return TicketPdf.Render(await ContentAsync(ticket, reprint: false, ct), paper);
    }

    /// <summary>A reprint's mark: bilingual as the ticket, with English for an English visitor.</summary>
    public static string CopyMark(string language) => IsEnglish(language) ? "КӨШІРМЕ / КОПИЯ / COPY" : "КӨШІРМЕ / КОПИЯ";

    // The ticket keeps the visitor's language as its code, as Words.In reads it ("kk", "ru", "en").
    private static bool IsEnglish(string language) => string.Equals(language, "en", StringComparison.Ordinal);

    /// <summary>
    /// What the paper says. A first print says what the kiosk promised; a reprint is a copy, marked so,
    /// and says where the visitor stands now (people ahead and the wait as of the reprint).
    /// </summary>
    private async Task<TicketContent> ContentAsync(Ticket ticket, bool reprint, CancellationToken ct)
    {
        var agency = await db.Services.AsNoTracking().Where(s => s.Id == ticket.ServiceId)
            .Select(s => new { s.Agency!.NameKk, s.Agency.NameRu, s.Agency.NameEn }).SingleAsync(ct);
        var (ahead, wait) = (ticket.PeopleAheadAtIssue, TicketView.Promised(ticket));
        if (reprint)
        {
            var now = await TicketView.ToDtoAsync(db, ticket, clock.GetUtcNow().UtcDateTime, ct);
            (ahead, wait) = (now.PeopleAhead, now.EstimatedWait);
        }

        return new TicketContent(ticket.DisplayNumber, agency.NameKk, agency.NameRu, AlmatyClock.ToLocal(ticket.IssuedAt),
            ahead, wait.FromMinutes, wait.ToMinutes,
            $"{options.Value.PublicBaseUrl.TrimEnd('/')}/t/{ticket.PublicId}", ticket.IsTraining,
            ticket.AppointmentAt is { } slot ? AlmatyClock.ToLocal(slot) : null,
            wait.Basis == WaitBases.NoDeskOpen,
            reprint ? CopyMark(ticket.Language) : null,
            IsEnglish(ticket.Language) ? agency.NameEn : null);
    }
}
