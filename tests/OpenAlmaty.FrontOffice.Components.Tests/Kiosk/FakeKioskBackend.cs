using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Kiosk;

namespace OpenAlmaty.FrontOffice.Components.Tests.Kiosk;

/// <summary>A roster of three agencies (one closed) and a counter of issued tickets, by idempotency key.</summary>
public sealed class FakeKioskBackend : IKioskBackend
{
    public static readonly ServiceDto Energy = new(13, "energy", "P", "Қабылдау", "Приём", "Reception", AgencyKindDto.Agency, "Mon-Fri 09:00-18:00", true, 2, 3, 15, false);
    public static readonly ServiceDto Water = new(15, "water", "T", "Қабылдау", "Приём", "Reception", AgencyKindDto.Agency, "Mon-Fri 09:00-18:00", false, 2, 3, 15, false);
    public static readonly ServiceDto Medeu = new(27, "district-medeu", "ME", "Қабылдау", "Приём", "Reception", AgencyKindDto.District, "Mon-Fri 09:00-18:00", true, 2, 3, 15, false);

    public static readonly ServiceDto Mediation = new(40, "mediation", "M", "Дауды сотқа дейін шешу", "Досудебные споры", "Pre-trial disputes", AgencyKindDto.Mediator, "Mon-Fri 09:00-18:00", true, 2, 3, 15, false);
    public static readonly ServiceDto Family = new(41, "family-mediation", "MF", "Отбасылық даулар", "Семейные споры", "Family disputes", AgencyKindDto.Mediator, "Mon-Fri 09:00-18:00", true, 2, 3, 15, false);

    public List<(int ServiceId, VisitorLanguage Language, TicketPriority Priority, string Key)> Issued { get; } = [];
    public string? RefuseWith { get; set; }
    public string PrintStatus { get; set; } = "printed";
    public TaskCompletionSource? Hold { get; set; }
    public KioskSetup Setup { get; set; } = new(HasPrinter: true, Training: false);
    public bool TrainingTickets { get; set; }

    public Task<KioskSetup> SetupAsync(CancellationToken ct) => Task.FromResult(Setup);

    private Action? _printerChanged;

    public IDisposable OnPrinterChanged(Action onChange)
    {
        _printerChanged = onChange;
        return new Unsubscribe(() => _printerChanged = null);
    }

    /// <summary>As the server's printer watch does: the kiosk's printer state changes.</summary>
    public void PrinterChanged(string? fault)
    {
        Setup = Setup with { PrinterFault = fault };
        _printerChanged?.Invoke();
    }

    /// <summary>The energy department's Kazakh name; an admin may rename it (then <see cref="ChangeRoster"/>).</summary>
    public string EnergyNameKk { get; set; } = "Энергетика және сумен жабдықтау басқармасы";

    private Action? _rosterChanged;

    public IDisposable OnRosterChanged(Action onChange)
    {
        _rosterChanged += onChange;
        return new Unsubscribe(() => _rosterChanged -= onChange);
    }

    public void ChangeRoster() => _rosterChanged?.Invoke();

    private Action? _revoked;

    public IDisposable OnEnrolmentEnded(Action onEnded)
    {
        _revoked += onEnded;
        return new Unsubscribe(() => _revoked -= onEnded);
    }

    private bool _isRevoked;

    /// <summary>
    /// An admin revokes the kiosk. Noticed: the server's watch has seen it. Not yet: the next ticket
    /// asked for finds it, and (as on the server) that refusal ends the enrolment.
    /// </summary>
    public void Revoke(bool noticed)
    {
        _isRevoked = true;
        if (noticed)
        {
            _revoked?.Invoke();
        }
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    public Task<RosterDto> RosterAsync(CancellationToken ct) => Task.FromResult(new RosterDto(
    [
        new AgencyDto(13, "energy", AgencyKindDto.Agency, EnergyNameKk, "Управление энергетики и водоснабжения", "Department of Energy", ["energy"], false, [Energy]),
        new AgencyDto(15, "water", AgencyKindDto.Agency, "«Алматы Су» МКК", "ГКП «Алматы Су»", "Almaty Su", ["energy"], false, [Water]),
        new AgencyDto(40, "mediators", AgencyKindDto.Mediator, "Медиаторлар қауымдастығы", "Ассоциация медиаторов", "Mediators", [], false, [Mediation, Family]),
        new AgencyDto(27, "district-medeu", AgencyKindDto.District, "Медеу ауданының әкімдігі", "Аппарат акима Медеуского района", "Medeu District Akimat", ["housing"], false, [Medeu]),
    ], []));

    public async Task<KioskIssueResult> IssueAsync(int serviceId, VisitorLanguage language, TicketPriority priority, string idempotencyKey, CancellationToken ct)
    {
        if (_isRevoked)
        {
            _revoked?.Invoke();
            return new KioskIssueResult(null, null, ProblemTypes.DeviceNotEnrolled, "revoked");
        }

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
            new WaitRangeDto(20, 45), new PrintStatusDto(PrintStatus), "Waiting", priority.ToString(), null, null, 0, 0, TrainingTickets);
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

    /// <summary>Two sessions: one with free places at 10:00 and 10:20, one full with two waiting.</summary>
    public List<ReceptionSessionDto> Sessions { get; } =
    [
        new(Guid.Parse("0193a000-0000-7000-8000-000000000001"), "Айгүл Сәрсенова", 27, new DateOnly(2026, 12, 2), "10:00", "11:00", 20, 1, "12", false,
            [new SlotDto("10:00", 1), new SlotDto("10:20", 1), new SlotDto("10:40", 0)], 0),
        new(Guid.Parse("0193a000-0000-7000-8000-000000000002"), "Ерлан Жақсылықов", 27, new DateOnly(2026, 12, 3), "15:00", "16:00", 20, 1, "12", false,
            [new SlotDto("15:00", 0), new SlotDto("15:20", 0), new SlotDto("15:40", 0)], 2),
    ];

    public List<BookReceptionRequest> BookRequests { get; } = [];

    /// <summary>Problem types to answer the next bookings with, in turn; then bookings succeed.</summary>
    public Queue<string> RefuseBookingsWith { get; } = new();

    public Task<IReadOnlyList<ReceptionSessionDto>> ReceptionSessionsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ReceptionSessionDto>>([.. Sessions]);

    public bool IsValidIin(string iin) => OpenAlmaty.FrontOffice.Domain.Receptions.Iin.Check(iin) == OpenAlmaty.FrontOffice.Domain.Receptions.IinProblem.None;

    public Task<KioskBookingResult> BookAsync(BookReceptionRequest request, CancellationToken ct)
    {
        BookRequests.Add(request);
        if (RefuseBookingsWith.TryDequeue(out var problem))
        {
            return Task.FromResult(new KioskBookingResult(null, null, problem, "refused"));
        }

        var session = Sessions.Single(s => s.Id == request.SessionId);
        var full = session.Slots.All(s => s.Free == 0);
        var booking = new BookingCreatedDto("K7MPQ2XA", full ? null : request.SlotStart, full ? session.WaitingList + 1 : null, PrintStatus);
        return Task.FromResult(new KioskBookingResult(booking, "<svg data-qr=\"booking\"></svg>", null, null));
    }
}
