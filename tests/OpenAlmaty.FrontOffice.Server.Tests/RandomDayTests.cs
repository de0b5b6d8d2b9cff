using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Receptions;
using OpenAlmaty.FrontOffice.Domain.Tickets;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>
/// A seeded random day through the real API: walk-ins in every tier, reception check-ins, calls,
/// recalls, no-shows and rejoins, parks, transfers with and without a named desk, desks opening
/// and closing, the clock moving. After every step what people are shown must be what happens:
/// each call takes the head of the officer's list, a drained desk calls exactly its list in order,
/// a new ticket stands where the kiosk said in the status API and the console, and the hall's
/// <c>QueueChanged</c> figures equal a recount.
/// </summary>
public sealed class RandomDayTests : IAsyncLifetime
{
    private const int Steps = 2000;
    private const int DrainEvery = 250;

    private readonly FrontOfficeApp _app = new();
    private Scenario _hall = null!;
    private HttpClient _kiosk = null!;
    private HttpClient _officer = null!;
    private HttpClient _phone = null!;
    private readonly Random _random = new(20261204);

    // What the test knows of the hall, kept beside the server's own state.
    private readonly Dictionary<int, int[]> _deskServices = [];
    private readonly Dictionary<int, bool> _open = [];
    private readonly Dictionary<int, TicketDto?> _atDesk = [];
    private readonly Dictionary<Guid, string> _publicIds = [];
    private readonly List<Guid> _parked = [];
    private readonly List<(Guid Id, DateTimeOffset At)> _noShows = [];
    private readonly Dictionary<Guid, int> _reservedFor = [];
    private readonly Queue<string> _bookingCodes = new();
    private int _reception, _walkIn, _calls, _drained;

    public async Task InitializeAsync()
    {
        _hall = await Scenario.StartAsync(_app);
        _kiosk = _app.Client(_hall.Kiosk);
        _phone = _app.Client(Caller.Anonymous);
        _reception = _hall.Service("personal-reception").Id;
        _walkIn = _hall.Roster.Agencies.SelectMany(a => a.Services).First(s => s.Id != _reception && s.Kind == AgencyKindDto.Agency).Id;

        using var admin = _app.Client(_hall.Admin);
        var receptionDesk = _hall.DeskOf("personal-reception").Id;
        var desks = new Dictionary<int, int[]> { [receptionDesk] = [_reception] };
        foreach (var (number, services) in new[] { ("R2", new[] { _reception }), ("W1", new[] { _walkIn }), ("RW", new[] { _reception, _walkIn }) })
        {
            var created = await (await admin.PostAsJsonAsync("/api/admin/desks", new CreateDeskRequest(number, services))).OkAsync<CreatedDto>();
            desks[created.Id] = services;
        }

        foreach (var (id, services) in desks)
        {
            (_deskServices[id], _open[id], _atDesk[id]) = (services, false, null);
        }

        _officer = _app.Client(await _app.OfficerAsync(_hall.Admin, "random-day", [.. desks.Keys]));

        // Today's personal receptions, booked ahead: residents check in during the day.
        var session = await (await admin.PostAsJsonAsync("/api/receptions/sessions", new CreateSessionRequest("Ахметов А.А.", null,
            DateOnly.FromDateTime(FrontOfficeApp.MondayMorning.AddHours(5).Date), "10:10", "17:50", 10, 1, receptionDesk))).OkAsync<ReceptionSessionDto>();
        var iins = Iins().GetEnumerator();
        foreach (var slot in session.Slots)
        {
            iins.MoveNext();
            var booked = await (await _kiosk.PostAsJsonAsync("/api/receptions/bookings", new BookReceptionRequest(session.Id, slot.Start,
                iins.Current, "Тұрғын", "+7 701 000 00 00", "housing", "Жарық / свет"))).OkAsync<BookingCreatedDto>();
            _bookingCodes.Enqueue(booked.Code);
        }
    }

