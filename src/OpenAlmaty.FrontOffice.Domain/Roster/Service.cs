namespace OpenAlmaty.FrontOffice.Domain.Roster;

/// <summary>A line visitors queue in, with its own ticket prefix, hours and queue rules.</summary>
public sealed class Service
{
    public int Id { get; init; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public required string Code { get; init; }
    public required string Prefix { get; set; }
    public required string NameKk { get; set; }
    public required string NameRu { get; set; }
    public required string NameEn { get; set; }

    /// <summary>Opening hours in <see cref="WeeklyHours"/> notation, local time.</summary>
    public required string Hours { get; set; }

    /// <summary>Regular calls between two priority calls (1 priority : N regular).</summary>
    public int PriorityRatio { get; set; } = 2;

    public int RecallLimit { get; set; } = 3;
    public int RejoinWindowMinutes { get; set; } = 15;

    /// <summary>Assumed service time until the service has history of its own.</summary>
    public int DefaultServiceMinutes { get; set; } = 15;

    /// <summary>Walk-in tickets a day, or null for no limit: past it the kiosk says today's places are gone (bookings still check in).</summary>
    public int? WalkInDailyCap { get; set; }

    /// <summary>The wait the office aims for; the hall dashboard shows green up to it, amber up to twice it, then red.</summary>
    public int TargetWaitMinutes { get; set; } = 30;

    public DateTime? RetiredAt { get; set; }

    public bool IsOpenAt(DateTime utc, bool trainingMode) =>
        RetiredAt is null && (trainingMode || WeeklyHours.Parse(Hours).IsOpen(Calendar.AlmatyClock.ToLocal(utc)));

    /// <summary>When the service's hours next begin after <paramref name="utc"/> (UTC), or null when it has none.</summary>
    public DateTime? OpensNextAt(DateTime utc) =>
        WeeklyHours.Parse(Hours).NextOpening(Calendar.AlmatyClock.ToLocal(utc)) is { } local ? Calendar.AlmatyClock.ToUtc(local) : null;
}
