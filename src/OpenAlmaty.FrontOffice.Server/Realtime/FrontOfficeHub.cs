using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using OpenAlmaty.FrontOffice.Application.Common;
using OpenAlmaty.FrontOffice.Application.Desks;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Auth;

namespace OpenAlmaty.FrontOffice.Server.Realtime;

/// <summary>
/// The public real-time contract. Every connected hall client (staff, kiosk, display) receives
/// the events; officers may also call the next visitor through it.
/// </summary>
[Authorize(Policies.Hall)]
public sealed class FrontOfficeHub(IServiceProvider services) : Hub<IFrontOfficeClient>, IFrontOfficeHub
{
    public Task<SnapshotDto> GetSnapshot() =>
        Refusals(() => services.GetRequiredService<GetSnapshot>().HandleAsync(Context.ConnectionAborted));

    [Authorize(Policies.Officer)]
    public Task<TicketDto?> CallNext(int deskId, string idempotencyKey) =>
        Refusals(() => services.GetRequiredService<CallNext>()
            .HandleAsync(Policies.ActorOf(Context.User!), deskId, idempotencyKey, Context.ConnectionAborted));

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
