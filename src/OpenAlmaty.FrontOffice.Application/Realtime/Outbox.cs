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
/// Writes hub events into the outbox inside the use case's transaction, and reads them back
/// typed with their <c>Seq</c>. The event's type is the <see cref="IFrontOfficeClient"/> method name.
/// </summary>
public static class Outbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Add(FrontOfficeDb db, string type, object payload, DateTime nowUtc) =>
        db.OutboxEvents.Add(new OutboxEvent
        {
            Type = type,
            Payload = JsonSerializer.Serialize(payload, payload.GetType(), Json),
            CreatedAt = nowUtc,
        });

    /// <summary>The typed event with the outbox row's sequence number filled in.</summary>
    public static object Decode(OutboxEvent row) => row.Type switch
    {
        nameof(IFrontOfficeClient.TicketIssued) => Read<TicketIssuedEvent>(row) with { Seq = row.Seq },
        nameof(IFrontOfficeClient.TicketCalled) => Read<TicketCalledEvent>(row) with { Seq = row.Seq },
        nameof(IFrontOfficeClient.TicketRecalled) => Read<TicketRecalledEvent>(row) with { Seq = row.Seq },
        nameof(IFrontOfficeClient.TicketClosed) => Read<TicketClosedEvent>(row) with { Seq = row.Seq },
        nameof(IFrontOfficeClient.QueueChanged) => Read<QueueChangedEvent>(row) with { Seq = row.Seq },
        nameof(IFrontOfficeClient.DeviceStatusChanged) => Read<DeviceStatusChangedEvent>(row) with { Seq = row.Seq },
        nameof(IFrontOfficeClient.ReceptionChanged) => Read<ReceptionChangedEvent>(row) with { Seq = row.Seq },
        nameof(IFrontOfficeClient.RosterChanged) => Read<RosterChangedEvent>(row) with { Seq = row.Seq },
        _ => throw new InvalidOperationException($"Unknown outbox event type {row.Type}."),
    };

    /// <summary>Sends a decoded event to the client method of the same name.</summary>
    public static Task SendAsync(IFrontOfficeClient client, object e) => e switch
    {
        TicketIssuedEvent x => client.TicketIssued(x),
        TicketCalledEvent x => client.TicketCalled(x),
        TicketRecalledEvent x => client.TicketRecalled(x),
        TicketClosedEvent x => client.TicketClosed(x),
        QueueChangedEvent x => client.QueueChanged(x),
        DeviceStatusChangedEvent x => client.DeviceStatusChanged(x),
        ReceptionChangedEvent x => client.ReceptionChanged(x),
        RosterChangedEvent x => client.RosterChanged(x),
        _ => throw new InvalidOperationException($"Unknown event {e.GetType().Name}."),
    };

    private static T Read<T>(OutboxEvent row) => JsonSerializer.Deserialize<T>(row.Payload, Json)!;
}
