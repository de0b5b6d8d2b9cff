using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Application.Roster;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Domain.Devices;
using OpenAlmaty.FrontOffice.Persistence;

namespace OpenAlmaty.FrontOffice.Application.Displays;

/// <summary>A display's board: its settings, and the hall's queues grouped by agency with the latest calls.</summary>
public sealed class GetDisplayBoard(FrontOfficeDb db, GetSnapshot snapshot, GetRoster roster, IOptions<FrontOfficeOptions> options)
{
    public async Task<DisplayBoardDto> HandleAsync(Guid deviceId, CancellationToken ct)
    {
        var device = await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deviceId && d.Kind == DeviceKind.Display && d.RevokedAt == null, ct)
            ?? throw ProblemException.NotFound(ProblemTypes.UnknownDevice, "There is no such display.");
        var hall = await snapshot.HandleAsync(ct);
        var agencies = (await roster.HandleAsync(includeRetired: false, ct)).Agencies;
        var queues = hall.Queues.ToDictionary(q => q.ServiceId);
        var rows = agencies.Select(a => new DisplayAgencyDto(a.Id, a.Kind.ToString().ToLowerInvariant(), a.NameKk, a.NameRu,
            a.Services.Select(s => queues.GetValueOrDefault(s.Id) ?? new ServiceQueueDto(s.Id, 0, 0, new WaitRangeDto(0, 0))).ToList())).ToList();
        return new DisplayBoardDto(hall.Seq, device.Name, device.DisplayLayout, device.DisplayGroup, device.DisplaySound,
            device.TickerHtml ?? "", options.Value.TrainingMode, rows, hall.RecentCalls);
    }
}

/// <summary>An admin sets what a display shows and whether it speaks.</summary>
public sealed class ConfigureDisplay(FrontOfficeDb db, TimeProvider clock, Audit.AuditTrail audit)
{
    public static readonly string[] Layouts = ["hall", "group"];
    public static readonly string[] Groups = ["agency", "district", "mediator", "reception"];
    public static readonly string[] Sounds = ["voice", "chime", "off"];

    /// <summary>Stored as the admin wrote it; the display sanitizes it (HtmlSanitizer) before it reaches the screen.</summary>
    public const int MaxTicker = 2000;

    public async Task HandleAsync(Guid deviceId, DisplaySettingsRequest request, CancellationToken ct)
    {
        if (!Layouts.Contains(request.Layout) || !Sounds.Contains(request.Sound)
            || (request.Layout == "group") != (request.Group is not null) || (request.Group is not null && !Groups.Contains(request.Group)))
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed,
                $"layout is {string.Join("|", Layouts)} (group needs group: {string.Join("|", Groups)}); sound is {string.Join("|", Sounds)}.");
        }

        if (request.Ticker?.Length > MaxTicker)
        {
            throw ProblemException.Invalid(ProblemTypes.ValidationFailed, $"The ticker holds at most {MaxTicker} characters.");
        }

        await Transactions.RunAsync(db, async ct =>
        {
            var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == deviceId && d.RevokedAt == null, ct)
                ?? throw ProblemException.NotFound(ProblemTypes.UnknownDevice, "There is no such device.");
            if (device.Kind != DeviceKind.Display)
            {
                throw ProblemException.Invalid(ProblemTypes.ValidationFailed, "Only displays have a board.");
            }

            device.DisplayLayout = request.Layout;
            device.DisplayGroup = request.Group;
            device.DisplaySound = request.Sound;
            device.TickerHtml = string.IsNullOrWhiteSpace(request.Ticker) ? null : request.Ticker.Trim();
            var now = clock.GetUtcNow().UtcDateTime;
            Outbox.Add(db, new DeviceStatusChangedEvent(0, device.Id, "display-settings"), now);
            await audit.RecordAsync("device.display", $"device {device.Id:N}", $"{request.Layout} {request.Group} {request.Sound}", ct);
            return true;
        }, ct);
    }
}
