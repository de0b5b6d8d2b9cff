using System.Net;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;

namespace OpenAlmaty.FrontOffice.Server.Auth;

/// <summary>
/// The one limit on guessing passwords, for every way of giving one (the API's login, the /login
/// page, the first-sign-in password change). Nothing here locks an account: an attacker who types
/// wrong passwords is slowed, the owner is not kept out.
/// <list type="bullet">
/// <item>Per address: at most <see cref="FrontOfficeOptions.LoginAttemptsPerMinute"/> attempts a minute,
/// and after <see cref="FreePerAddress"/> failures within <see cref="Window"/> each next attempt waits
/// twice as long as the last (1 s, 2 s, 4 s … at most <see cref="MaxAddressDelay"/>).</item>
/// <item>Per account name (existing or not, so the answer tells nothing): after <see cref="FreePerAccount"/>
/// failures from anywhere within the window, 1 s, 2 s … at most <see cref="MaxAccountDelay"/> — a slow
/// trickle for a spread-out attack, a short wait at worst for the owner. The account's owner at an
/// address they signed in from before (within 30 days) is not held by it at all.</item>
/// </list>
/// Kept in memory: a restart forgets it, which only forgives. Addresses behind a proxy are the proxy's;
/// an IPv6 address counts by its /64, which one machine holds whole.
/// </summary>
public sealed class SignInGuard(TimeProvider clock, IOptions<FrontOfficeOptions> options, ILogger<SignInGuard> log)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxAddressDelay = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxAccountDelay = TimeSpan.FromMinutes(1);
    public const int FreePerAddress = 5;
    public const int FreePerAccount = 10;
    private static readonly TimeSpan KnownFor = TimeSpan.FromDays(30);
    private const int MaxEntries = 50_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Failures> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _minutes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _known = new(StringComparer.Ordinal);

    /// <summary>Whether an attempt may be made now (and counts it), or how long to wait.</summary>
    public (bool Allowed, TimeSpan RetryAfter) Attempt(string? userName, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        var (account, from) = (AccountKey(userName), AddressKey(address));
        lock (_lock)
        {
            var wait = Max(Delay(from, FreePerAddress, MaxAddressDelay, now),
                _known.TryGetValue(Pair(account, from), out var known) && now - known < KnownFor ? TimeSpan.Zero : Delay(account, FreePerAccount, MaxAccountDelay, now));
            (DateTimeOffset Start, int Count) minute = _minutes.TryGetValue(from, out var m) && now - m.Start < TimeSpan.FromMinutes(1) ? m : (now, 0);
            if (minute.Count >= options.Value.LoginAttemptsPerMinute)
            {
                wait = Max(wait, minute.Start + TimeSpan.FromMinutes(1) - now);
            }

            if (wait > TimeSpan.Zero)
            {
                return (false, Ceiling(wait));
            }

            _minutes[from] = (minute.Start, minute.Count + 1);
            return (true, TimeSpan.Zero);
        }
    }

    /// <summary>A wrong password (or an unknown name, which is the same to the caller).</summary>
    public void Failed(string? userName, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            Prune(now);
            foreach (var key in new[] { AccountKey(userName), AddressKey(address) })
            {
                if (!_failures.TryGetValue(key, out var failures))
                {
                    _failures[key] = failures = new Failures();
                }

                failures.Add(now);
            }

            if (_failures[AddressKey(address)].Count(now) == FreePerAddress + 1)
            {
                Log.Slowed(log, address?.ToString() ?? "unknown");
            }
        }
    }

    /// <summary>The right password: the account's failures are forgiven and this address is the owner's from now on.</summary>
    public void Succeeded(string userName, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            var account = AccountKey(userName);
            _failures.Remove(account);
            _known[Pair(account, AddressKey(address))] = now;
        }
    }

    private TimeSpan Delay(string key, int free, TimeSpan max, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            return TimeSpan.Zero;
        }

        var count = failures.Count(now);
        if (count < free)
        {
            return TimeSpan.Zero;
        }

        var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, count - free), max.TotalSeconds));
        return failures.Last + delay - now;
    }

    /// <summary>Bounded memory: what is older than the window goes; a flood of new names drops the oldest half.</summary>
    private void Prune(DateTimeOffset now)
    {
        if (_failures.Count + _known.Count + _minutes.Count < MaxEntries)
        {
            return;
        }

        foreach (var key in _failures.Where(f => f.Value.Count(now) == 0).Select(f => f.Key).ToList())
        {
            _failures.Remove(key);
        }

        foreach (var key in _minutes.Where(m => now - m.Value.Start > TimeSpan.FromMinutes(1)).Select(m => m.Key).ToList())
        {
            _minutes.Remove(key);
        }

        foreach (var key in _known.Where(k => now - k.Value > KnownFor).Select(k => k.Key).ToList())
        {
            _known.Remove(key);
        }

        if (_failures.Count >= MaxEntries / 2)
        {
            foreach (var key in _failures.OrderBy(f => f.Value.Last).Take(_failures.Count / 2).Select(f => f.Key).ToList())
            {
                _failures.Remove(key);
            }
        }
    }

    private static string AccountKey(string? userName) => "u:" + (userName ?? "").Trim().ToUpperInvariant();

    private static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "a:unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && !IPAddress.IsLoopback(address))
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }

        return "a:" + address;
    }

    private static string Pair(string account, string address) => account + "|" + address;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Ceiling(TimeSpan wait) => TimeSpan.FromSeconds(Math.Ceiling(wait.TotalSeconds));

    /// <summary>The times of the failures within the window (the newest 64 are enough to decide).</summary>
    private sealed class Failures
    {
        private readonly Queue<DateTimeOffset> _times = new();

        public DateTimeOffset Last { get; private set; }

        public void Add(DateTimeOffset at)
        {
            _times.Enqueue(at);
            Last = at;
            while (_times.Count > 64)
            {
                _times.Dequeue();
            }
        }

        public int Count(DateTimeOffset now)
        {
            while (_times.Count > 0 && now - _times.Peek() > Window)
            {
                _times.Dequeue();
            }

            return _times.Count;
        }
    }
}

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Repeated failed sign-ins from {Address}: its attempts are now slowed down")]
    public static partial void Slowed(ILogger logger, string address);
}
