using System.Collections.Concurrent;
using System.Diagnostics;

namespace OpenAlmaty.FrontOffice.Application.Common;

/// <summary>
/// What <see cref="CheckCaller"/> last read of an account or a device, kept for <see cref="Freshness"/>.
/// Every API request, hub invocation and page action asks whether its caller still may; one read
/// per caller every two seconds answers them all. A change made here (a lock, a new password, a
/// sign-out, a revocation) forgets the entry at once, so this server refuses the very next request;
/// another server sees it when its entry ages out.
/// </summary>
public sealed class CallerStandings
{
    /// <summary>The longest a taken power lasts on a server that did not take it.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<object, (object? Standing, long ReadAt)> _read = new();

    public async Task<T> ReadAsync<T>(object caller, Func<Task<T>> read)
    {
        // Wall time, not the hall's clock: the age of a read, which a clock set for a test or a day change must not stretch.
        var now = Stopwatch.GetTimestamp();
        if (_read.TryGetValue(caller, out var known) && Stopwatch.GetElapsedTime(known.ReadAt, now) < Freshness && known.Standing is T standing)
        {
            return standing;
        }

        var fresh = await read();
        // A null (an account gone) is not kept: asking again costs little, and nothing stale is left.
        if (fresh is not null)
        {
            _read[caller] = (fresh, now);
        }
        else
        {
            _read.TryRemove(caller, out _);
        }

        return fresh;
    }

    /// <summary>After a committed change to the caller's powers: the next check reads again.</summary>
    public void Forget(object caller) => _read.TryRemove(caller, out _);
}
