namespace OpenAlmaty.FrontOffice.Persistence;

/// <summary>The ratio state of a service's queue for one service day.</summary>
public sealed class QueueCounter
{
    public int ServiceId { get; init; }
    public DateOnly ServiceDay { get; set; }
    public int? RegularsSincePriority { get; set; }
}
