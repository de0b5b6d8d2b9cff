using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenAlmaty.FrontOffice.Application.Desks;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Auth;

namespace OpenAlmaty.FrontOffice.Server.Features.Desks;

public static class DesksApi
{
    public static void MapDesksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/desks/{deskId:int}").RequireAuthorization(AccessPolicies.Officer).WithTags("Desks");
        group.MapGet("/console", async (int deskId, ClaimsPrincipal user, GetDeskConsole console, CancellationToken ct) =>
            TypedResults.Ok(await console.HandleAsync(Policies.ActorOf(user), deskId, ct)));
        group.MapPost("/call-next", CallNext);
        group.MapPost("/call", async (int deskId, CallTicketRequest body, [FromHeader(Name = FrontOfficeRoutes.IdempotencyKeyHeader)] string? key,
            ClaimsPrincipal user, CallNext call, CancellationToken ct) =>
            TypedResults.Ok(await call.ChosenAsync(Policies.ActorOf(user), deskId, key, body, ct)));
        group.MapPost("/open", (int deskId, ClaimsPrincipal user, SetDeskOpen action, CancellationToken ct) =>
            SetOpen(action.HandleAsync(Policies.ActorOf(user), deskId, true, null, ct)));
        group.MapPost("/close", (int deskId, [FromBody] CloseDeskRequest? body, ClaimsPrincipal user, SetDeskOpen action, CancellationToken ct) =>
            SetOpen(action.HandleAsync(Policies.ActorOf(user), deskId, false, body?.Reason, ct)));
    }

    private static async Task<Results<Ok<TicketDto>, NoContent>> CallNext(
        int deskId, [FromHeader(Name = FrontOfficeRoutes.IdempotencyKeyHeader)] string? key,
        ClaimsPrincipal user, CallNext callNext, CancellationToken ct)
    {
        var ticket = await callNext.HandleAsync(Policies.ActorOf(user), deskId, key, ct);
        return ticket is null ? TypedResults.NoContent() : TypedResults.Ok(ticket);
    }

    private static async Task<Ok<DeskDto>> SetOpen(Task<DeskDto> action) => TypedResults.Ok(await action);
}
