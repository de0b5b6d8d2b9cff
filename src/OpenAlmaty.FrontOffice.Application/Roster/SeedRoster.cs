using OpenAlmaty.FrontOffice.Application.Common;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Domain.Roster;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Roster;

/// <summary>
/// Loads the default roster on first start. Afterwards the roster belongs to the administrators:
/// a newer file never overwrites their edits.
/// </summary>
public sealed class SeedRoster(FrontOfficeDb db, TimeProvider clock)
{
    public async Task<bool> HandleAsync(CancellationToken ct)
    {
        if (await db.RosterVersions.AnyAsync(ct) || await db.Agencies.AnyAsync(ct))
        {
            return false;
        }

        var file = RosterFile.LoadDefault();
        return await Transactions.RunAsync(db, async ct =>
        {
            var order = 0;
            foreach (var entry in file.Agencies)
            {
                var agency = new Agency
                {
                    Code = entry.Code,
                    Kind = Enum.Parse<AgencyKind>(entry.Kind, ignoreCase: true),
                    NameKk = entry.Names.Kk,
                    NameRu = entry.Names.Ru,
                    NameEn = entry.Names.En,
                    Topics = string.Join(',', entry.Topics),
                    SortOrder = order++,
                };
                foreach (var s in entry.Services)
                {
                    WeeklyHours.Parse(s.Hours);
                    agency.Services.Add(new Service
                    {
                        Code = s.Code,
                        Prefix = TicketPrefix.Validate(s.Prefix),
                        NameKk = s.Names.Kk,
                        NameRu = s.Names.Ru,
                        NameEn = s.Names.En,
                        Hours = s.Hours,
                    });
                }

                db.Agencies.Add(agency);
            }

            await db.SaveChangesAsync(ct);
            var services = await db.Services.ToDictionaryAsync(s => s.Code, s => s.Id, ct);
            foreach (var entry in file.Desks)
            {
                var desk = new Desk { Number = entry.Number, IsOpen = true };
                desk.Services.AddRange(entry.Services.Select(code => new DeskService { ServiceId = services[code] }));
                db.Desks.Add(desk);
            }

            db.RosterVersions.Add(new RosterVersion { Version = file.Version, LoadedAt = clock.GetUtcNow().UtcDateTime });
            return true;
        }, ct);
    }
}
