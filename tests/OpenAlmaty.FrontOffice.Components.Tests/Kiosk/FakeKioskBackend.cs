using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Kiosk;

namespace OpenAlmaty.FrontOffice.Components.Tests.Kiosk;

/// <summary>A roster of three agencies (one closed) and a counter of issued tickets, by idempotency key.</summary>
public sealed class FakeKioskBackend : IKioskBackend
{
    public static readonly ServiceDto Energy = new(13, "energy", "P", "Қабылдау", "Приём", "Reception", AgencyKindDto.Agency, "Mon-Fri 09:00-18:00", true, 2, 3, 15, false);
    public static readonly ServiceDto Water = new(15, "water", "T", "Қабылдау", "Приём", "Reception", AgencyKindDto.Agency, "Mon-Fri 09:00-18:00", false, 2, 3, 15, false);
    public static readonly ServiceDto Medeu = new(27, "district-medeu", "ME", "Қабылдау", "Приём", "Reception", AgencyKindDto.District, "Mon-Fri 09:00-18:00", true, 2, 3, 15, false);

    public List<(int ServiceId, VisitorLanguage Language, TicketPriority Priority, string Key)> Issued { get; } = [];
    public string? RefuseWith { get; set; }
    public string PrintStatus { get; set; } = "printed";
    public TaskCompletionSource? Hold { get; set; }

    public Task<RosterDto> RosterAsync(CancellationToken ct) => Task.FromResult(new RosterDto(
    [
        new AgencyDto(13, "energy", AgencyKindDto.Agency, "Энергетика және сумен жабдықтау басқармасы", "Управление энергетики и водоснабжения", "Department of Energy", ["energy"], false, [Energy]),
        new AgencyDto(15, "water", AgencyKindDto.Agency, "«Алматы Су» МКК", "ГКП «Алматы Су»", "Almaty Su", ["energy"], false, [Water]),
        new AgencyDto(27, "district-medeu", AgencyKindDto.District, "Медеу ауданының әкімдігі", "Аппарат акима Медеуского района", "Medeu District Akimat", ["housing"], false, [Medeu]),
    ], []));

    public async Task<KioskIssueResult> IssueAsync(int serviceId, VisitorLanguage language, TicketPriority priority, string idempotencyKey, CancellationToken ct)
    {
        Issued.Add((serviceId, language, priority, idempotencyKey));
        if (Hold is not null)
        {
            await Hold.Task;
        }

        if (RefuseWith is not null)
        {
            return new KioskIssueResult(null, null, RefuseWith, "refused");
        }

        var number = Issued.Select(i => i.Key).Distinct().Count();
        var ticket = new TicketDto(Guid.NewGuid(), "pub", $"P-{number:000}", serviceId, DateTimeOffset.UnixEpoch, 4,
            new WaitRangeDto(20, 45), new PrintStatusDto(PrintStatus), "Waiting", priority.ToString(), null, null, 0, 0, false);
        return new KioskIssueResult(ticket, "<svg data-qr=\"yes\"></svg>", null, null);
    }

    /// <summary>Booking codes the fake knows: the code → the problem type it gives, or null for a check-in.</summary>
    public Dictionary<string, string?> Bookings { get; } = [];

    public Task<KioskIssueResult> CheckInAsync(string code, CancellationToken ct)
    {
        if (!Bookings.TryGetValue(code, out var problem))
        {
            return Task.FromResult(new KioskIssueResult(null, null, ProblemTypes.UnknownBooking, "unknown"));
        }

        if (problem is not null)
        {
            return Task.FromResult(new KioskIssueResult(null, null, problem, "refused"));
        }

        var ticket = new TicketDto(Guid.NewGuid(), "pub-r", "R-001", Energy.Id, DateTimeOffset.UnixEpoch, 0,
            new WaitRangeDto(0, 10), new PrintStatusDto("none"), "Waiting", "None", null, null, 0, 0, false);
        return Task.FromResult(new KioskIssueResult(ticket, "<svg data-qr=\"yes\"></svg>", null, null));
    }
}
