using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Audit;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Audit;

/// <summary>Recomputes the whole chain and compares its head with the one kept outside the database.</summary>
public sealed class VerifyAudit(FrontOfficeDb db, AuditHead head)
{
    public async Task<AuditVerificationDto> HandleAsync(CancellationToken ct)
    {
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        var broken = AuditChain.Verify(entries);
        if (broken is null && head.Read() is { } known)
        {
            var at = entries.FirstOrDefault(e => e.Id == known.Id);
            if (at is null)
            {
                broken = new AuditBreak(known.Id, $"entries after {entries.LastOrDefault()?.Id ?? 0} up to {known.Id} were deleted");
            }
            else if (at.Hash != known.Hash)
            {
                broken = new AuditBreak(known.Id, $"entry {known.Id} differs from the one written");
            }
        }

        return new AuditVerificationDto(broken is null, entries.Count, broken?.AtEntry, broken?.Reason);
    }
}
