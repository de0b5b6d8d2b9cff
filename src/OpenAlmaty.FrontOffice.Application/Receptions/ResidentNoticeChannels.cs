using OpenAlmaty.FrontOffice.Application.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Receptions;

/// <summary>One message to one resident, in Kazakh then Russian.</summary>
public sealed record ResidentMessage(long NoticeId, string Kind, string Phone, string Code, string Text);

/// <summary>
/// A way to reach residents besides the staff "to call" list: an SMS or e-mail gateway registers
/// one of these. <see cref="SendAsync"/> answers whether the message went out; one that did not
/// stays on the "to call" list.
/// </summary>
public interface IResidentNoticeChannel
{
    string Name { get; }

    Task<bool> SendAsync(ResidentMessage message, CancellationToken ct);
}

/// <summary>
/// Hands the notices still owed to the registered channels. A notice whose booking has changed
/// since (a newer version) is never sent: the resident hears only about the booking as it is.
/// With no channel registered every notice waits for staff on the "to call" list.
/// </summary>
public sealed class DeliverResidentNotices(FrontOfficeDb db, IEnumerable<IResidentNoticeChannel> channels, TimeProvider clock)
{
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var available = channels.ToList();
        if (available.Count == 0)
        {
            return 0;
        }

        var owed = await (
            from n in db.ResidentNotices.AsNoTracking()
            where n.DoneAt == null && !n.Stale
            join b in db.Bookings on n.BookingId equals b.Id
            join s in db.ReceptionSessions on b.SessionId equals s.Id
            orderby n.Id
            select new { Notice = n, b.Version, b.Phone, b.Code, s.DeputyName, s.Date, b.SlotStart })
            .Take(200).ToListAsync(ct);
        var stale = new List<long>();
        var delivered = new List<(long Id, DateTime At, string By)>();
        foreach (var item in owed)
        {
            if (item.Notice.BookingVersion != item.Version)
            {
                stale.Add(item.Notice.Id);
                continue;
            }

            var message = new ResidentMessage(item.Notice.Id, item.Notice.Kind, item.Phone, item.Code,
                Text(item.Notice.Kind, item.DeputyName, item.Date, item.SlotStart, item.Code));
            foreach (var channel in available)
            {
                if (await channel.SendAsync(message, ct))
                {
                    delivered.Add((item.Notice.Id, clock.GetUtcNow().UtcDateTime, channel.Name));
                    break;
                }
            }
        }

        // Sent outside any transaction (a gateway may be slow); what went out is recorded after, in one.
        await Transactions.RunAsync(db, async ct =>
        {
            var ids = stale.Concat(delivered.Select(d => d.Id)).ToList();
            var notices = await db.ResidentNotices.Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
            stale.ForEach(id => notices[id].Stale = true);
            foreach (var (id, at, by) in delivered)
            {
                notices[id].DoneAt ??= at;
                notices[id].DoneBy ??= by;
            }

            return true;
        }, ct);
        return delivered.Count;
    }

    public static string Text(string kind, string deputy, DateOnly date, TimeOnly? slot, string code)
    {
        var when = $"{date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}{(slot is { } t ? " " + ReceptionView.Time(t) : "")}";
        var (kk, ru) = kind switch
        {
            "booked" => ($"Сіз {deputy} қабылдауына жазылдыңыз: {when}.", $"Вы записаны на приём к {deputy}: {when}."),
            "waiting-list" => ($"Сіз {deputy} қабылдауының күту тізіміндесіз ({when}).", $"Вы в листе ожидания приёма {deputy} ({when})."),
            "place-offered" => ($"Сізге орын ұсынылды: {deputy}, {when}. Растаңыз.", $"Вам предложено место: {deputy}, {when}. Подтвердите."),
            "moved" => ($"Қабылдау ауыстырылды: {deputy}, {when}.", $"Приём перенесён: {deputy}, {when}."),
            "cancelled" => ($"Жазылуыңыз болдырылмады ({deputy}, {when}).", $"Ваша запись отменена ({deputy}, {when})."),
            _ => ($"Жазылу өзгерді: {when}.", $"Запись изменена: {when}."),
        };
        return $"{kk} / {ru} Код: {code}. Open Almaty";
    }
}
