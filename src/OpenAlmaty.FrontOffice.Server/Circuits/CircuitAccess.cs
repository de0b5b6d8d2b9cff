using System.Security.Claims;
using OpenAlmaty.FrontOffice.Server.Auth;

namespace OpenAlmaty.FrontOffice.Server.Circuits;

/// <summary>
/// The powers of the one staff member or device a Blazor circuit acts for. A circuit keeps the
/// user it opened with as long as the page stays open, so a lock, a new password or a revoked
/// device would never reach it: this asks the database again, before every action
/// (<see cref="CircuitActions"/>) and every two seconds (<see cref="CircuitAuthentication"/>), and
/// keeps the first refusal, so that every page of the circuit can say why and none acts again.
/// </summary>
public sealed class CircuitAccess(CallerPowers powers)
{
    private string? _endedBecause;
    private event Action? Ended;

    /// <summary>The problem type of the refusal that ended the circuit's powers, or null while they last.</summary>
    public string? EndedBecause => Volatile.Read(ref _endedBecause);

    /// <param name="scope">The caller's DI scope: the read runs on its DbContext.</param>
    /// <returns>Null while <paramref name="user"/> may act; else the problem type of the refusal.</returns>
    public async Task<string?> CheckAsync(ClaimsPrincipal user, IServiceProvider scope, CancellationToken ct)
    {
        // Powers once ended stay ended: a stamp never comes back, a revoked device is never re-admitted.
        if (EndedBecause is { } ended)
        {
            return ended;
        }

        var refusal = await powers.RefusalAsync(user, scope, ct);
        if (refusal is not null && Interlocked.CompareExchange(ref _endedBecause, refusal, null) is null)
        {
            Ended?.Invoke();
        }

        return EndedBecause;
    }

    /// <summary>
    /// Calls <paramref name="onEnded"/> once, when the circuit's powers end (at once if they have),
    /// until disposed. It may come from the watch's thread: components go through <c>InvokeAsync</c>.
    /// </summary>
    public IDisposable OnEnded(Action onEnded)
    {
        Ended += onEnded;
        if (EndedBecause is not null)
        {
            onEnded();
        }

        return new Subscription(() => Ended -= onEnded);
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
