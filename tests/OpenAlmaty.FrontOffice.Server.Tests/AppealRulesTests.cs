using System.Net;
using System.Net.Http.Json;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>A registration number names one appeal only; an extension says why; the page's list of visits to register from.</summary>
public sealed class AppealRulesTests : IAsyncLifetime
{
    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;

    public async Task InitializeAsync() => _hall = await Scenario.StartAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Two visits at the personal-reception desk, served and completed.</summary>
    private async Task<List<TicketDto>> ReceptionVisitsAsync()
    {
        var reception = _hall.Service(Application.Receptions.CheckIn.ReceptionServiceCode);
        var desk = _hall.DeskOf(reception.Code);
        using var kiosk = _app.Client(_hall.Kiosk);
        using var officer = _app.Client(await _app.OfficerAsync(_hall.Admin, "deputy-desk", desk.Id));
        (await officer.PostAsync(new Uri($"/api/desks/{desk.Id}/open", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var visits = new List<TicketDto>();
        for (var i = 0; i < 2; i++)
        {
            await kiosk.IssuedAsync(reception.Id);
            var called = await officer.CalledAsync(desk.Id);
            await (await officer.ActAsync(called.Id, "complete", new CompleteTicketRequest("appeal-registered", "energy", null, null))).OkAsync<TicketDto>();
            visits.Add(called);
            _app.Clock.Advance(TimeSpan.FromMinutes(20));
        }

        return visits;
    }

    [Fact]
    public async Task A_second_appeal_with_the_same_number_is_refused_in_kazakh_and_russian()
    {
        var visits = await ReceptionVisitsAsync();
        using var admin = _app.Client(_hall.Admin, "ru");
        var listed = (await admin.GetFromJsonAsync<List<ReceptionVisitDto>>("/api/receptions/appeals/visits"))!;
        Assert.Equal(visits.Select(v => v.Id).Reverse(), listed.Select(v => v.TicketId));
        Assert.All(listed, v => Assert.False(v.HasAppeal));

        await (await admin.PostAsJsonAsync("/api/receptions/appeals", new RegisterAppealRequest(visits[0].Id, "ЖТ-2026-0500", "Жарық"))).OkAsync<AppealDto>();
        var ru = await (await admin.PostAsJsonAsync("/api/receptions/appeals", new RegisterAppealRequest(visits[1].Id, " ЖТ-2026-0500 ", "Су")))
            .ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.DuplicateRegistrationNumber);
        Assert.Equal("Обращение с таким регистрационным номером уже есть", ru.GetProperty("title").GetString());
        using var kkAdmin = _app.Client(_hall.Admin, "kk");
        var kk = await (await kkAdmin.PostAsJsonAsync("/api/receptions/appeals", new RegisterAppealRequest(visits[1].Id, "ЖТ-2026-0500", "Су")))
            .ProblemAsync(HttpStatusCode.Conflict, ProblemTypes.DuplicateRegistrationNumber);
        Assert.Equal("Бұл тіркеу нөмірімен өтініш бұрыннан бар", kk.GetProperty("title").GetString());

        var appeals = (await admin.GetFromJsonAsync<List<AppealDto>>("/api/receptions/appeals"))!;
        Assert.Equal("Жарық", Assert.Single(appeals).Subject);
        Assert.Single((await admin.GetFromJsonAsync<List<AuditEntryDto>>("/api/admin/audit?action=appeal.register"))!);
        Assert.True((await admin.GetFromJsonAsync<List<ReceptionVisitDto>>("/api/receptions/appeals/visits"))!.Single(v => v.TicketId == visits[0].Id).HasAppeal);
    }

    [Fact]
    public async Task An_extension_without_a_reason_is_refused_and_the_reason_is_kept_in_the_audit()
    {
        var visits = await ReceptionVisitsAsync();
        using var admin = _app.Client(_hall.Admin);
        var appeal = await (await admin.PostAsJsonAsync("/api/receptions/appeals", new RegisterAppealRequest(visits[0].Id, "ЖТ-2026-0501", "Жол"))).OkAsync<AppealDto>();
        var extend = new Uri($"/api/receptions/appeals/{appeal.Id}/extend", UriKind.Relative);
        var newDue = appeal.DueOn.AddDays(14);

        await (await admin.PostAsJsonAsync(extend, new ExtendAppealRequest(newDue))).ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        await (await admin.PostAsJsonAsync(extend, new ExtendAppealRequest(newDue, "   "))).ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        await (await admin.PostAsJsonAsync(extend, new ExtendAppealRequest(newDue, new string('x', 201)))).ProblemAsync(HttpStatusCode.BadRequest, ProblemTypes.ValidationFailed);
        Assert.Equal(appeal.DueOn, (await admin.GetFromJsonAsync<List<AppealDto>>("/api/receptions/appeals"))!.Single().DueOn);

        var extended = await (await admin.PostAsJsonAsync(extend, new ExtendAppealRequest(newDue, "Орнына бару керек"))).OkAsync<AppealDto>();
        Assert.Equal(newDue, extended.DueOn);
        var entry = Assert.Single((await admin.GetFromJsonAsync<List<AuditEntryDto>>("/api/admin/audit?action=appeal.extend"))!);
        Assert.EndsWith(": Орнына бару керек", entry.Detail, StringComparison.Ordinal);
    }
}
