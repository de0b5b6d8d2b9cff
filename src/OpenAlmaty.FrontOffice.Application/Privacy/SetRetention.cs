using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Privacy;

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
