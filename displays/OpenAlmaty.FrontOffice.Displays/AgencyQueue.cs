using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Displays;

/// <summary>An agency's line on a board, from the queues of its services.</summary>
public static class AgencyQueue
{
    public static int Waiting(DisplayAgencyDto agency) => agency.Queues.Sum(q => q.Waiting);

    /// <summary>
    /// From the shortest to the longest range among the services where somebody waits and a desk
    /// serves; null when nobody waits; <see cref="WaitBases.NoDeskOpen"/> when people wait and no
    /// window has an officer (a number there would be a promise nobody keeps).
    /// </summary>
    public static WaitRangeDto? Range(DisplayAgencyDto agency)
    {
        var waiting = agency.Queues.Where(q => q.Waiting > 0).ToList();
        var served = waiting.Where(q => q.EstimatedWait.Basis != WaitBases.NoDeskOpen).ToList();
        return waiting.Count == 0 ? null
            : served.Count == 0 ? new WaitRangeDto(0, 0, WaitBases.NoDeskOpen)
            : new WaitRangeDto(served.Min(q => q.EstimatedWait.FromMinutes), served.Max(q => q.EstimatedWait.ToMinutes));
    }

    /// <summary>The wait as the hall reads it, in Kazakh and Russian.</summary>
    public static string Text(WaitRangeDto? range) => range switch
    {
        null => "—",
        { Basis: WaitBases.NoDeskOpen } => "Терезе ашық емес / Окна закрыты",
        _ => $"{range.FromMinutes}–{range.ToMinutes} мин",
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
