using System.Net;
using System.Net.Http.Json;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>Retired agencies, services and desks come back through the API, audited, and only when nothing collides.</summary>
public sealed class RosterRestoreTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;

    public async Task InitializeAsync() => _hall = await Scenario.StartAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Uri Path(string path) => new(path, UriKind.Relative);

    private async Task<RosterDto> WithRetiredAsync(HttpClient admin) => (await admin.GetFromJsonAsync<RosterDto>("/api/roster?includeRetired=true"))!;

    [Fact]
    public async Task A_retired_agency_comes_back_with_its_services_and_takes_tickets_again()
    {
        using var admin = _app.Client(_hall.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/admin/agencies", new CreateAgencyRequest("gas-network", AgencyKindDto.Agency,
            "Газ компаниясы", "Газовая компания", "Gas company", null,
            new CreateServiceRequest("gas-leaks", "GL", "Газ", "Газ", "Gas", "Mon-Fri 09:00-18:00")))).OkAsync<CreatedDto>();
        var gas = (await _app.RosterAsync(_hall.Admin)).Agencies.Single(a => a.Id == created.Id).Services.Single();
        await (await admin.DeleteAsync(Path($"/api/admin/agencies/{created.Id}"))).OkAsync<CreatedDto>();
        using var kiosk = _app.Client(_hall.Kiosk);
        await (await kiosk.IssueAsync(gas.Id)).ProblemAsync(HttpStatusCode.NotFound, ProblemTypes.UnknownService);

        await (await admin.PostAsync(Path($"/api/admin/agencies/{created.Id}/restore"), null)).OkAsync<CreatedDto>();

        var agency = (await _app.RosterAsync(_hall.Admin)).Agencies.Single(a => a.Id == created.Id);
        Assert.False(agency.Retired);
        Assert.False(Assert.Single(agency.Services).Retired);
        await kiosk.IssuedAsync(gas.Id);
        var audit = (await admin.GetFromJsonAsync<List<AuditEntryDto>>("/api/admin/audit?action=roster.agency."))!;
        Assert.Equal(["roster.agency.restore", "roster.agency.retire", "roster.agency.create"], audit.Select(e => e.Action).Take(3));
        Assert.Contains("services GL", audit[0].Detail, StringComparison.Ordinal);

        // Restoring what is not retired is refused: there is no retired agency of that id.
        await (await admin.PostAsync(Path($"/api/admin/agencies/{created.Id}/restore"), null)).ProblemAsync(HttpStatusCode.NotFound, ProblemTypes.UnknownAgency);
    }

    [Fact]
    public async Task A_service_comes_back_only_while_its_prefix_is_free_and_its_agency_active()
    {
        using var admin = _app.Client(_hall.Admin);
        var agencyId = (await (await admin.PostAsJsonAsync("/api/admin/agencies", new CreateAgencyRequest("water-company", AgencyKindDto.Agency,
            "Су компаниясы", "Водоканал", "Water company", null,
            new CreateServiceRequest("pipes-new", "PN", "Құбырлар", "Трубы", "Pipes", "Mon-Fri 09:00-18:00")))).OkAsync<CreatedDto>()).Id;
        var meters = (await (await admin.PostAsJsonAsync($"/api/admin/agencies/{agencyId}/services",
            new CreateServiceRequest("meters", "QM", "Есептегіштер", "Счётчики", "Meters", "Mon-Fri 09:00-18:00"))).OkAsync<CreatedDto>()).Id;
        await (await admin.DeleteAsync(Path($"/api/admin/services/{meters}"))).OkAsync<CreatedDto>();

        // Meanwhile another service took the prefix Q: the old one cannot come back with it.
        var other = (await (await admin.PostAsJsonAsync($"/api/admin/agencies/{agencyId}/services",
            new CreateServiceRequest("meters-new", "QM", "Жаңа есептегіштер", "Новые счётчики", "New meters", "Mon-Fri 09:00-18:00"))).OkAsync<CreatedDto>()).Id;
        await (await admin.PostAsync(Path($"/api/admin/services/{meters}/restore"), null)).ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.DuplicatePrefix);
        await (await admin.DeleteAsync(Path($"/api/admin/services/{other}"))).OkAsync<CreatedDto>();
        await (await admin.PostAsync(Path($"/api/admin/services/{meters}/restore"), null)).OkAsync<CreatedDto>();
        Assert.False((await WithRetiredAsync(admin)).Agencies.SelectMany(a => a.Services).Single(s => s.Id == meters).Retired);

        // A service of a retired agency waits for its agency.
        await (await admin.DeleteAsync(Path($"/api/admin/agencies/{agencyId}"))).OkAsync<CreatedDto>();
        var problem = await (await admin.PostAsync(Path($"/api/admin/services/{other}/restore"), null)).ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.AgencyRetired);
        Assert.Contains("water-company", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_desk_comes_back_closed_unless_its_number_was_taken()
    {
        using var admin = _app.Client(_hall.Admin);
        var energy = _hall.Service("energy").Id;
        var desk = (await (await admin.PostAsJsonAsync("/api/admin/desks", new CreateDeskRequest("77", [energy]))).OkAsync<CreatedDto>()).Id;
        await (await admin.DeleteAsync(Path($"/api/admin/desks/{desk}"))).OkAsync<CreatedDto>();
        var taker = (await (await admin.PostAsJsonAsync("/api/admin/desks", new CreateDeskRequest("77", [energy]))).OkAsync<CreatedDto>()).Id;

        await (await admin.PostAsync(Path($"/api/admin/desks/{desk}/restore"), null)).ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.DuplicateCode);
        await (await admin.DeleteAsync(Path($"/api/admin/desks/{taker}"))).OkAsync<CreatedDto>();
        await (await admin.PostAsync(Path($"/api/admin/desks/{desk}/restore"), null)).OkAsync<CreatedDto>();

        var restored = (await _app.RosterAsync(_hall.Admin)).Desks.Single(d => d.Id == desk);
        Assert.False(restored.IsOpen);
        Assert.Equal([energy], restored.ServiceIds);
        var audit = (await admin.GetFromJsonAsync<List<AuditEntryDto>>("/api/admin/audit?action=roster.desk.restore"))!;
        Assert.Equal($"desk {desk}", Assert.Single(audit).Subject);
    }
}
