using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Displays;

/// <summary>An agency's line on a board, from the queues of its services.</summary>
public static class AgencyQueue
{
    public static int Waiting(DisplayAgencyDto agency) => agency.Queues.Sum(q => q.Waiting);

    /// <summary>From the shortest to the longest range among the services where somebody waits; null when nobody does.</summary>
    public static WaitRangeDto? Range(DisplayAgencyDto agency)
    {
        var waiting = agency.Queues.Where(q => q.Waiting > 0).ToList();
        return waiting.Count == 0 ? null
            : new WaitRangeDto(waiting.Min(q => q.EstimatedWait.FromMinutes), waiting.Max(q => q.EstimatedWait.ToMinutes));
    }

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
