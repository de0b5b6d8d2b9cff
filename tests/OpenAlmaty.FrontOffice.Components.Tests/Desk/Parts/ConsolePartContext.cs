using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Server.Components.Staff;

namespace OpenAlmaty.FrontOffice.Components.Tests.Desk.Parts;

/// <summary>
/// A part of the officer console on its own: only the staff language, from the cookie a staff member
/// sets (Russian without one, as for a first visit).
/// </summary>
public abstract class ConsolePartContext : BunitContext
{
    protected ConsolePartContext(string? language = null)
    {
        var http = new DefaultHttpContext();
        if (language is not null)
        {
            http.Request.Headers.Cookie = $"{StaffLanguage.CookieName}={language}";
        }

        Services.AddSingleton<IHttpContextAccessor>(new HttpContextAccessor { HttpContext = http });
        Services.AddScoped<StaffLanguage>();
    }
}
