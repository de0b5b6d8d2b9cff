using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlmaty.FrontOffice.Application.Receptions;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Server.Auth;

namespace OpenAlmaty.FrontOffice.Server.Features.Receptions;

public static class ReceptionsApi
{
    public static void MapReceptionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/receptions").WithTags("Receptions");
        group.MapGet("/sessions", async (DateOnly from, DateOnly to, ListSessions list, CancellationToken ct) =>
            TypedResults.Ok(await list.HandleAsync(from, to, ct))).RequireAuthorization(AccessPolicies.Hall);
        group.MapPost("/sessions", async (CreateSessionRequest request, CreateSession create, CancellationToken ct) =>
        {
            var session = await create.HandleAsync(request, ct);
            return TypedResults.Created($"/api/receptions/sessions/{session.Id}", session);
        }).RequireAuthorization(AccessPolicies.Admin);
        group.MapPost("/schedules", async (CreateScheduleRequest request, CreateSchedule create, CancellationToken ct) =>
        {
            var schedule = await create.HandleAsync(request, ct);
            return TypedResults.Created($"/api/receptions/schedules/{schedule.Id}", schedule);
        }).RequireAuthorization(AccessPolicies.Admin);
        group.MapPost("/sessions/{id:guid}/cancel", async (Guid id, CancelSession cancel, CancellationToken ct) =>
        {
            await cancel.HandleAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(AccessPolicies.Admin);
        group.MapPost("/sessions/{id:guid}/reschedule", async (Guid id, RescheduleSessionRequest request, RescheduleSession reschedule, CancellationToken ct) =>
            TypedResults.Ok(await reschedule.HandleAsync(id, request, ct))).RequireAuthorization(AccessPolicies.Admin);

        group.MapGet("/sessions/{id:guid}/bookings", async (Guid id, ListSessionBookings list, CancellationToken ct) =>
            TypedResults.Ok(await list.HandleAsync(id, ct))).RequireAuthorization(AccessPolicies.Staff);
        group.MapGet("/calendar", (EditCalendar calendar) => TypedResults.Ok(calendar.Get())).RequireAuthorization(AccessPolicies.Staff);
        group.MapPut("/calendar", async (WorkingCalendarDto edited, EditCalendar calendar, CancellationToken ct) => TypedResults.Ok(await calendar.HandleAsync(edited, ct)))
            .RequireAuthorization(AccessPolicies.Admin);

        group.MapGet("/day", async (DateOnly date, string? format, ReceptionDayList list, CancellationToken ct) => format == "csv"
                ? Results.File(await list.CsvAsync(date, ct), "text/csv; charset=utf-8", $"receptions-{date:yyyy-MM-dd}.csv")
                : Results.File(await list.PdfAsync(date, ct), "application/pdf", $"receptions-{date:yyyy-MM-dd}.pdf"))
            .RequireAuthorization(AccessPolicies.Staff);
        group.MapPost("/bookings", Book).RequireAuthorization(AccessPolicies.KioskOrStaff);
        group.MapGet("/bookings/{code}", async (string code, GetBooking get, CancellationToken ct) =>
            TypedResults.Ok(await get.HandleAsync(code, ct))).AllowAnonymous();
        group.MapGet("/bookings/{code}/calendar.ics", async (string code, BookingCalendarFile ics, CancellationToken ct) =>
            Results.Text(await ics.HandleAsync(code, ct), "text/calendar; charset=utf-8")).AllowAnonymous();
        group.MapDelete("/bookings/{code}", async (string code, string? reason, string? phoneLastFour, ClaimsPrincipal user, CancelBooking cancel, CancellationToken ct) =>
        {
            await cancel.HandleAsync(code, user.Identity?.IsAuthenticated == true ? StaffReason(reason) : CancelBooking.ByResident, phoneLastFour, ct);
            return TypedResults.NoContent();
        }).AllowAnonymous();
        group.MapPost("/bookings/{code}/move", async (string code, MoveBookingRequest request, MoveBooking move, CancellationToken ct) =>
        {
            await move.HandleAsync(code, request, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(AccessPolicies.Staff);
        group.MapPost("/bookings/{code}/confirm", async (string code, ConfirmBooking confirm, CancellationToken ct) =>
        {
            await confirm.HandleAsync(code, ct);
            return TypedResults.NoContent();
        }).AllowAnonymous();
        group.MapPost("/appeals", async (RegisterAppealRequest request, Appeals appeals, CancellationToken ct) =>
            TypedResults.Ok(await appeals.RegisterAsync(request, ct))).RequireAuthorization(AccessPolicies.Staff);
        group.MapPost("/appeals/{id:guid}/extend", async (Guid id, ExtendAppealRequest request, Appeals appeals, CancellationToken ct) =>
            TypedResults.Ok(await appeals.ExtendAsync(id, request, ct))).RequireAuthorization(AccessPolicies.Admin);
        group.MapPost("/appeals/{id:guid}/close", async (Guid id, Appeals appeals, CancellationToken ct) =>
            TypedResults.Ok(await appeals.CloseAsync(id, ct))).RequireAuthorization(AccessPolicies.Staff);
        group.MapGet("/appeals", async (bool? attention, Appeals appeals, CancellationToken ct) =>
            TypedResults.Ok(await appeals.ListAsync(attention ?? false, ct))).RequireAuthorization(AccessPolicies.Admin);
        group.MapGet("/appeals/visits", async (RecentReceptionVisits visits, CancellationToken ct) =>
            TypedResults.Ok(await visits.HandleAsync(ct))).RequireAuthorization(AccessPolicies.Admin);
        group.MapGet("/notices", async (ListResidentNotices notices, CancellationToken ct) =>
            TypedResults.Ok(await notices.HandleAsync(ct))).RequireAuthorization(AccessPolicies.Staff);
        group.MapPost("/check-in", async (CheckInRequest request, ClaimsPrincipal user, CheckIn checkIn, CancellationToken ct) =>
            TypedResults.Ok(await checkIn.HandleAsync(Policies.ActorOf(user), request, ct))).RequireAuthorization(AccessPolicies.KioskOrStaff);
    }

    /// <summary>Staff say why (the resident is told); without a reason it reads "cancelled by staff".</summary>
    private static string StaffReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? CancelBooking.ByStaff : reason.Trim() is { Length: <= 200 } r ? r : reason.Trim()[..200];

    private static async Task<Results<Created<BookingCreatedDto>, Ok<BookingCreatedDto>>> Book(
        BookReceptionRequest request, ClaimsPrincipal user, BookReception book, CancellationToken ct)
    {
        var booked = await book.HandleAsync(Policies.ActorOf(user), request, ct);
        return booked.WaitingListPosition is null
            ? TypedResults.Created($"/api/receptions/bookings/{booked.Code}", booked)
            : TypedResults.Ok(booked);
    }
}
