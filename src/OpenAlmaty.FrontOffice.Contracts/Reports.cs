namespace OpenAlmaty.FrontOffice.Contracts;

/// <summary>
/// How the hall served in a period (Almaty service days, both ends included). Times are minutes.
/// Wait: from taking the ticket to the first call. Service: from the call (or the start of
/// serving) to completion. Percentiles by nearest rank. Training tickets are left out.
/// </summary>
public sealed record ServiceReportDto(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<AgencyFiguresDto> Agencies,
    IReadOnlyList<ServiceFiguresDto> Services,
    IReadOnlyList<OfficerFiguresDto> Officers,
    IReadOnlyList<int> IssuedByHour,
    IReadOnlyList<TopicCountDto> Topics,
    int KskThreshold,
    IReadOnlyList<KskSignalDto> KskSignals,
    RatingFiguresDto Ratings,
    IReadOnlyList<VisitorCommentDto>? Comments = null);

/// <summary>A visitor's comment as typed (plain text: shown escaped, never as markup).</summary>
public sealed record VisitorCommentDto(DateOnly Day, int ServiceId, int Stars, string Comment);

/// <param name="Issued">Tickets taken for the service (a transfer does not move them).</param>
/// <param name="Called">Tickets whose first call was at this service: the count behind the wait figures.</param>
/// <param name="PromiseBroken">Of those, how many waited longer than the upper end of the range promised at the kiosk.</param>
public sealed record ServiceFiguresDto(
    int ServiceId, int AgencyId, string Code, string NameKk, string NameRu,
    int Issued, int Called, int Served, int NoShows, int TransfersOut, int OutOfOrderCalls,
    double? WaitP50, double? WaitP90, double? ServiceP50, double? ServiceP90, int PromiseBroken,
    int Ratings, double? RatingAverage);

public sealed record AgencyFiguresDto(
    int AgencyId, string NameKk, string NameRu, int Issued, int Served, int NoShows, double? WaitP50, double? WaitP90, int PromiseBroken);

/// <param name="IdleMinutes">Time between the end of one visit and the officer's next call, within a day.</param>
public sealed record OfficerFiguresDto(string UserName, int Served, double? AverageServiceMinutes, double IdleMinutes);

public sealed record TopicCountDto(string Topic, int Visits);

/// <summary>A KSK named in completed housing visits at least the threshold number of times: a signal for the housing inspection.</summary>
public sealed record KskSignalDto(string Ksk, int Visits, IReadOnlyList<DateOnly> Days);

public sealed record RatingFiguresDto(int Count, double? Average);

/// <summary>The hall right now, for administrators; <c>Sla</c> is green, amber or red.</summary>
public sealed record HallDashboardDto(
    DateTimeOffset At,
    IReadOnlyList<AgencyNowDto> Agencies,
    IReadOnlyList<DeskOnBreakDto> DesksOnBreak,
    IReadOnlyList<DeviceFaultDto> DeviceFaults,
    IReadOnlyList<int> IssuedTodayByHour,
    IReadOnlyList<StorageFaultDto> StorageFaults);

/// <summary>Why <c>/health</c> is Unhealthy, for the administrator: <c>Code</c> is write-failed, file-not-written, database-file-deleted or disk-nearly-full.</summary>
public sealed record StorageFaultDto(string Code, string Kk, string Ru, string Detail, DateTimeOffset Since);

/// <param name="LongestWaitMinutes">How long the visitor waiting longest has waited so far.</param>
/// <param name="TargetWaitMinutes">The strictest target wait of the agency's services.</param>
public sealed record AgencyNowDto(
    int AgencyId, string NameKk, string NameRu, int Waiting, int LongestWaitMinutes, int OpenDesks, WaitRangeDto EstimatedWait,
    int TargetWaitMinutes, string Sla, double? WaitP50Today);

public sealed record DeskOnBreakDto(int DeskId, string Number, string Reason);

public sealed record DeviceFaultDto(Guid DeviceId, string Name, string Fault);
