using Bunit;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Components.Desk.Parts;

namespace OpenAlmaty.FrontOffice.Components.Tests.Desk.Parts;

/// <summary>The transfer panel on its own, in Kazakh: a visitor at an energy desk sent on to water.</summary>
public sealed class TransferPanelTests() : ConsolePartContext("kk")
{
    private static readonly ServiceDto Energy = Service(1, "E", "Энергетика", "Энергетика");
    private static readonly ServiceDto Water = Service(2, "W", "Су", "Вода");
    private static readonly ServiceDto Housing = Service(3, "H", "Тұрғын үй", "Жильё");
    private static readonly ServiceDto Reception = Service(4, "B", "Қабылдау", "Приём");
    private static readonly ServiceDto DistrictReception = Service(5, "C", "Қабылдау", "Приём");

    private static readonly AgencyDto[] Agencies =
    [
        Agency(1, "Энергетика басқармасы", "Управление энергетики", Energy, Water),
        Agency(2, "Тұрғын үй басқармасы", "Управление жилья", Housing),
        Agency(3, "Алмалы ауданының әкімдігі", "Аким района Алмалы", Reception),
        Agency(4, "Медеу ауданының әкімдігі", "Аким района Медеу", DistrictReception),
    ];

    private static readonly DeskDto[] Desks =
    [
        new(11, "1", true, null, [1], false),
        new(12, "2", true, null, [2], false),
        new(13, "3", false, "lunch", [2, 3], false),
    ];

    private TransferDraft _draft = TransferDraft.Empty;
    private readonly List<TransferDraft> _sent = [];

    private static AgencyDto Agency(int id, string kk, string ru, params ServiceDto[] services) =>
        new(id, "a" + id, AgencyKindDto.Agency, kk, ru, ru, [], false, services);

    private static ServiceDto Service(int id, string prefix, string kk, string ru) =>
        new(id, prefix.ToLowerInvariant(), prefix, kk, ru, ru, AgencyKindDto.Agency, "09:00–18:00", true, 2, 3, 15, false);

    private IRenderedComponent<TransferPanel> Panel() => Render<TransferPanel>(p => p
        .Add(c => c.Value, _draft)
        .Add(c => c.ValueChanged, draft => _draft = draft)
        .Add(c => c.FromServiceId, Energy.Id)
        .Add(c => c.Agencies, Agencies)
        .Add(c => c.Desks, Desks)
        .Add(c => c.OnTransfer, draft => _sent.Add(draft))
        .Add(c => c.OnCancel, () => { }));

    private void Change(IRenderedComponent<TransferPanel> cut, string field, string value)
    {
        cut.Find($"[data-test={field}]").Change(value);
        cut.Render(p => p.Add(c => c.Value, _draft));
    }

    private static IEnumerable<string> Options(IRenderedComponent<TransferPanel> cut, string field) =>
        cut.FindAll($"[data-test={field}] option").Select(o => o.TextContent);

    [Fact]
    public void Other_services_are_offered_then_their_desks_with_the_closed_ones_marked()
    {
        var cut = Panel();
        Assert.Equal(["—", "Су (W)", "Тұрғын үй (H)", "Қабылдау (B)", "Қабылдау (C)"], Options(cut, "transfer-to"));
        Assert.Equal(["Кез келген"], Options(cut, "transfer-desk"));
        Assert.True(cut.Find("[data-test=transfer]").HasAttribute("disabled"));

        Change(cut, "transfer-to", "2");
        Assert.Equal(["Кез келген", "2", "3 · жабық"], Options(cut, "transfer-desk"));
        Change(cut, "transfer-desk", "13");
        Assert.Equal(new TransferDraft(2, 13, ""), _draft);

        // Another service: the desk chosen for the first one no longer applies.
        Change(cut, "transfer-to", "3");
        Assert.Equal(new TransferDraft(3, 0, ""), _draft);
        Assert.Equal(["Кез келген", "3 · жабық"], Options(cut, "transfer-desk"));
    }

    [Fact]
    public void Targets_are_grouped_under_their_agencys_full_name_and_the_filter_narrows_them()
    {
        var cut = Panel();
        // Two services both named "Қабылдау" are told apart by their agency, not by a prefix.
        Assert.Equal(["Энергетика басқармасы", "Тұрғын үй басқармасы", "Алмалы ауданының әкімдігі", "Медеу ауданының әкімдігі"],
            cut.FindAll("[data-test=transfer-agency]").Select(g => g.GetAttribute("label")));
        Assert.Equal(["Қабылдау (C)"], cut.FindAll("optgroup[label='Медеу ауданының әкімдігі'] option").Select(o => o.TextContent));

        cut.Find("[data-test=transfer-filter]").Input("медеу");
        Assert.Equal(["—", "Қабылдау (C)"], Options(cut, "transfer-to"));
        cut.Find("[data-test=transfer-filter]").Input("су");
        Assert.Equal(["—", "Су (W)"], Options(cut, "transfer-to"));
        // The Russian name matches too, and a service already chosen stays in the list whatever is typed.
        cut.Find("[data-test=transfer-filter]").Input("жилья");
        Assert.Equal(["—", "Тұрғын үй (H)"], Options(cut, "transfer-to"));
        Change(cut, "transfer-to", "3");
        cut.Find("[data-test=transfer-filter]").Input("медеу");
        Assert.Equal(["—", "Тұрғын үй (H)", "Қабылдау (C)"], Options(cut, "transfer-to"));
    }

    [Fact]
    public void Transfer_waits_for_a_service_then_raises_where_the_visitor_goes()
    {
        var cut = Panel();
        Change(cut, "transfer-note", "су мәселесі");
        cut.Find("[data-test=transfer]").Click(); // what a forged click would send: refused all the same
        Assert.Empty(_sent);

        Change(cut, "transfer-to", "2");
        Change(cut, "transfer-desk", "12");
        cut.Find("[data-test=transfer]").Click();

        Assert.Equal([new TransferDraft(2, 12, "су мәселесі")], _sent);
    }
}
