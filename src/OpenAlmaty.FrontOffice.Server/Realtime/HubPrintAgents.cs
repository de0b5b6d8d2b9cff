using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using OpenAlmaty.FrontOffice.Application.Printing;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Printing;
using OpenAlmaty.FrontOffice.Printing.EscPos;

namespace OpenAlmaty.FrontOffice.Server.Realtime;

/// <summary>
/// The print agents connected to the hub, by kiosk. A job is a SignalR client result: the kiosk
/// waits for the agent's answer, bounded by <see cref="Timeout"/>; nothing is queued for an agent
/// that is away, so a ticket is never printed later by surprise.
/// </summary>
public sealed partial class HubPrintAgents(IHubContext<FrontOfficeHub> hub, ILogger<HubPrintAgents> log) : IPrintAgents
{
    /// <summary>Longer than the agent's own status-then-print with its printer timeouts.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<Guid, string> _connections = new();

    public void Register(Guid deviceId, string connectionId) => _connections[deviceId] = connectionId;

    /// <summary>Forgets the agent when this connection was its latest; true when it was.</summary>
    public bool Forget(Guid deviceId, string connectionId) =>
        _connections.TryRemove(new KeyValuePair<Guid, string>(deviceId, connectionId));

    public bool IsConnected(Guid deviceId) => _connections.ContainsKey(deviceId);

    public async Task<PrintOutcome> PrintAsync(Guid deviceId, byte[] job, CancellationToken ct)
    {
        if (!_connections.TryGetValue(deviceId, out var connectionId))
        {
            return new PrintOutcome(false, PrinterFault.Unreachable, "The kiosk's print agent is not connected.");
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(Timeout);
        try
        {
            var result = await hub.Clients.Client(connectionId).InvokeAsync<PrintAgentResult>(
                nameof(IPrintAgentClient.Print), new PrintAgentJob(Guid.NewGuid(), job), wait.Token);
            if (result.Printed)
            {
                return PrintOutcome.Done;
            }

            return new PrintOutcome(false, PrinterFaultCodes.Parse(result.Status) ?? PrinterFault.Error, result.Detail);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            AgentSilent(log, deviceId);
            return new PrintOutcome(false, PrinterFault.NoAnswer, "The kiosk's print agent did not answer in time.");
        }
        catch (Exception e) when (e is IOException or HubException or InvalidOperationException)
        {
            AgentFailed(log, deviceId, e.Message);
            return new PrintOutcome(false, PrinterFault.Unreachable, "The kiosk's print agent went away during the job; it is not sent again.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The print agent of kiosk {DeviceId} did not answer a job in time")]
    private static partial void AgentSilent(ILogger logger, Guid deviceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The print agent of kiosk {DeviceId} failed a job: {Reason}")]
    private static partial void AgentFailed(ILogger logger, Guid deviceId, string reason);
}
