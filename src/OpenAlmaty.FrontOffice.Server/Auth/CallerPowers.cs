using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Auth;

/// <summary>
/// Whether the principal a request, a hub connection or a page carries still may act: the one
/// question the cookie check, the hub's <see cref="Realtime.HubPowers"/> and the circuits'
/// <see cref="Circuits.CircuitAccess"/> all ask, answered by <see cref="CheckCaller"/>.
/// </summary>
public sealed class CallerPowers(IOptions<IdentityOptions> identity)
{
    /// <summary>
    /// How often open pages and hub connections that do nothing are asked again. With
    /// <see cref="CallerStandings.Freshness"/> this bounds how long a taken power lasts anywhere.
    /// </summary>
    public static readonly TimeSpan Watch = TimeSpan.FromSeconds(2);

    /// <param name="scope">The caller's DI scope: the read runs on its DbContext.</param>
    /// <returns>Null while <paramref name="user"/> may act; else the problem type of the refusal.</returns>
    public async Task<string?> RefusalAsync(ClaimsPrincipal user, IServiceProvider scope, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return ProblemTypes.Unauthorized;
        }

        var check = scope.GetRequiredService<CheckCaller>();
        var actor = Policies.ActorOf(user);
        return actor.DeviceId is { } deviceId
            ? await check.DeviceAsync(deviceId, ct)
            : await check.StaffAsync(actor.UserId!, user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType), ct);
    }
}
