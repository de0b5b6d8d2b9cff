using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>A hall set up through the public API: an admin, a kiosk, a display and the roster.</summary>
public sealed class Scenario
{
    public required FrontOfficeApp App { get; init; }
    public required Caller Admin { get; init; }
    public required Caller Kiosk { get; init; }
    public required Caller Display { get; init; }
    public required RosterDto Roster { get; init; }

    public static async Task<Scenario> StartAsync(FrontOfficeApp app)
    {
        var admin = await app.AdminAsync();
        return new Scenario
        {
            App = app,
            Admin = admin,
            Kiosk = await app.EnrolAsync(admin, DeviceKindDto.Kiosk, "Kiosk 1"),
            Display = await app.EnrolAsync(admin, DeviceKindDto.Display, "Main hall"),
            Roster = await app.RosterAsync(admin),
        };
    }

    public ServiceDto Service(string code) => Roster.Agencies.SelectMany(a => a.Services).Single(s => s.Code == code);

    public DeskDto DeskOf(string serviceCode) => Roster.Desks.First(d => d.ServiceIds.Contains(Service(serviceCode).Id));
}
