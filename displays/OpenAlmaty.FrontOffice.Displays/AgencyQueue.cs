using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Displays;

/// <summary>An agency's line on a board, from the queues of its services.</summary>
public static class AgencyQueue
{
    public static int Waiting(DisplayAgencyDto agency) => agency.Queues.Sum(q => q.Waiting);

    /// <summary>
    /// The rows of a board: the agencies where somebody waits, in the roster's order, and how many
    /// have nobody waiting. Those share one line at the end: a visitor always looks for an agency
    /// with a queue (their own ticket is in it), and a page of zeros would only lengthen the cycle.
    /// </summary>
    public static (IReadOnlyList<DisplayAgencyDto> Waiting, int Idle) Rows(IEnumerable<DisplayAgencyDto> agencies)
    {
        var all = agencies.ToList();
        var waiting = all.Where(a => Waiting(a) > 0).ToList();
        return (waiting, all.Count - waiting.Count);
    }

    /// <summary>The wait across the services where somebody waits (<see cref="WaitRangeDto.Across"/>).</summary>
    public static WaitRangeDto? Range(DisplayAgencyDto agency) =>
        WaitRangeDto.Across(agency.Queues.Where(q => q.Waiting > 0).Select(q => q.EstimatedWait).ToList());

    /// <summary>The wait as the hall reads it, in Kazakh and Russian.</summary>
    public static string Text(WaitRangeDto? range) => string.Join(" / ", Lines(range).Select(l => l.Text));

    /// <summary>The same, a line per language (one line where both read alike, "10–25 мин"), for a board to set one under the other.</summary>
    public static IReadOnlyList<(string Language, string Text)> Lines(WaitRangeDto? range) => range switch
    {
        null => [("kk", "—")],
        { Basis: WaitBases.Estimate } => [("kk", WaitWords.Text(range, "kk"))],
        _ => [("kk", WaitWords.Text(range, "kk")), ("ru", WaitWords.Text(range, "ru"))],
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
