namespace OpenAlmaty.FrontOffice.Kiosk;

/// <summary>
/// Whether someone is still at the kiosk. Every touch, scroll or key restarts the quiet time; when it
/// runs out the kiosk asks "are you still there?" with a countdown, and only when that too runs out
/// does it give up (the kiosk returns to the start for the next visitor). A screen the visitor must
/// read or photograph asks for a longer quiet time.
/// </summary>
/// <param name="dispatch">Runs the tick where touches run (a component's <c>InvokeAsync</c>), so a touch and a tick never race.</param>
/// <param name="changed">The question appeared or its countdown moved.</param>
/// <param name="expired">Nobody answered: the watch has stopped.</param>
public sealed class IdleWatch(TimeProvider clock, Func<Action, Task> dispatch, Action changed, Action expired) : IDisposable
{
    /// <summary>How long the question stays with its countdown before the kiosk gives up.</summary>
    public static readonly TimeSpan AskFor = TimeSpan.FromSeconds(20);

    private ITimer? _tick;
    private DateTimeOffset _lastTouch;
    private TimeSpan _quiet;

    /// <summary>Whether the question is on the screen.</summary>
    public bool Asking { get; private set; }

    /// <summary>Whole seconds until the kiosk gives up, shown under the question.</summary>
    public int SecondsLeft { get; private set; }

    public bool Running => _tick is not null;

    /// <summary>Someone is here: the quiet time starts again (and the question, if shown, goes).</summary>
    public void Touch(TimeSpan quiet)
    {
        _lastTouch = clock.GetUtcNow();
        _quiet = quiet;
        Asking = false;
        // One tick a second: it moves the countdown, and a touch needs no timer of its own.
        _tick ??= clock.CreateTimer(_ => _ = dispatch(Tick), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Nothing to watch (the start screen as the next visitor finds it).</summary>
    public void Stop()
    {
        _tick?.Dispose();
        _tick = null;
        Asking = false;
    }

    private void Tick()
    {
        if (_tick is null)
        {
            return; // stopped while this tick waited for the dispatcher
        }

        var quietFor = clock.GetUtcNow() - _lastTouch;
        if (quietFor >= _quiet + AskFor)
        {
            Stop();
            expired();
            return;
        }

        if (quietFor >= _quiet)
        {
            Asking = true;
            SecondsLeft = (int)Math.Ceiling((_quiet + AskFor - quietFor).TotalSeconds);
            changed();
        }
    }

    public void Dispose() => Stop();
}
