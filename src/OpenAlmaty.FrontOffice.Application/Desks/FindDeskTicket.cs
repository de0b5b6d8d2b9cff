using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Calendar;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Desks;

/// <summary>
/// Finds today's tickets of a desk's services (and those it parked) by the number a visitor reads out:
/// "E-012", "e12" and "12" all find E-012; numbers restart each day, so only today's count.
/// </summary>
public sealed class FindDeskTicket(FrontOfficeDb db, TimeProvider clock)
{
    public const int MaxFound = 20;

    public async Task<IReadOnlyList<FoundTicketDto>> HandleAsync(Actor actor, int deskId, string number, CancellationToken ct)
    {
        var desk = await DeskAccess.RequireAsync(db, actor, deskId, ct);
        if (Parse(number) is not var (prefix, n))
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = AlmatyClock.ServiceDay(now);
        var serviceIds = desk.Services.Select(s => s.ServiceId).ToList();
        var query = db.Tickets.AsNoTracking()
            .Where(t => t.ServiceDay == today && t.Number == n && (serviceIds.Contains(t.ServiceId) || t.ParkedByDeskId == desk.Id));
        if (prefix.Length > 0)
        {
            query = query.Where(t => t.Prefix == prefix);
        }

        var tickets = await query.OrderBy(t => t.Prefix).Take(MaxFound).ToListAsync(ct);
        var windows = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.RejoinWindowMinutes, ct);
        var deskIds = tickets.Select(t => t.DeskId).OfType<int>().Distinct().ToList();
        var desks = await db.Desks.AsNoTracking().Where(d => deskIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Number, ct);
        return tickets.Select(t => new FoundTicketDto(t.Id, t.DisplayNumber, t.ServiceId, t.State.ToString(),
                t.State is TicketState.Called or TicketState.Serving && t.DeskId is { } d ? desks.GetValueOrDefault(d) : null,
                t.Version,
                t.State == TicketState.NoShow && t.ClosedAt is { } closed && windows.TryGetValue(t.ServiceId, out var w)
                    ? TicketView.Utc(closed.AddMinutes(w)) : null))
            .ToList();
    }

    /// <summary>
    /// The prefix (maybe empty) and the number typed; null when no number is in it. A prefix may hold digits
    /// ("A1-005"), so a dash or a space splits first; Cyrillic letters that look Latin (a Russian or Kazakh
    /// keyboard layout) read as the Latin ones prefixes are made of.
    /// </summary>
    public static (string Prefix, int Number)? Parse(string? typed)
    {
        var text = new string((typed ?? "").Trim().ToUpperInvariant().Select(Latin).ToArray());
        var cut = text.LastIndexOfAny(['-', ' ', '–']);
        var start = cut >= 0 ? cut + 1 : text.Length - text.Reverse().TakeWhile(char.IsAsciiDigit).Count();
        var prefix = new string(text[..start].Where(c => c is not ('-' or ' ' or '–')).ToArray());
        var digits = text[start..];
        var prefixOk = prefix.Length == 0 || (char.IsAsciiLetter(prefix[0]) && prefix.All(char.IsAsciiLetterOrDigit));
        return prefixOk && digits.Length is > 0 and <= 6 && digits.All(char.IsAsciiDigit)
            ? (prefix, int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture))
            : null;
    }

    private static char Latin(char c) => "АВЕКМНОРСТХ".IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? "ABEKMHOPCTX"[i] : c;
}
