namespace OpenAlmaty.FrontOffice.Domain.Roster;

/// <summary>What kind of body sits at a desk; the kiosk groups its first screen by it.</summary>
public enum AgencyKind
{
    Agency,
    District,
    Mediator,
    Reception,
}

/// <summary>A state body, district akimat, the mediators or the personal-reception desk.</summary>
public sealed class Agency
{
    public int Id { get; init; }

    /// <summary>Stable slug from the roster file, e.g. <c>energy</c> or <c>district-medeu</c>.</summary>
    public required string Code { get; init; }

    public AgencyKind Kind { get; set; }
    public required string NameKk { get; set; }
    public required string NameRu { get; set; }
    public required string NameEn { get; set; }

    /// <summary>Comma-separated topics (energy, housing, transport, landscaping) that help a visitor find it.</summary>
    public string Topics { get; set; } = "";

    public int SortOrder { get; set; }

    /// <summary>Retired agencies keep their history but take no new tickets.</summary>
    public DateTime? RetiredAt { get; set; }

    public List<Service> Services { get; init; } = [];
}
