using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenAlmaty.FrontOffice.Application.Printing;
using OpenAlmaty.FrontOffice.Application.Tickets;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Printing;
using OpenAlmaty.FrontOffice.Server.Auth;

namespace OpenAlmaty.FrontOffice.Server.Features.Tickets;

public static class TicketsApi
{
    public static void MapTicketsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tickets", Issue).RequireAuthorization(AccessPolicies.Kiosk).WithTags("Tickets");

        var officer = app.MapGroup("/api/tickets/{id:guid}").RequireAuthorization(AccessPolicies.Officer).WithTags("Tickets");
        MapAction<StartServing>(officer, "start");
        MapAction<Recall>(officer, "recall");
        MapAction<MarkNoShow>(officer, "no-show");
        MapAction<Park>(officer, "park");
        MapAction<Unpark>(officer, "unpark");
        MapAction<Rejoin>(officer, "rejoin");
        officer.MapPost("/complete", (Guid id, [FromBody] CompleteTicketRequest? body, [FromHeader(Name = FrontOfficeRoutes.IdempotencyKeyHeader)] string? key,
            ClaimsPrincipal user, Complete action, CancellationToken ct) => Ok(action.HandleAsync(Policies.ActorOf(user), id, key, body ?? new(), ct)));
        officer.MapPost("/transfer", (Guid id, TransferTicketRequest body, [FromHeader(Name = FrontOfficeRoutes.IdempotencyKeyHeader)] string? key,
            ClaimsPrincipal user, Transfer action, CancellationToken ct) => Ok(action.HandleAsync(Policies.ActorOf(user), id, key, body, ct)));

        app.MapPost("/api/tickets/{id:guid}/reprint", async (Guid id, ClaimsPrincipal user, PrintTicket print, CancellationToken ct) =>
                TypedResults.Ok(await print.HandleAsync(id, reprint: true, requestedBy: user.Identity?.Name, ct)))
            .RequireAuthorization(AccessPolicies.Staff).WithTags("Tickets");

        app.MapGet("/api/tickets/{id:guid}/ticket.pdf", async (Guid id, string? paper, PrintTicket print, CancellationToken ct) =>
                TypedResults.File(await print.PdfAsync(id, paper == "roll80" ? TicketPaper.Roll80 : TicketPaper.A6, ct), "application/pdf"))
            .RequireAuthorization(AccessPolicies.Staff).WithTags("Tickets");

        app.MapGet("/api/public/tickets/{publicId}", Public).AllowAnonymous().WithTags("Public");
        app.MapPost("/api/public/tickets/{publicId}/rating", async (string publicId, RateVisitRequest request, RateVisit rate, CancellationToken ct) =>
        {
            await rate.HandleAsync(publicId, request, ct);
            return TypedResults.NoContent();
        }).AllowAnonymous().WithTags("Public");
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

    /// <summary>An officer action whose body is at most a version: <c>POST /api/tickets/{id}/{name}</c>.</summary>
    private static void MapAction<TAction>(RouteGroupBuilder group, string name)
        where TAction : ITicketAction =>
        group.MapPost("/" + name, (Guid id, [FromBody] TicketActionRequest? body,
                [FromHeader(Name = FrontOfficeRoutes.IdempotencyKeyHeader)] string? key, ClaimsPrincipal user, TAction action, CancellationToken ct) =>
            Ok(action.HandleAsync(Policies.ActorOf(user), id, key, body?.Version, ct)));

    private static async Task<Ok<PublicTicketDto>> Public(string publicId, GetPublicTicket query, CancellationToken ct) =>
        TypedResults.Ok(await query.HandleAsync(publicId, ct));
}
