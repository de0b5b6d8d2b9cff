using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Displays;

/// <summary>An agency's line on a board, from the queues of its services.</summary>
public static class AgencyQueue
{
    public static int Waiting(DisplayAgencyDto agency) => agency.Queues.Sum(q => q.Waiting);

    /// <summary>The wait across the services where somebody waits (<see cref="WaitRangeDto.Across"/>).</summary>
    public static WaitRangeDto? Range(DisplayAgencyDto agency) =>
        WaitRangeDto.Across(agency.Queues.Where(q => q.Waiting > 0).Select(q => q.EstimatedWait).ToList());

    /// <summary>The wait as the hall reads it, in Kazakh and Russian.</summary>
    public static string Text(WaitRangeDto? range) => range switch
    {
        null => "—",
        { Basis: WaitBases.Estimate } => WaitWords.Text(range, "kk"),
        _ => WaitWords.Text(range, "kk") + " / " + WaitWords.Text(range, "ru"),
    };

    /// <summary>The agency with one service's queue as the event says it is now (unchanged when the service is not its).</summary>
    public static DisplayAgencyDto With(DisplayAgencyDto agency, QueueChangedEvent changed) =>
        agency.Queues.Any(q => q.ServiceId == changed.ServiceId)
            ? agency with
            {
                Queues = agency.Queues.Select(q => q.ServiceId == changed.ServiceId
                    ? q with { Waiting = changed.Waiting, EstimatedWait = changed.EstimatedWait }
                    : q).ToList(),
            }
            : agency;
}
