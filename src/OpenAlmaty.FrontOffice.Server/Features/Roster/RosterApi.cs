using OpenAlmaty.FrontOffice.Application.Roster;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Features.Roster;

public static class RosterApi
{
    public static void MapRosterApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/roster", async (bool? includeRetired, GetRoster query, CancellationToken ct) =>
                TypedResults.Ok(await query.HandleAsync(includeRetired ?? false, ct)))
            .RequireAuthorization(AccessPolicies.Hall).WithTags("Roster");
        app.MapGet("/api/snapshot", async (GetSnapshot query, CancellationToken ct) => TypedResults.Ok(await query.HandleAsync(ct)))
            .RequireAuthorization(AccessPolicies.Hall).WithTags("Realtime");
    }
}
