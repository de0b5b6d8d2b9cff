using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Desks;
using OpenAlmaty.FrontOffice.Application.Printing;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Printing.EscPos;
using OpenAlmaty.FrontOffice.Server.Auth;

namespace OpenAlmaty.FrontOffice.Server.Realtime;

/// <summary>
/// The public real-time contract. Every connected hall client (staff, kiosk, display) receives
/// the events; officers may also call the next visitor through it.
/// </summary>
[Authorize(AccessPolicies.Hall)]
public sealed class FrontOfficeHub(IServiceProvider services) : Hub<IFrontOfficeClient>, IFrontOfficeHub
{
    public Task<SnapshotDto> GetSnapshot() =>
        Refusals(() => services.GetRequiredService<GetSnapshot>().HandleAsync(Context.ConnectionAborted));

    public Task<HallEventsDto> GetEventsAfter(long seq) =>
        Refusals(() => services.GetRequiredService<GetEventsAfter>().HandleAsync(seq, Context.ConnectionAborted));

    [Authorize(AccessPolicies.Officer)]
    public Task<TicketDto?> CallNext(int deskId, string idempotencyKey) =>
        Refusals(() => services.GetRequiredService<CallNext>()
            .HandleAsync(Policies.ActorOf(Context.User!), deskId, idempotencyKey, Context.ConnectionAborted));

    [Authorize(AccessPolicies.Kiosk)]
    public async Task RegisterPrintAgent()
    {
        var device = Policies.ActorOf(Context.User!).DeviceId!.Value;
        services.GetRequiredService<HubPrintAgents>().Register(device, Context.ConnectionId);
        Context.Items[AgentKey] = device;
        await ReportPrinterStatus(PrinterFault.Ready.Code());
    }

    [Authorize(AccessPolicies.Kiosk)]
    public Task ReportPrinterStatus(string status) =>
        Refusals(async () =>
        {
            await services.GetRequiredService<RecordPrinterStatus>()
                .HandleAsync(Policies.ActorOf(Context.User!).DeviceId!.Value, status, Context.ConnectionAborted);
            return true;
        });

    /// <summary>A print agent that goes away is shown to staff at once: its kiosk cannot print until it is back.</summary>
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(AgentKey, out var value) && value is Guid device
            && services.GetRequiredService<HubPrintAgents>().Forget(device, Context.ConnectionId))
        {
            try
            {
                await services.GetRequiredService<RecordPrinterStatus>().HandleAsync(device, RecordPrinterStatus.AgentOffline, CancellationToken.None);
            }
            catch (Exception e) when (e is ObjectDisposedException or OperationCanceledException)
            {
                // The server is shutting down; the agent's next registration sets the status again.
            }
        }

        await base.OnDisconnectedAsync(exception);
    }

    private const string AgentKey = "print-agent";

    /// <summary>A refusal reaches the client as a HubException whose message starts with the problem type.</summary>
    private static async Task<T> Refusals<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ProblemException p)
        {
            throw new HubException($"{p.Type}: {p.Detail}");
        }
        catch (Domain.DomainRuleException d)
        {
            throw new HubException($"{Problems.ProblemExceptionHandler.TypeOf(d.Rule)}: {d.Message}");
        }
    }
}
