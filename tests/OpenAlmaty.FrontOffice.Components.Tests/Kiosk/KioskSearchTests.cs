using Bunit;
using OpenAlmaty.FrontOffice.Application.Roster;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Kiosk;
using OpenAlmaty.FrontOffice.Kiosk.Components.Steps;

namespace OpenAlmaty.FrontOffice.Components.Tests.Kiosk;

/// <summary>The agency list of the shipped roster: pages that fit, a search that knows what visitors call the agencies, a pictogram for each.</summary>
public class KioskSearchTests : BunitContext
{
    /// <summary>The state bodies of the shipped default roster, as the kiosk receives them.</summary>
    private static readonly IReadOnlyList<AgencyDto> Roster = [.. RosterFile.LoadDefault().Agencies.Select((a, i) => new AgencyDto(
        i + 1, a.Code, Enum.Parse<AgencyKindDto>(a.Kind, ignoreCase: true), a.Names.Kk, a.Names.Ru, a.Names.En, a.Topics, false,
        [.. a.Services.Select((s, j) => new ServiceDto(100 * (i + 1) + j, s.Code, s.Prefix, s.Names.Kk, s.Names.Ru, s.Names.En,
            Enum.Parse<AgencyKindDto>(a.Kind, ignoreCase: true), s.Hours, true, 2, 3, 15, false))]))];

    private static IEnumerable<string> Found(string typed) => Roster.Where(a => AgencyWords.Matches(a, typed)).Select(a => a.Code);

    [Theory]
    [InlineData("ЦОН", "public-service-centre")]
    [InlineData("цон", "public-service-centre")]
    [InlineData("ХҚКО", "public-service-centre")]
    [InlineData("хкко", "public-service-centre")]
    [InlineData("ДВД", "police")]
    [InlineData("ІІД", "police")]
    [InlineData("иид", "police")]
    [InlineData("полиция", "police")]
    [InlineData("прокуратура", "prosecutor")]
    [InlineData("ПРОКУРАТУРАСЫ", "prosecutor")]
    [InlineData("ДЧС", "emergency")]
    [InlineData("салық", "revenue")]
    [InlineData("налог", "revenue")]
    [InlineData("Медеу", "district-medeu")]
    [InlineData("медеуского", "district-medeu")]
    [InlineData("алматы су", "water")]
    public void A_name_an_abbreviation_or_an_everyday_word_finds_the_agency_whatever_the_case_and_kazakh_letters(string typed, string code) =>
        Assert.Contains(code, Found(typed));

    [Fact]
    public void An_abbreviation_finds_only_its_agency() => Assert.Equal(["public-service-centre"], Found("ЦОН"));

    [Fact]
    public void Kazakh_letters_fold_to_their_nearest_russian_ones_and_case_does_not_matter()
    {
        Assert.Equal("хкко", AgencyWords.Fold("ХҚКО"));
        Assert.Equal("агнууохи е", AgencyWords.Fold("ӘҒҢҰҮӨҺІ-Ё"));
        Assert.Equal(AgencyWords.Fold("қызмет"), AgencyWords.Fold("КЫЗМЕТ"));
    }

    [Fact]
    public void Nothing_typed_lists_every_agency_and_gibberish_none()
    {
        Assert.Equal(Roster.Count, Found("").Count());
        Assert.Empty(Found("ЪЪЪ"));
    }

