using System.Text.Json.Serialization;

namespace OpenAlmaty.FrontOffice.Contracts;

/// <summary>
/// The server-to-client events of hub <see cref="FrontOfficeRoutes.Hub"/>. Every event carries a
/// monotonically increasing <c>Seq</c>; a client that reconnects asks for what it missed after the last
/// <c>Seq</c> it handled (<see cref="IFrontOfficeHub.GetEventsAfter"/>), or, with no <c>Seq</c> of today, calls
/// <see cref="IFrontOfficeHub.GetSnapshot"/> and drops events whose <c>Seq</c> is not above the snapshot's.
/// No event carries personal data.
/// </summary>
public interface IFrontOfficeClient
{
    Task TicketIssued(TicketIssuedEvent e);
    Task TicketCalled(TicketCalledEvent e);
    Task TicketRecalled(TicketRecalledEvent e);
    Task TicketClosed(TicketClosedEvent e);
    Task QueueChanged(QueueChangedEvent e);
    Task DeviceStatusChanged(DeviceStatusChangedEvent e);
    Task ReceptionChanged(ReceptionChangedEvent e);
    Task RosterChanged(RosterChangedEvent e);

    /// <summary>An admin asked one display to show and say a test call (no ticket: nothing is queued).</summary>
    Task DisplayTestCalled(DisplayTestCalledEvent e);
}

/// <summary>Methods a hub client may call.</summary>
public interface IFrontOfficeHub
{
    /// <summary>The hall's current state and the <c>Seq</c> it is valid at.</summary>
    Task<SnapshotDto> GetSnapshot();

    /// <summary>
    /// The hall events kept for today (Asia/Almaty) with a <c>Seq</c> above <paramref name="seq"/>, oldest first, at most
    /// <see cref="HallEventsDto.PageSize"/>: a client that was away asks from the last <c>Seq</c> it handled and again from
    /// the last one returned while <see cref="HallEventsDto.More"/> says so. Also <c>GET /api/events?afterSeq=</c>.
    /// </summary>
    Task<HallEventsDto> GetEventsAfter(long seq);

    /// <summary>Calls the next visitor to a desk (officer of that desk); null when nobody waits.</summary>
    Task<TicketDto?> CallNext(int deskId, string idempotencyKey);

    /// <summary>
    /// A kiosk's print agent offers itself (kiosk device token): from now on this connection gets
    /// the kiosk's print jobs through <see cref="IPrintAgentClient.Print"/>. Called again after every reconnect.
    /// </summary>
    Task RegisterPrintAgent();

    /// <summary>The print agent's periodic word on its printer: <c>ready</c>, <c>paper-out</c>, <c>cover-open</c> ….</summary>
    Task ReportPrinterStatus(string status);
}

/// <summary>What the server asks of a kiosk's print agent (a SignalR client result).</summary>
public interface IPrintAgentClient
{
    /// <summary>Print this job once: ask the printer's status first and send nothing to a printer that cannot print.</summary>
    Task<PrintAgentResult> Print(PrintAgentJob job);
}

/// <summary>The ESC/POS bytes of one ticket, rendered by the server for the kiosk's printer profile.</summary>
public sealed record PrintAgentJob(Guid JobId, byte[] Bytes);

/// <summary><c>Status</c> is <c>ready</c> when printed, else the fault (<c>paper-out</c>, <c>unreachable</c> …).</summary>
public sealed record PrintAgentResult(bool Printed, string Status, string? Detail);

/// <summary>
/// An event of the hall: one of the <see cref="IFrontOfficeClient"/> payloads, with its place in the one <c>seq</c> order.
/// Where events of several kinds travel in one list (<see cref="HallEventsDto"/>) each carries <c>type</c>, the name of
/// the client method that delivers it live.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TicketIssuedEvent), nameof(IFrontOfficeClient.TicketIssued))]
[JsonDerivedType(typeof(TicketCalledEvent), nameof(IFrontOfficeClient.TicketCalled))]
[JsonDerivedType(typeof(TicketRecalledEvent), nameof(IFrontOfficeClient.TicketRecalled))]
[JsonDerivedType(typeof(TicketClosedEvent), nameof(IFrontOfficeClient.TicketClosed))]
[JsonDerivedType(typeof(QueueChangedEvent), nameof(IFrontOfficeClient.QueueChanged))]
[JsonDerivedType(typeof(DeviceStatusChangedEvent), nameof(IFrontOfficeClient.DeviceStatusChanged))]
[JsonDerivedType(typeof(ReceptionChangedEvent), nameof(IFrontOfficeClient.ReceptionChanged))]
[JsonDerivedType(typeof(RosterChangedEvent), nameof(IFrontOfficeClient.RosterChanged))]
[JsonDerivedType(typeof(DisplayTestCalledEvent), nameof(IFrontOfficeClient.DisplayTestCalled))]
public interface IHallEvent
{
    long Seq { get; }
}

