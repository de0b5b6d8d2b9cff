using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Tests;

/// <summary>A server killed mid-burst loses no ticket whose 201 was sent, and numbers go on without a duplicate.</summary>
public sealed class CrashTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "oa-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Killing_the_server_during_a_burst_of_issues_loses_no_acknowledged_ticket()
    {
        var acknowledged = new ConcurrentBag<TicketDto>();
        string kioskToken;
        int[] serviceIds;
        await using (var server = await ServerProcess.StartAsync(_data))
        {
            (kioskToken, serviceIds) = await EnrolKioskAsync(server.Address);
            using var kiosk = Kiosk(server.Address, kioskToken);
            await KillDuringBurstAsync(server, Enumerable.Repeat(kiosk, 8).ToList(), serviceIds, acknowledged, until: 150);
        }

        Assert.True(acknowledged.Count >= 150);
        await using (var restarted = await ServerProcess.StartAsync(_data))
        {
            using var phone = new HttpClient { BaseAddress = restarted.Address };
            foreach (var ticket in acknowledged)
            {
                var status = await phone.GetFromJsonAsync<PublicTicketDto>($"/api/public/tickets/{ticket.PublicId}");
                Assert.Equal(ticket.Number, status!.Number);
                Assert.Equal("Waiting", status.State);
            }

            using var kiosk = Kiosk(restarted.Address, kioskToken);
            foreach (var serviceId in serviceIds)
            {
                var next = await kiosk.IssuedAsync(serviceId);
                var mine = acknowledged.Where(t => t.ServiceId == serviceId).Select(t => Number(t.Number)).DefaultIfEmpty(0).Max();
                Assert.True(Number(next.Number) > mine, $"{next.Number} follows every acknowledged number ({mine})");
            }
        }

        using var db = new SqliteConnection($"Data Source={Path.Combine(_data, "frontoffice.db")};Pooling=False");
        db.Open();
        using var duplicates = db.CreateCommand();
        duplicates.CommandText = "SELECT COUNT(*) FROM (SELECT 1 FROM Tickets GROUP BY ServiceDay, Prefix, Number HAVING COUNT(*) > 1)";
        Assert.Equal(0L, (long)duplicates.ExecuteScalar()!);
        using var gaps = db.CreateCommand();
        gaps.CommandText = "SELECT COUNT(*) FROM (SELECT Prefix FROM Tickets GROUP BY ServiceDay, Prefix HAVING MAX(Number) <> COUNT(*))";
        Assert.Equal(0L, (long)gaps.ExecuteScalar()!);
    }

    [Fact]
    public async Task Five_kills_during_bursts_of_16_kiosks_lose_no_acknowledged_ticket_of_any_group_commit()
    {
        var acknowledged = new ConcurrentBag<TicketDto>();
        string? kioskToken = null;
        int[] serviceIds = [];
        for (var round = 0; round < 5; round++)
        {
            await using var server = await ServerProcess.StartAsync(_data);
            if (kioskToken is null)
            {
                (kioskToken, serviceIds) = await EnrolKioskAsync(server.Address);
            }

            using var phone = new HttpClient { BaseAddress = server.Address };
            foreach (var ticket in acknowledged)
            {
                Assert.Equal(ticket.Number, (await phone.GetFromJsonAsync<PublicTicketDto>($"/api/public/tickets/{ticket.PublicId}"))!.Number);
            }

            var kiosks = Enumerable.Range(0, 16).Select(_ => Kiosk(server.Address, kioskToken)).ToList();
            await KillDuringBurstAsync(server, kiosks, serviceIds, acknowledged, until: acknowledged.Count + 80);
            kiosks.ForEach(k => k.Dispose());
        }

        await using (var last = await ServerProcess.StartAsync(_data))
        {
            using var phone = new HttpClient { BaseAddress = last.Address };
            foreach (var ticket in acknowledged)
            {
                var status = await phone.GetFromJsonAsync<PublicTicketDto>($"/api/public/tickets/{ticket.PublicId}");
                Assert.Equal((ticket.Number, "Waiting"), (status!.Number, status.State));
            }
        }

        using var db = new SqliteConnection($"Data Source={Path.Combine(_data, "frontoffice.db")};Pooling=False");
        db.Open();
        using var numbers = db.CreateCommand();
        numbers.CommandText = "SELECT COUNT(*) FROM (SELECT Prefix FROM Tickets GROUP BY ServiceDay, Prefix HAVING MAX(Number) <> COUNT(DISTINCT Number) OR COUNT(*) <> COUNT(DISTINCT Number))";
        Assert.Equal(0L, (long)numbers.ExecuteScalar()!); // numbers go on after every restart, without a gap or a duplicate
    }

    /// <summary>Each kiosk issues tickets without pause; once <paramref name="until"/> are acknowledged the server is killed mid-burst.</summary>
    private static async Task KillDuringBurstAsync(ServerProcess server, IReadOnlyList<HttpClient> kiosks, int[] serviceIds,
        ConcurrentBag<TicketDto> acknowledged, int until)
    {
        using var stop = new CancellationTokenSource();
        var workers = kiosks.Select((kiosk, w) => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var response = await kiosk.IssueAsync(serviceIds[(w + i) % serviceIds.Length]);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add((await response.Content.ReadFromJsonAsync<TicketDto>())!);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                {
                    return; // the server is gone: whatever was not answered was not promised
                }
            }
        })).ToList();

        while (acknowledged.Count < until)
        {
            await Task.Delay(5);
        }

        server.Kill();
        await stop.CancelAsync();
        await Task.WhenAll(workers);
    }

    private static int Number(string displayNumber) => int.Parse(displayNumber.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture);

    private static HttpClient Kiosk(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<(string Token, int[] ServiceIds)> EnrolKioskAsync(Uri address)
    {
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address };
        var login = await admin.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin", FrontOfficeApp.AdminPassword));
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        var device = await (await admin.PostAsJsonAsync("/api/admin/devices", new EnrolDeviceRequest(DeviceKindDto.Kiosk, "Crash kiosk"))).OkAsync<EnrolledDeviceDto>();
        var roster = await admin.GetFromJsonAsync<RosterDto>("/api/roster");
        return (device.Token, roster!.Agencies.SelectMany(a => a.Services).Take(3).Select(s => s.Id).ToArray());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
