using Microsoft.Extensions.DependencyInjection;
using OpenAlmaty.FrontOffice.Application.Desks;
using OpenAlmaty.FrontOffice.Application.Devices;
using OpenAlmaty.FrontOffice.Application.Printing;
using OpenAlmaty.FrontOffice.Application.Realtime;
using OpenAlmaty.FrontOffice.Application.Roster;
using OpenAlmaty.FrontOffice.Application.Staff;
using OpenAlmaty.FrontOffice.Application.Tickets;

namespace OpenAlmaty.FrontOffice.Application;

public static class ApplicationSetup
{
    /// <summary>Registers every use case; each is a scoped class with one <c>HandleAsync</c>.</summary>
    public static IServiceCollection AddFrontOfficeApplication(this IServiceCollection services)
    {
        services.AddSingleton<DeviceTokens>();
        services.AddSingleton<Common.CallerStandings>();
        services.AddSingleton<DayCounters>();
        services.AddSingleton<WaitHistory>();
        services.AddSingleton<RosterCache>();
        services.AddSingleton<PrinterConnections>();
        services.AddSingleton<PrinterAddressPolicy>();
        services.AddSingleton<Receptions.IinHasher>();
        services.AddSingleton<Receptions.HallCalendar>();
        services.AddSingleton<Audit.AuditHead>();
        services.AddSingleton<Common.StorageFaults>();
        services.AddScoped<Audit.CurrentActor>();
        foreach (var useCase in new[]
        {
            typeof(IssueTicket), typeof(GetPublicTicket), typeof(RateVisit), typeof(TicketChange), typeof(StartServing), typeof(Recall),
            typeof(MarkNoShow), typeof(Complete), typeof(Park), typeof(Unpark), typeof(Rejoin), typeof(Transfer),
            typeof(CallNext), typeof(SetDeskOpen), typeof(GetDeskConsole), typeof(SignOut), typeof(ListDeskNoShows), typeof(FindDeskTicket), typeof(GetMyDay),
            typeof(SeedRoster), typeof(GetRoster), typeof(RosterEdit), typeof(CreateDesk), typeof(UpdateDesk), typeof(RetireDesk),
            typeof(CreateAgency), typeof(CreateService), typeof(UpdateService), typeof(RetireAgency), typeof(UpdateAgency), typeof(RetireService),
            typeof(RestoreAgency), typeof(RestoreService), typeof(RestoreDesk), typeof(Receptions.RecentReceptionVisits),
            typeof(EnrolDevice), typeof(ListDevices), typeof(RevokeDevice), typeof(Common.CheckCaller),
            typeof(CreateOfficer), typeof(ListStaff), typeof(ManageStaffAccount), typeof(MyDesks), typeof(BootstrapAdmin), typeof(ChangeOwnPassword), typeof(RecoverAccount), typeof(GetSnapshot), typeof(GetEventsAfter), typeof(CloseDay),
            typeof(Receptions.CreateSession), typeof(Receptions.ListSessions), typeof(Receptions.BookReception),
            typeof(Receptions.GetBooking), typeof(Receptions.EditCalendar), typeof(Receptions.CancelBooking), typeof(Receptions.ReceptionReaders), typeof(Receptions.MoveBooking), typeof(Receptions.ConfirmBooking),
            typeof(Receptions.RescheduleSession), typeof(Receptions.CheckIn), typeof(Receptions.ReceptionDayList),
            typeof(Receptions.ListSessionBookings), typeof(Receptions.ListResidentNotices), typeof(Receptions.MarkNoticeDone), typeof(Receptions.BookingCalendarFile),
            typeof(Receptions.GenerateSessions), typeof(Receptions.CreateSchedule), typeof(Receptions.CancelSession), typeof(Receptions.RecordReceptionNoShows), typeof(Receptions.PassOnLapsedOffers), typeof(Receptions.Appeals), typeof(Receptions.DeliverResidentNotices),
            typeof(Privacy.GetRetention), typeof(Privacy.SetRetention), typeof(Privacy.ErasePersonalData),
            typeof(Displays.GetDisplayBoard), typeof(Displays.ConfigureDisplay), typeof(Displays.TestDisplay),
            typeof(Reports.BuildServiceReport), typeof(Reports.ServiceReportFiles), typeof(Reports.WriteNightlyReport), typeof(Reports.GetHallDashboard),
            typeof(Audit.AuditTrail), typeof(Audit.ListAudit), typeof(Audit.VerifyAudit),
            typeof(PrintTicket), typeof(PrintBookingSlip), typeof(ConfigurePrinter), typeof(TestPrint), typeof(RecordPrinterStatus), typeof(PollPrinters), typeof(ListPrintJobs),
        })
        {
            services.AddScoped(useCase);
        }

        return services;
    }
}
