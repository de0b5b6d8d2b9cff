using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server;
using OpenAlmaty.FrontOffice.Server.Components;
using OpenAlmaty.FrontOffice.Server.Components.Staff;
using OpenAlmaty.FrontOffice.Server.Features.Kiosk;
using OpenAlmaty.FrontOffice.Server.Features.Admin;
using OpenAlmaty.FrontOffice.Server.Features.Auth;
using OpenAlmaty.FrontOffice.Server.Features.Desks;
using OpenAlmaty.FrontOffice.Server.Features.Events;
using OpenAlmaty.FrontOffice.Server.Features.Displays;
using OpenAlmaty.FrontOffice.Server.Features.Receptions;
using OpenAlmaty.FrontOffice.Server.Features.Roster;
using OpenAlmaty.FrontOffice.Server.Features.Tickets;
using OpenAlmaty.FrontOffice.Server.Health;
using OpenAlmaty.FrontOffice.Server.Problems;
using OpenAlmaty.FrontOffice.Server.Realtime;
using OpenAlmaty.FrontOffice.Server.Security;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
if (HostChecks.RefusesToRunAsRoot(builder.Configuration) is { } refusal)
{
    Console.Error.WriteLine(refusal);
    return 2;
}

if (HostChecks.RefusesUnwritableDataDirectory(builder.Configuration) is { } unwritable)
{
    Console.Error.WriteLine(unwritable);
    return 3;
}

if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

// Serves the kiosk's files (fonts, styles, blazor.web.js) from the build output as well as from a publish.
builder.WebHost.UseStaticWebAssets();
builder.AddFrontOffice();

var app = builder.Build();
try
{
    await app.InitializeFrontOfficeAsync();
}
catch (Exception e) when (HostChecks.DatabaseRefused(app, e) is { } refused)
{
    Console.Error.WriteLine(refused);
    return 3;
}

if (args is [ConsoleCommands.ResetPassword, ..])
{
    return await ConsoleCommands.ResetPasswordAsync(app, args);
}

app.UseSecurityHeaders();
app.UseApiReferenceScripts();
app.UseFrontOfficeErrors();
app.UseCrossSiteRequestChecks();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseCurrentActor();
app.UseAntiforgery();

app.MapHealthChecks(FrontOfficeRoutes.Health, HealthAnswer.Options);
app.MapOpenApi(FrontOfficeRoutes.OpenApi);
app.MapScalarApiReference("/api/reference", o => o.WithOpenApiRoutePattern(FrontOfficeRoutes.OpenApi).DisableDefaultFonts());
// Every API body's required fields are checked against the contract before its handler runs.
var api = app.MapGroup("").AddEndpointFilterFactory(RequiredFields.Check);
api.MapAuthApi();
api.MapRosterApi();
api.MapTicketsApi();
api.MapDesksApi();
api.MapAdminApi();
api.MapReceptionsApi();
api.MapEventsApi();
app.MapHub<FrontOfficeHub>(FrontOfficeRoutes.Hub);
app.MapDeviceEnrolment();
app.MapStaffEndpoints();
app.MapPhrases();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode()
    .AddAdditionalAssemblies(typeof(OpenAlmaty.FrontOffice.Kiosk.IKioskBackend).Assembly, typeof(OpenAlmaty.FrontOffice.Displays.IDisplaySource).Assembly);

await app.RunAsync();
return 0;
