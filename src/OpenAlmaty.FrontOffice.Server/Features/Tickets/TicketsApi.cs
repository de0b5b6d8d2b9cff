using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Auth;

namespace OpenAlmaty.FrontOffice.Server.Features.Tickets;

public static class TicketsApi
{
    public static void MapTicketsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tickets", Issue).RequireAuthorization(Policies.Kiosk).WithTags("Tickets");

        var officer = app.MapGroup("/api/tickets/{id:guid}").RequireAuthorization(Policies.Officer).WithTags("Tickets");
        officer.MapPost("/start", (Guid id, [FromBody] TicketActionRequest? body, [FromHeader(Name = FrontOfficeRoutes.IdempotencyKeyHeader)] string? key,
            ClaimsPrincipal user, StartServing action, CancellationToken ct) => Ok(action.HandleAsync(Policies.ActorOf(user), id, key, body?.Version, ct)));
        officer.MapPost("/recall", (Guid id, [FromBody] TicketActionRequest? body, [FromHeader(Name = FrontOfficeRoutes.IdempotencyKeyHeader)] string? key,
            ClaimsPrincipal user, Recall action, CancellationToken ct) => Ok(action.HandleAsync(Policies.ActorOf(user), id, key, body?.Version, ct)));
        officer.MapPost("/no-show", (Guid id, [FromBody] TicketActionRequest? body, [FromHeader(Name = FrontOfficeRoutes.IdempotencyKeyHeader)] string? key,
            ClaimsPrincipal user, MarkNoShow action, CancellationToken ct) => Ok(action.HandleAsync(Policies.ActorOf(user), id, key, body?.Version, ct)));
        officer.MapPost("/park", (Guid id, [FromBody] TicketActionRequest? body, [FromHeader(Name = FrontOfficeRoutes.IdempotencyKeyHeader)] string? key,
            ClaimsPrincipal user, Park action, CancellationToken ct) => Ok(action.HandleAsync(Policies.ActorOf(user), id, key, body?.Version, ct)));
        officer.MapPost("/unpark", (Guid id, [FromBody] TicketActionRequest? body, [FromHeader(Name = FrontOfficeRoutes.IdempotencyKeyHeader)] string? key,
            ClaimsPrincipal user, Unpark action, CancellationToken ct) => Ok(action.HandleAsync(Policies.ActorOf(user), id, key, body?.Version, ct)));
        officer.MapPost("/rejoin", (Guid id, [FromBody] TicketActionRequest? body, [FromHeader(Name = FrontOfficeRoutes.IdempotencyKeyHeader)] string? key,
            ClaimsPrincipal user, Rejoin action, CancellationToken ct) => Ok(action.HandleAsync(Policies.ActorOf(user), id, key, body?.Version, ct)));
        officer.MapPost("/complete", (Guid id, [FromBody] TicketActionRequest? body, [FromHeader(Name = FrontOfficeRoutes.IdempotencyKeyHeader)] string? key,
            ClaimsPrincipal user, Complete action, CancellationToken ct) => Ok(action.HandleAsync(Policies.ActorOf(user), id, key, body?.Version, ct)));
        officer.MapPost("/transfer", (Guid id, TransferTicketRequest body, [FromHeader(Name = FrontOfficeRoutes.IdempotencyKeyHeader)] string? key,
            ClaimsPrincipal user, Transfer action, CancellationToken ct) => Ok(action.HandleAsync(Policies.ActorOf(user), id, key, body, ct)));

        app.MapGet("/api/public/tickets/{publicId}", Public).AllowAnonymous().WithTags("Public");
    }

    private static async Task<Results<Created<TicketDto>, Ok<TicketDto>>> Issue(
        IssueTicketRequest request, [FromHeader(Name = FrontOfficeRoutes.IdempotencyKeyHeader)] string? key,
        ClaimsPrincipal user, IssueTicket issue, CancellationToken ct)
    {
        var result = await issue.HandleAsync(Policies.ActorOf(user), key ?? "", request, ct);
        return result.Created
            ? TypedResults.Created($"/api/public/tickets/{result.Ticket.PublicId}", result.Ticket)
            : TypedResults.Ok(result.Ticket);
    }

    private static async Task<Ok<TicketDto>> Ok(Task<TicketDto> action) => TypedResults.Ok(await action);

    private static async Task<Ok<PublicTicketDto>> Public(string publicId, GetPublicTicket query, CancellationToken ct) =>
        TypedResults.Ok(await query.HandleAsync(publicId, ct));
}
