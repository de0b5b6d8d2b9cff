namespace OpenAlmaty.FrontOffice.Persistence;

/// <summary>
/// An event written in the same transaction as the change it reports. Its <see cref="Seq"/> is
/// the hub's <c>seq</c>: SQLite serializes writers, so ids grow in commit order, and a dispatcher
/// publishes them in that order after the commit (nothing is published for a rolled-back change).
/// </summary>
public sealed class OutboxEvent
{
    public long Seq { get; init; }
    public required string Type { get; init; }
    public required string Payload { get; init; }
    public DateTime CreatedAt { get; init; }
}
