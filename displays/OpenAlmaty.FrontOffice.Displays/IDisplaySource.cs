using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Displays;

/// <summary>What a hall display needs from the server: its board for the enrolled display, and the hall's events.</summary>
public interface IDisplaySource
{
    Task<DisplayBoardDto> LoadAsync(CancellationToken ct);

    /// <summary>The enrolled display this page is for: a test call (<see cref="DisplayTestCalledEvent"/>) is meant for one display only.</summary>
    Task<Guid> DeviceIdAsync(CancellationToken ct);

    /// <summary>The office's time zone, for the clock on the board (the server owns it: Domain's AlmatyClock).</summary>
    TimeZoneInfo Zone { get; }

    /// <summary>Calls <paramref name="onEvent"/> with each hall event after <paramref name="afterSeq"/> (the board's),
    /// in <c>seq</c> order and once, until disposed: nothing committed between the load and the subscription is missed.</summary>
    IDisposable Subscribe(long afterSeq, Action<IHallEvent> onEvent);

    /// <summary>Today's hall events after <paramref name="afterSeq"/>, a page at a time (<see cref="HallEventsDto.More"/>), from
    /// the server's log: what a page that was away missed, even when the server restarted meanwhile.</summary>
    Task<HallEventsDto> EventsAfterAsync(long afterSeq, CancellationToken ct);

    /// <summary>Calls <paramref name="onEnded"/> once if this display is revoked while its page is open (noticed within seconds), until disposed.</summary>
    IDisposable OnEnrolmentEnded(Action onEnded);
}