    public async Task DisposeAsync()
    {
        _kiosk.Dispose();
        _officer.Dispose();
        _phone.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task What_the_hall_is_shown_is_the_order_in_which_it_is_called()
    {
        for (var step = 1; step <= Steps; step++)
        {
            var action = "?";
            try
            {
                action = await StepAsync();
                await QueueChangedEqualsRecountAsync();
                if (step % DrainEvery == 0)
                {
                    await DrainOneDeskAsync();
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new InvalidOperationException($"After step {step} ({action}): {e.Message}", e);
            }
        }

        // The day really happened: many calls, every kind of step, several whole lists called through.
        Assert.True(_calls > 250, $"only {_calls} calls");
        Assert.True(_drained >= 4, $"only {_drained} desks drained with visitors waiting");
    }

    private async Task<string> StepAsync()
    {
        var roll = _random.Next(100);
        var desk = _deskServices.Keys.ElementAt(_random.Next(_deskServices.Count));
        switch (roll)
        {
            case < 30:
                await IssueAsync();
                return "issue";
            case < 33 when _bookingCodes.Count > 0:
                await CheckInAsync();
                return "check-in";
            case < 40:
                await SetOpenAsync(desk, !_open[desk]);
                return _open[desk] ? $"open {desk}" : $"close {desk}";
            case < 62 when _open[desk] && _atDesk[desk] is null:
                await CallAsync(desk);
                return $"call {desk}";
            case < 72 when _atDesk[desk] is { } ticket:
                await ActAsync(desk, ticket, "complete");
                return $"complete {desk}";
            case < 76 when _atDesk[desk] is { } ticket:
                await RecallAsync(desk, ticket);
                return $"recall {desk}";
            case < 79 when _atDesk[desk] is { } ticket:
                await ActAsync(desk, ticket, "no-show");
                _noShows.Add((ticket.Id, _app.Clock.GetUtcNow()));
                return $"no-show {desk}";
            case < 82 when _atDesk[desk] is { } ticket:
                await ActAsync(desk, ticket, "park");
                _parked.Add(ticket.Id);
                return $"park {desk}";
            case < 85 when _parked.Count > 0:
                var parked = _parked[_random.Next(_parked.Count)];
                await (await _officer.ActAsync(parked, "unpark")).OkAsync<TicketDto>();
                _parked.Remove(parked);
                return "unpark";
            case < 87 when _noShows.Count > 0:
                var (gone, at) = _noShows[^1];
                _noShows.RemoveAt(_noShows.Count - 1);
                if (_app.Clock.GetUtcNow() - at < TimeSpan.FromMinutes(14))
                {
                    await (await _officer.ActAsync(gone, "rejoin")).OkAsync<TicketDto>();
                }

                return "rejoin";
            case < 92 when _atDesk[desk] is { } ticket:
                await TransferAsync(desk, ticket);
                return $"transfer {desk}";
            case >= 92:
                // About six hours of the day pass over the whole run.
                _app.Clock.Advance(TimeSpan.FromSeconds(_random.Next(0, 130)));
                return "clock";
            default:
                return "nothing (not possible now)";
        }
    }

    private async Task IssueAsync()
    {
        var service = _random.Next(2) == 0 ? _reception : _walkIn;
        var priority = _random.Next(4) == 0 ? TicketPriority.Elderly : TicketPriority.None;
        var issued = await _kiosk.IssuedAsync(service, priority);
        _publicIds[issued.Id] = issued.PublicId;
        await StandsWhereTheKioskSaidAsync(issued);
    }

    private async Task CheckInAsync()
    {
        var issued = await (await _kiosk.PostAsJsonAsync("/api/receptions/check-in", new CheckInRequest(_bookingCodes.Dequeue()))).OkAsync<TicketDto>();
        _publicIds[issued.Id] = issued.PublicId;
        Assert.Equal(WaitBases.Slot, issued.EstimatedWait.Basis);
        await StandsWhereTheKioskSaidAsync(issued);
    }

    /// <summary>The kiosk's answer, the phone's status page and the officer's list agree on a new ticket's place.</summary>
    private async Task StandsWhereTheKioskSaidAsync(TicketDto issued)
    {
        var status = (await _phone.GetFromJsonAsync<PublicTicketDto>($"/api/public/tickets/{issued.PublicId}"))!;
        Assert.Equal(issued.PeopleAhead, status.PeopleAhead);
        Assert.Equal(issued.EstimatedWait, status.EstimatedWait);
        Assert.Equal(issued.PeopleAhead + 1, status.Position);

        // A desk that serves only this service lists the service in its call order, when nobody waits for a named desk.
        if (_reservedFor.Keys.Any(id => _publicIds.ContainsKey(id)) || !_deskServices.Any(d => d.Value.SequenceEqual([issued.ServiceId])))
        {
            return;
        }

        var desk = _deskServices.First(d => d.Value.SequenceEqual([issued.ServiceId])).Key;
        var list = await ListAsync(desk);
        Assert.Equal(issued.PeopleAhead, list.FindIndex(t => t.Id == issued.Id));
    }

    private async Task SetOpenAsync(int desk, bool open)
    {
        var response = open
            ? await _officer.PostAsync(new Uri($"/api/desks/{desk}/open", UriKind.Relative), null)
            : await _officer.PostAsJsonAsync($"/api/desks/{desk}/close", new CloseDeskRequest("break"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        _open[desk] = open;
    }

    /// <summary>Call-next takes exactly the head of the list the officer sees.</summary>
    private async Task CallAsync(int desk)
    {
        var list = await ListAsync(desk);
        var response = await _officer.CallNextAsync(desk);
        if (list.Count == 0)
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            return;
        }

        var called = await response.OkAsync<TicketDto>();
        Assert.Equal(list[0].Number, called.Number);
        _atDesk[desk] = called;
        _reservedFor.Remove(called.Id);
        _calls++;
    }

    private async Task RecallAsync(int desk, TicketDto ticket)
    {
        var after = await (await _officer.ActAsync(ticket.Id, "recall")).OkAsync<TicketDto>();
        _atDesk[desk] = after.State == nameof(TicketState.NoShow) ? null : after;
    }

    private async Task ActAsync(int desk, TicketDto ticket, string action)
    {
        await (await _officer.ActAsync(ticket.Id, action)).OkAsync<TicketDto>();
        _atDesk[desk] = null;
    }

    private async Task TransferAsync(int desk, TicketDto ticket)
    {
        var to = ticket.ServiceId == _reception ? _walkIn : _reception;
        var named = _random.Next(2) == 0
            ? _deskServices.Where(d => d.Key != desk && d.Value.Contains(to)).Select(d => (int?)d.Key).FirstOrDefault()
            : null;
        await (await _officer.ActAsync(ticket.Id, "transfer", new TransferTicketRequest(to, "далее", ToDeskId: named))).OkAsync<TicketDto>();
        if (named is { } reserved)
        {
            _reservedFor[ticket.Id] = reserved;
        }

        _atDesk[desk] = null;
    }

    /// <summary>With nobody new arriving and the clock still, one desk calls its whole list, in the order shown.</summary>
    private async Task DrainOneDeskAsync()
    {
        var desk = _deskServices.Keys.FirstOrDefault(d => _atDesk[d] is null && _open[d]);
        if (desk == 0)
        {
            return;
        }

        var shown = (await ListAsync(desk)).Select(t => t.Number).ToList();
        var called = new List<string>();
        while (true)
        {
            var response = await _officer.CallNextAsync(desk);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                break;
            }

            var ticket = await response.OkAsync<TicketDto>();
            called.Add(ticket.Number);
            _calls++;
            _reservedFor.Remove(ticket.Id);
            await (await _officer.ActAsync(ticket.Id, "complete")).OkAsync<TicketDto>();
        }

        Assert.Equal(shown, called);
        _drained += shown.Count > 0 ? 1 : 0;
    }

    /// <summary>The desk's call order as its console shows it (tickets waiting for another named desk are listed after, marked).</summary>
    private async Task<List<WaitingTicketDto>> ListAsync(int desk)
    {
        var console = (await _officer.GetFromJsonAsync<DeskConsoleDto>($"/api/desks/{desk}/console"))!;
        var own = console.Waiting.TakeWhile(t => t.ReservedForDesk is null).ToList();
        Assert.All(console.Waiting.Skip(own.Count), t => Assert.NotNull(t.ReservedForDesk));
        return own;
    }

    /// <summary>The latest <c>QueueChanged</c> of each service says how many wait, and a wait only where a desk serves.</summary>
    private async Task QueueChangedEqualsRecountAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrontOfficeDb>();
        var from = FrontOfficeApp.MondayMorning.UtcDateTime.Date.AddHours(-5);
        foreach (var service in new[] { _reception, _walkIn })
        {
            var events = await db.OutboxEvents.AsNoTracking().Where(e => e.Type == nameof(IFrontOfficeClient.QueueChanged))
                .OrderByDescending(e => e.Seq).Take(20).ToListAsync();
            var last = events.Select(e => JsonSerializer.Deserialize<QueueChangedEvent>(e.Payload, JsonSerializerOptions.Web)!)
                .FirstOrDefault(e => e.ServiceId == service);
            if (last is null)
            {
                continue;
            }

            var waiting = await db.Tickets.CountAsync(t => t.ServiceId == service && t.State == TicketState.Waiting && t.ArrivedAt >= from);
            Assert.Equal(waiting, last.Waiting);
            var serving = _deskServices.Any(d => d.Value.Contains(service) && _open[d.Key]);
            Assert.Equal(serving ? WaitBases.Estimate : WaitBases.NoDeskOpen, last.EstimatedWait.Basis);
        }
    }

    private static IEnumerable<string> Iins()
    {
        for (var n = 10000; ; n++)
        {
            var first = "900101" + n.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            if (Iin.CheckDigit(first) is { } check)
            {
                yield return first + check;
            }
        }
    }
}
