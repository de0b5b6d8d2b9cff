using Microsoft.AspNetCore.Mvc;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Server.Features.Events;

public static class EventsApi
{
    public static void MapEventsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/events", async ([FromQuery] string? afterSeq, GetEventsAfter query, CancellationToken ct) =>
                TypedResults.Ok(await query.HandleAsync(GetEventsAfter.ParseSeq(afterSeq), ct)))
            .RequireAuthorization(AccessPolicies.Hall).WithTags("Realtime")
            .WithSummary("Catch-up by seq: today's hall events after afterSeq")
            .WithDescription("afterSeq: a whole number of 0 or more (the last seq the client handled). Answers today's (Asia/Almaty) hall events with a higher seq, oldest first, at most 500, each with its `type` (the hub method that delivers it live); `more` says that more follow (ask again from the last one's seq), `latestSeq` is the newest event written. 400 invalid-seq when afterSeq is missing or not such a number.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
}