public sealed record TicketIssuedEvent(long Seq, string TicketNumber, int ServiceId, DateTimeOffset IssuedAt, bool IsTraining) : IHallEvent;

public sealed record TicketCalledEvent(long Seq, string TicketNumber, string DeskNumber, int ServiceId, DateTimeOffset CalledAt) : IHallEvent;

public sealed record TicketRecalledEvent(long Seq, string TicketNumber, string DeskNumber, int ServiceId, int RecallCount, DateTimeOffset RecalledAt) : IHallEvent;

public sealed record TicketClosedEvent(long Seq, string TicketNumber, int ServiceId, string State, DateTimeOffset ClosedAt) : IHallEvent;

public sealed record QueueChangedEvent(long Seq, int ServiceId, int Waiting, WaitRangeDto EstimatedWait) : IHallEvent;

public sealed record DeviceStatusChangedEvent(long Seq, Guid DeviceId, string Status) : IHallEvent;

public sealed record ReceptionChangedEvent(long Seq, Guid SessionId) : IHallEvent;

public sealed record RosterChangedEvent(long Seq) : IHallEvent;

/// <summary>
/// A page of the day's hall events after the <c>seq</c> asked for, in <c>seq</c> order with no gap. <see cref="More"/>:
/// more followed than one page holds (ask again from the last event's <c>Seq</c>). <see cref="LatestSeq"/>: the newest
/// event written; a client whose own <c>seq</c> is above it holds a log that no longer exists (the database was
/// restored) and starts again from a snapshot.
/// </summary>
public sealed record HallEventsDto(IReadOnlyList<IHallEvent> Events, bool More, long LatestSeq)
{
    /// <summary>The most events one answer holds.</summary>
    public const int PageSize = 500;
}

/// <summary>The hall's state at <see cref="Seq"/>.</summary>
public sealed record SnapshotDto(
    long Seq,
    DateOnly ServiceDay,
    IReadOnlyList<ServiceQueueDto> Queues,
    IReadOnlyList<RecentCallDto> RecentCalls,
    IReadOnlyList<DeskStatusDto> Desks);

public sealed record ServiceQueueDto(int ServiceId, int Waiting, int OpenDesks, WaitRangeDto EstimatedWait);

public sealed record RecentCallDto(string TicketNumber, string DeskNumber, int ServiceId, DateTimeOffset CalledAt, string State);

public sealed record DeskStatusDto(int DeskId, string Number, bool IsOpen, string? CurrentTicket);

/// <summary>
/// What a hall display shows: its settings, per agency the waiting count and wait range, and the
/// latest calls. <c>Layout</c>: <c>hall</c> (every agency) or <c>group</c> (agencies of one kind,
/// <c>Group</c>: <c>agency</c>, <c>district</c>, <c>mediator</c>, <c>reception</c>). <c>Sound</c>:
/// <c>voice</c>, <c>chime</c> or <c>off</c>. <c>TickerHtml</c> is as the admin wrote it: a client sanitizes it before showing it.
/// </summary>
public sealed record DisplayBoardDto(
    long Seq,
    string Name,
    string Layout,
    string? Group,
    string Sound,
    string TickerHtml,
    bool IsTraining,
    IReadOnlyList<DisplayAgencyDto> Agencies,
    IReadOnlyList<RecentCallDto> RecentCalls);

/// <summary>One agency on a board with the queues of its services, which <c>QueueChanged</c> events then keep current.</summary>
public sealed record DisplayAgencyDto(int Id, string Kind, string NameKk, string NameRu, IReadOnlyList<ServiceQueueDto> Queues);

/// <summary>
/// An admin's test of one display (<see cref="DeviceId"/>): that display flashes and says a test call
/// with its own sound setting, the others ignore it. No ticket exists and nothing is queued.
/// </summary>
public sealed record DisplayTestCalledEvent(long Seq, Guid DeviceId, DateTimeOffset At) : IHallEvent;
