using Microsoft.AspNetCore.Http.HttpResults;
using OpenAlmaty.FrontOffice.Application.Audit;
using OpenAlmaty.FrontOffice.Application.Reports;
using OpenAlmaty.FrontOffice.Application.Devices;
using OpenAlmaty.FrontOffice.Application.Displays;
using OpenAlmaty.FrontOffice.Application.Printing;
using OpenAlmaty.FrontOffice.Application.Privacy;
using OpenAlmaty.FrontOffice.Application.Roster;
using OpenAlmaty.FrontOffice.Application.Staff;
using OpenAlmaty.FrontOffice.Contracts;
using OpenAlmaty.FrontOffice.Printing;

namespace OpenAlmaty.FrontOffice.Server.Features.Admin;

public static class AdminApi
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Previews = new(StringComparer.Ordinal);

    public static void MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(AccessPolicies.Admin).WithTags("Admin");

        admin.MapPost("/devices", async (EnrolDeviceRequest request, EnrolDevice enrol, CancellationToken ct) =>
        {
            var device = await enrol.HandleAsync(request, ct);
            return TypedResults.Created($"/api/admin/devices/{device.Id}", device);
        });
        admin.MapGet("/devices", async (ListDevices list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(ct)));
        admin.MapDelete("/devices/{id:guid}", async (Guid id, RevokeDevice revoke, CancellationToken ct) =>
        {
            await revoke.HandleAsync(id, ct);
            return TypedResults.NoContent();
        });

        admin.MapPut("/devices/{id:guid}/printer", async (Guid id, PrinterSettingsRequest request, ConfigurePrinter configure, CancellationToken ct) =>
        {
            await configure.HandleAsync(id, request, ct);
            return TypedResults.NoContent();
        });
        admin.MapPut("/devices/{id:guid}/display", async (Guid id, DisplaySettingsRequest request, ConfigureDisplay configure, CancellationToken ct) =>
        {
            await configure.HandleAsync(id, request, ct);
            return TypedResults.NoContent();
        });
        admin.MapPost("/devices/{id:guid}/printer/test", async (Guid id, bool? raster, TestPrint test, CancellationToken ct) =>
            TypedResults.Ok(await test.HandleAsync(id, raster ?? false, ct)));
        admin.MapGet("/devices/{id:guid}/print-jobs", async (Guid id, int? count, ListPrintJobs list, CancellationToken ct) =>
            TypedResults.Ok(await list.HandleAsync(id, count ?? 20, ct)));
        admin.MapGet("/printing/preview.png", (string? profile) =>
        {
            var chosen = PrinterProfile.Find(profile ?? PrinterProfile.Generic80.Code) ?? PrinterProfile.Generic80;
            // The sample never changes and drawing it takes a second or more: drawn once per profile.
            var png = Previews.GetOrAdd(chosen.Code, _ => TicketLayout.Png(TicketLayout.Draw(TestPrint.Sample("http://frontoffice.local/t/test"), chosen.DotsPerLine)));
            return TypedResults.File(png, "image/png");
        });

        admin.MapPost("/officers", async (CreateOfficerRequest request, CreateOfficer create, CancellationToken ct) =>
        {
            var officer = await create.HandleAsync(request, ct);
            return TypedResults.Created($"/api/admin/officers/{officer.Id}", officer);
        });

        admin.MapPost("/desks", async (CreateDeskRequest request, CreateDesk create, CancellationToken ct) =>
            Created("desks", await create.HandleAsync(request, ct)));
        admin.MapPut("/desks/{id:int}", async (int id, UpdateDeskRequest request, UpdateDesk update, CancellationToken ct) =>
            Done(await update.HandleAsync(id, request, ct)));
        admin.MapDelete("/desks/{id:int}", async (int id, RetireDesk retire, CancellationToken ct) =>
            Done(await retire.HandleAsync(id, ct)));
        admin.MapPost("/desks/{id:int}/restore", async (int id, RestoreDesk restore, CancellationToken ct) =>
            Done(await restore.HandleAsync(id, ct)));

        admin.MapPost("/agencies", async (CreateAgencyRequest request, CreateAgency create, CancellationToken ct) =>
            Created("agencies", await create.HandleAsync(request, ct)));
        admin.MapDelete("/agencies/{id:int}", async (int id, RetireAgency retire, CancellationToken ct) =>
            Done(await retire.HandleAsync(id, ct)));
        admin.MapPost("/agencies/{id:int}/restore", async (int id, RestoreAgency restore, CancellationToken ct) =>
            Done(await restore.HandleAsync(id, ct)));
        admin.MapPost("/agencies/{id:int}/services", async (int id, CreateServiceRequest request, CreateService create, CancellationToken ct) =>
            Created("services", await create.HandleAsync(id, request, ct)));
        admin.MapPut("/agencies/{id:int}", async (int id, UpdateAgencyRequest request, UpdateAgency update, CancellationToken ct) =>
            Done(await update.HandleAsync(id, request, ct)));
        admin.MapDelete("/services/{id:int}", async (int id, RetireService retire, CancellationToken ct) =>
            Done(await retire.HandleAsync(id, ct)));
        admin.MapPost("/services/{id:int}/restore", async (int id, RestoreService restore, CancellationToken ct) =>
            Done(await restore.HandleAsync(id, ct)));
        admin.MapPut("/services/{id:int}", async (int id, UpdateServiceRequest request, UpdateService update, CancellationToken ct) =>
            Done(await update.HandleAsync(id, request, ct)));

        admin.MapGet("/reports", async (DateOnly from, DateOnly to, string? format, int? kskThreshold, BuildServiceReport build, ServiceReportFiles files,
            CancellationToken ct) => format switch
        {
            "pdf" => Results.File(await files.PdfAsync(from, to, kskThreshold, ct), "application/pdf", $"report-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.pdf"),
            "csv" => Results.File(await files.CsvAsync(from, to, kskThreshold, ct), "text/csv; charset=utf-8", $"report-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.csv"),
            _ => Results.Ok(await build.HandleAsync(from, to, kskThreshold, ct)),
        });
        admin.MapGet("/staff", async (ListStaff list, CancellationToken ct) => TypedResults.Ok(await list.HandleAsync(ct)));
        admin.MapPost("/staff/{id}/password", async (string id, ResetPasswordRequest request, ManageStaffAccount manage, CancellationToken ct) =>
        {
            await manage.ResetPasswordAsync(id, request, ct);
            return TypedResults.NoContent();
        });
        admin.MapPost("/staff/{id}/lock", async (string id, LockAccountRequest request, ManageStaffAccount manage, CancellationToken ct) =>
        {
            await manage.SetLockedAsync(id, request.Locked, ct);
            return TypedResults.NoContent();
        });
        admin.MapPut("/staff/{id}/desks", async (string id, OfficerDesksRequest request, ManageStaffAccount manage, CancellationToken ct) =>
        {
            await manage.SetDesksAsync(id, request, ct);
            return TypedResults.NoContent();
        });
        admin.MapGet("/dashboard", async (GetHallDashboard dashboard, CancellationToken ct) => TypedResults.Ok(await dashboard.HandleAsync(ct)));
        admin.MapGet("/audit", async (int? take, string? action, DateOnly? from, DateOnly? to, string? actor, long? beforeId, long? afterId,
                ListAudit list, CancellationToken ct) =>
            TypedResults.Ok(await list.HandleAsync(new AuditFilter(take ?? 200, action, from, to, actor, beforeId, afterId), ct)));
        admin.MapPost("/audit/verify", async (VerifyAudit verify, CancellationToken ct) => TypedResults.Ok(await verify.HandleAsync(ct)));
        admin.MapGet("/retention", async (GetRetention get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(ct)));
        admin.MapPut("/retention", async (SetRetentionRequest request, SetRetention set, CancellationToken ct) =>
            TypedResults.Ok(await set.HandleAsync(request, ct)));
    }

    private static Created<CreatedDto> Created(string collection, int id) =>
        TypedResults.Created($"/api/admin/{collection}/{id}", new CreatedDto(id));

    private static Ok<CreatedDto> Done(int id) => TypedResults.Ok(new CreatedDto(id));
}
