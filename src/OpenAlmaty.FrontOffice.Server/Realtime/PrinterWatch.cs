using Microsoft.Extensions.Options;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Printing;

namespace OpenAlmaty.FrontOffice.Server.Realtime;

/// <summary>Asks the kiosks' printers how they are every <see cref="FrontOfficeOptions.PrinterPollSeconds"/> (wall time: printers are real).</summary>
public sealed partial class PrinterWatch(IServiceScopeFactory scopes, IOptions<FrontOfficeOptions> options, ILogger<PrinterWatch> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PrinterPollSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PollPrinters>().HandleAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Printer watch round failed; trying again next round")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
