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
