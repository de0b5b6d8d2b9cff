using System.Text.Json;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Realtime;

/// <summary>Wakes whatever publishes the outbox after a commit.</summary>
public interface IOutboxSignal
{
    void Notify();
}

/// <summary>
/// Writes hall events into the outbox inside the use case's transaction, and reads them back
/// typed with their <c>Seq</c>. The row's type is the <see cref="IFrontOfficeClient"/> method
/// name of the event's record: one table below maps each record to its name, its decoding and
/// its client call. The transaction that wrote rows wakes the dispatcher itself after its commit
/// (<see cref="Common.Transactions"/>), so no use case pairs a write with a signal by hand.
/// </summary>
public static class Outbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Kind(string Name, Func<OutboxEvent, IHallEvent> Decode, Func<IFrontOfficeClient, IHallEvent, Task> Send);

    private static Kind Of<T>(string name, Func<T, long, T> withSeq, Func<IFrontOfficeClient, T, Task> send) where T : IHallEvent =>
        new(name, row => withSeq(JsonSerializer.Deserialize<T>(row.Payload, Json)!, row.Seq), (client, e) => send(client, (T)e));

    private static readonly Dictionary<Type, Kind> Kinds = new()
    {
        [typeof(TicketIssuedEvent)] = Of<TicketIssuedEvent>(nameof(IFrontOfficeClient.TicketIssued), (e, seq) => e with { Seq = seq }, (c, e) => c.TicketIssued(e)),
        [typeof(TicketCalledEvent)] = Of<TicketCalledEvent>(nameof(IFrontOfficeClient.TicketCalled), (e, seq) => e with { Seq = seq }, (c, e) => c.TicketCalled(e)),
        [typeof(TicketRecalledEvent)] = Of<TicketRecalledEvent>(nameof(IFrontOfficeClient.TicketRecalled), (e, seq) => e with { Seq = seq }, (c, e) => c.TicketRecalled(e)),
        [typeof(TicketClosedEvent)] = Of<TicketClosedEvent>(nameof(IFrontOfficeClient.TicketClosed), (e, seq) => e with { Seq = seq }, (c, e) => c.TicketClosed(e)),
        [typeof(QueueChangedEvent)] = Of<QueueChangedEvent>(nameof(IFrontOfficeClient.QueueChanged), (e, seq) => e with { Seq = seq }, (c, e) => c.QueueChanged(e)),
        [typeof(DeviceStatusChangedEvent)] = Of<DeviceStatusChangedEvent>(nameof(IFrontOfficeClient.DeviceStatusChanged), (e, seq) => e with { Seq = seq }, (c, e) => c.DeviceStatusChanged(e)),
        [typeof(ReceptionChangedEvent)] = Of<ReceptionChangedEvent>(nameof(IFrontOfficeClient.ReceptionChanged), (e, seq) => e with { Seq = seq }, (c, e) => c.ReceptionChanged(e)),
        [typeof(RosterChangedEvent)] = Of<RosterChangedEvent>(nameof(IFrontOfficeClient.RosterChanged), (e, seq) => e with { Seq = seq }, (c, e) => c.RosterChanged(e)),
        [typeof(DisplayTestCalledEvent)] = Of<DisplayTestCalledEvent>(nameof(IFrontOfficeClient.DisplayTestCalled), (e, seq) => e with { Seq = seq }, (c, e) => c.DisplayTestCalled(e)),
    };

    private static readonly Dictionary<string, Kind> ByName = Kinds.Values.ToDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>Adds the event to the transaction; its <c>Seq</c> is the row's, given at commit.</summary>
    public static void Add(FrontOfficeDb db, IHallEvent e, DateTime nowUtc)
    {
        db.OutboxEvents.Add(new OutboxEvent
        {
            Type = Kinds[e.GetType()].Name,
            Payload = JsonSerializer.Serialize(e, e.GetType(), Json),
            CreatedAt = nowUtc,
        });
        db.OutboxWritten = true;
    }

    /// <summary>The typed event with the outbox row's sequence number filled in.</summary>
    public static IHallEvent Decode(OutboxEvent row) =>
        ByName.TryGetValue(row.Type, out var kind) ? kind.Decode(row) : throw new InvalidOperationException($"Unknown outbox event type {row.Type}.");

    /// <summary>Sends a decoded event to the client method of its name.</summary>
    public static Task SendAsync(IFrontOfficeClient client, IHallEvent e) => Kinds[e.GetType()].Send(client, e);
}
