using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Printing;
using OpenAlmaty.FrontOffice.Printing.EscPos;
using OpenAlmaty.FrontOffice.Printing.Transports;

namespace OpenAlmaty.FrontOffice.PrintAgent;

/// <summary>
/// Serves one kiosk's printer to the server: answers each job the hub sends with what the printer
/// did (status first, sent once, never replayed), and tells the server the printer's state every
/// little while so that staff see a fault before a visitor does. Connects for ever: the kiosk PC
/// may start before the server, and the network may drop.
/// </summary>
public sealed partial class KioskPrintAgent : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly IPrinterTransport _printer;
    private readonly TimeSpan _statusEvery;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _wake = new(0);

    public KioskPrintAgent(HubConnection hub, IPrinterTransport printer, TimeSpan statusEvery, ILogger log)
    {
        (_hub, _printer, _statusEvery, _log) = (hub, printer, statusEvery, log);
        _hub.On<PrintAgentJob, PrintAgentResult>(nameof(IPrintAgentClient.Print), PrintAsync);
        _hub.Reconnected += async _ => await RegisterAsync(CancellationToken.None);
        _hub.Closed += _ =>
        {
            _wake.Release();
            return Task.CompletedTask;
        };
    }

    /// <summary>The connection the agent uses in production: the kiosk's token, reconnecting for ever.</summary>
    public static HubConnection Connect(PrintAgentOptions options) => new HubConnectionBuilder()
        .WithUrl(new Uri(options.Server, FrontOfficeRoutes.Hub), o => o.AccessTokenProvider = () => Task.FromResult<string?>(options.Token))
        .WithAutomaticReconnect(new ForeverRetry())
        .Build();

    /// <summary>Jobs the agent printed since it started (for its own log and tests).</summary>
    public int Printed { get; private set; }

    /// <summary>The server has taken this agent as the kiosk's printer at least once (its jobs come here).</summary>
    public bool Registered { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            if (_hub.State == HubConnectionState.Disconnected)
            {
                try
                {
                    await _hub.StartAsync(ct);
                    await RegisterAsync(ct);
                    Connected(_log);
                }
                catch (Exception e) when (e is HttpRequestException or IOException or System.Net.WebSockets.WebSocketException
                                              or TimeoutException or InvalidOperationException or HubException
                                          || e is OperationCanceledException && !ct.IsCancellationRequested)
                {
                    ServerAway(_log, e.Message);
                    await WaitAsync(ForeverRetry.Delay(2), ct);
                    continue;
                }
            }

            if (_hub.State == HubConnectionState.Connected)
            {
                await ReportStatusAsync(ct);
            }

            await WaitAsync(_statusEvery, ct);
        }
    }

    private async Task RegisterAsync(CancellationToken ct)
    {
        await _hub.InvokeAsync(nameof(IFrontOfficeHub.RegisterPrintAgent), ct);
        await ReportStatusAsync(ct);
        Registered = true;
    }

    private async Task ReportStatusAsync(CancellationToken ct)
    {
        var status = await _printer.QueryStatusAsync(ct);
        try
        {
            await _hub.InvokeAsync(nameof(IFrontOfficeHub.ReportPrinterStatus), status.Fault.Code(), ct);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or HubException)
        {
            // The connection dropped meanwhile; the next registration reports again.
            ServerAway(_log, e.Message);
        }
    }

    private async Task<PrintAgentResult> PrintAsync(PrintAgentJob job)
    {
        var outcome = await new TicketPrinter(_printer).PrintAsync(job.Bytes, CancellationToken.None);
        if (outcome.Printed)
        {
            Printed++;
        }

        JobDone(_log, job.JobId, outcome.Printed ? "printed" : outcome.Fault.Code());
        return new PrintAgentResult(outcome.Printed, outcome.Printed ? PrinterFault.Ready.Code() : outcome.Fault.Code(), outcome.Detail);
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await _wake.WaitAsync(delay, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _printer.DisposeAsync();
        _wake.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the server; this kiosk's jobs come here")]
    private static partial void Connected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The server is not reachable ({Reason}); trying again")]
    private static partial void ServerAway(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: {Outcome}")]
    private static partial void JobDone(ILogger logger, Guid jobId, string outcome);
}

/// <summary>Reconnects for ever, backing off to one try every ten seconds.</summary>
public sealed class ForeverRetry : IRetryPolicy
{
    public TimeSpan? NextRetryDelay(RetryContext retryContext) => Delay(retryContext.PreviousRetryCount);

    public static TimeSpan Delay(long attempt) => TimeSpan.FromMilliseconds(Math.Min(10_000, 500 * Math.Pow(2, Math.Min(attempt, 5))));
}
