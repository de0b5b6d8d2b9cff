using OpenAlmaty.FrontOffice.Application.Privacy;
using OpenAlmaty.FrontOffice.Application.Receptions;
using OpenAlmaty.FrontOffice.Application.Reports;
using OpenAlmaty.FrontOffice.Application.Tickets;

namespace OpenAlmaty.FrontOffice.Server.Realtime;

/// <summary>Runs <see cref="CloseDay"/>, keeps the weekly receptions' sessions planned ahead, passes on reception offers nobody confirmed, erases personal data past its retention period and writes yesterday's report, at start and then every hour.</summary>
public sealed class Housekeeping(IServiceScopeFactory scopes, TimeProvider clock, ILogger<Housekeeping> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var done = await scope.ServiceProvider.GetRequiredService<CloseDay>().HandleAsync(stoppingToken);
                HousekeepingLog.Done(log, done.TicketsCancelled, done.KeysForgotten, done.EventsPruned);
                var sessions = await scope.ServiceProvider.GetRequiredService<GenerateSessions>().HandleAsync(null, stoppingToken);
                HousekeepingLog.Sessions(log, sessions.Count);
                // Without a read of the session the next in line would otherwise never hear of a place left unconfirmed.
                var lapsed = await scope.ServiceProvider.GetRequiredService<PassOnLapsedOffers>().HandleAsync(stoppingToken);
                if (lapsed > 0)
                {
                    HousekeepingLog.OffersLapsed(log, lapsed);
                }

                await scope.ServiceProvider.GetRequiredService<RecordReceptionNoShows>().HandleAsync(stoppingToken);
                var erased = await scope.ServiceProvider.GetRequiredService<ErasePersonalData>().HandleAsync(stoppingToken);
                if (erased is not { Bookings: 0, Tickets: 0, ReportFiles: 0 })
                {
                    HousekeepingLog.Erased(log, erased.Bookings, erased.Tickets, erased.ReportFiles);
                }
                await scope.ServiceProvider.GetRequiredService<DeliverResidentNotices>().HandleAsync(stoppingToken);
                if (await scope.ServiceProvider.GetRequiredService<WriteNightlyReport>().HandleAsync(stoppingToken) is { } report)
                {
                    HousekeepingLog.Report(log, report);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                HousekeepingLog.Failed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

internal static partial class HousekeepingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: {Tickets} stale tickets cancelled, {Keys} idempotency keys and {Events} old events removed")]
    public static partial void Done(ILogger logger, int tickets, int keys, int events);

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: {Count} reception sessions generated from the weekly schedules")]
    public static partial void Sessions(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: {Count} reception offers not confirmed in time passed on to the next in line")]
    public static partial void OffersLapsed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: personal data past the retention period erased from {Bookings} bookings, {Tickets} tickets and {Files} report files")]
    public static partial void Erased(ILogger logger, int bookings, int tickets, int files);

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping: yesterday's report written to {Path}")]
    public static partial void Report(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Housekeeping failed; it runs again within the hour")]
    public static partial void Failed(ILogger logger, Exception error);
}
