using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;

namespace OpenAlmaty.FrontOffice.Server.Security;

/// <summary>
/// A booking code (8 of 31 symbols) is the only key to a booking for someone not signed in, so it
/// must not be guessable by trying: look-ups by code, on the API and the <c>/b/{code}</c> page alike,
/// are limited per client address (<see cref="FrontOfficeOptions.CodeLookupsPerMinute"/>). Staff and
/// enrolled devices are not limited: they are already known, and a kiosk checks in all day.
/// </summary>
public static class BookingCodeLookups
{
    private static readonly PathString Bookings = "/api/receptions/bookings";
    private static readonly PathString StatusPage = "/b";

    public static readonly PartitionedRateLimiter<HttpContext> Limiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        IsAnonymousLookup(http)
            ? RateLimitPartition.GetFixedWindowLimiter("code:" + http.Connection.RemoteIpAddress, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = http.RequestServices.GetRequiredService<IOptions<FrontOfficeOptions>>().Value.CodeLookupsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("other"));

    private static bool IsAnonymousLookup(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            return false;
        }

        var path = http.Request.Path;
        // "/api/receptions/bookings" itself (a kiosk's POST) is no look-up; anything below it names a code.
        return (path.StartsWithSegments(Bookings, out var rest) && rest.HasValue && rest != "/")
            || (path.StartsWithSegments(StatusPage, out var code) && code.HasValue && code != "/");
    }
}