    [Fact]
    public void Every_agency_of_the_shipped_roster_gets_a_pictogram_that_ships_with_the_kiosk()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "OpenAlmaty.FrontOffice.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("The repository root is not above the test output.");
        }

        var icons = Path.Combine(root.FullName, "kiosk", "OpenAlmaty.FrontOffice.Kiosk", "wwwroot", "icons");
        var names = Roster.Select(AgencyWords.Icon)
            .Concat(VisitTopics.All.Select(t => AgencyWords.TopicIcon(t.Code)))
            .Concat(Enum.GetValues<AgencyKindDto>().Select(AgencyWords.KindIcon)).Distinct().ToList();
        Assert.All(names, icon => Assert.True(File.Exists(Path.Combine(icons, icon + ".svg")), $"{icon}.svg is missing"));
        // Not one pictogram for all: the 21 state bodies are told apart.
        Assert.True(Roster.Where(a => a.Kind == AgencyKindDto.Agency).Select(AgencyWords.Icon).Distinct().Count() >= 15);
        Assert.All(Directory.GetFiles(icons, "*.svg"), file => Assert.DoesNotContain("http", File.ReadAllText(file).Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public void An_agency_the_file_does_not_know_takes_its_topics_or_its_kinds_pictogram()
    {
        AgencyDto Agency(AgencyKindDto kind, params string[] topics) => new(1, "new-one", kind, "Жаңа", "Новое", "New", topics, false, []);
        Assert.Equal("topic-transport", AgencyWords.Icon(Agency(AgencyKindDto.Agency, "transport")));
        Assert.Equal("kind-agency", AgencyWords.Icon(Agency(AgencyKindDto.Agency)));
        Assert.Equal("kind-district", AgencyWords.Icon(Agency(AgencyKindDto.District, "housing")));
    }

    private IRenderedComponent<AgencyChoice> List(VisitorLanguage language = VisitorLanguage.Kk)
    {
        var (query, page) = ("", 0);
        IRenderedComponent<AgencyChoice>? cut = null;
        cut = Render<AgencyChoice>(p => p
            .Add(c => c.Language, language)
            .Add(c => c.Agencies, [.. Roster.Where(a => a.Kind == AgencyKindDto.Agency)])
            .Add(c => c.Query, query)
            .Add(c => c.QueryChanged, q => cut!.Render(r => r.Add(c => c.Query, q)))
            .Add(c => c.Page, page)
            .Add(c => c.PageChanged, n => cut!.Render(r => r.Add(c => c.Page, n)))
            .Add(c => c.OnChoose, _ => { })
            .Add(c => c.OnBack, () => { }));
        return cut;
    }

    [Fact]
    public void The_21_state_bodies_come_in_pages_of_ten_with_arrows_and_a_page_number()
    {
        var cut = List();
        Assert.Equal(21, Roster.Count(a => a.Kind == AgencyKindDto.Agency));
        Assert.Equal("1/3", cut.Find("[data-test=page]").TextContent);
        Assert.True(cut.Find("[data-test=page-previous]").HasAttribute("disabled"));
        Assert.Equal(AgencyChoice.TilesPerPage, cut.FindAll("[data-agency]").Count);

        var seen = cut.FindAll("[data-agency]").Select(t => t.GetAttribute("data-agency")).ToList();
        cut.Find("[data-test=page-next]").Click();
        Assert.Equal("2/3", cut.Find("[data-test=page]").TextContent);
        seen.AddRange(cut.FindAll("[data-agency]").Select(t => t.GetAttribute("data-agency")));
        cut.Find("[data-test=page-next]").Click();
        Assert.True(cut.Find("[data-test=page-next]").HasAttribute("disabled"));
        seen.AddRange(cut.FindAll("[data-agency]").Select(t => t.GetAttribute("data-agency")));
        Assert.Equal(Roster.Where(a => a.Kind == AgencyKindDto.Agency).Select(a => a.Code), seen);
    }

    [Fact]
    public void Tiles_say_the_agency_not_the_service_of_an_agency_with_one()
    {
        var cut = List();
        Assert.DoesNotContain("Қабылдау", cut.Find("[data-test=services]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Ішкі істер департаменті", cut.Find("[data-test=service-police]").TextContent, StringComparison.Ordinal);
        Assert.Equal("_content/OpenAlmaty.FrontOffice.Kiosk/icons/police.svg", cut.Find("[data-test=service-police] img").GetAttribute("src"));
    }

    [Fact]
    public void Typing_on_the_kiosks_keypad_finds_the_public_service_centre_by_its_kazakh_abbreviation()
    {
        var cut = List();
        cut.Find("[data-test=search]").Click();
        foreach (var key in "ХҚКО")
        {
            cut.Find($"[data-test='key-{key}']").Click();
        }

        Assert.Equal("ХҚКО", cut.Find("[data-test=search-typed]").TextContent);
        Assert.Equal(["public-service-centre"], cut.FindAll("[data-agency]").Select(t => t.GetAttribute("data-agency")));
        Assert.Empty(cut.FindAll("[data-test=page]"));

        cut.Find("[data-test=search-clear]").Click();
        Assert.Equal(AgencyChoice.TilesWithKeypad, cut.FindAll("[data-agency]").Count);
    }

    [Fact]
    public void A_search_that_finds_nothing_says_so()
    {
        var cut = List(VisitorLanguage.Ru);
        cut.Find("[data-test=search]").Click();
        foreach (var key in "ЪЪ")
        {
            cut.Find($"[data-test='key-{key}']").Click();
        }

        Assert.Contains("Ничего не найдено", cut.Find("[data-test=search-none]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(VisitorLanguage.Kk, "Mon-Fri 09:00-18:00", "Дс–Жм 09:00–18:00")]
    [InlineData(VisitorLanguage.Ru, "Mon-Fri 09:00-18:00", "Пн–Пт 09:00–18:00")]
    [InlineData(VisitorLanguage.En, "Mon-Fri 09:00-18:00", "Mon–Fri 09:00–18:00")]
    [InlineData(VisitorLanguage.Ru, "Mon-Fri 09:00-18:00; Sat 10:00-14:00", "Пн–Пт 09:00–18:00, Сб 10:00–14:00")]
    [InlineData(VisitorLanguage.Kk, "Mon,Wed,Fri 09:00-13:00", "Дс,Ср,Жм 09:00–13:00")]
    public void Hours_read_in_the_screens_language(VisitorLanguage language, string hours, string said) =>
        Assert.Equal(said, OpeningHours.Say(hours, language));
}
