using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlmaty.FrontOffice.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeskDisplaysReceptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "KskName",
                table: "Tickets",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Tickets",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeNote",
                table: "Tickets",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Topic",
                table: "Tickets",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisplayGroup",
                table: "Devices",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisplayLayout",
                table: "Devices",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "hall");

            migrationBuilder.AddColumn<string>(
                name: "DisplaySound",
                table: "Devices",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "voice");

            migrationBuilder.AddColumn<string>(
                name: "TickerHtml",
                table: "Devices",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Appeals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegistrationNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExtendedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TellResidentBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appeals_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReceptionSchedules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeputyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DistrictAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Weekday = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    SlotMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacesPerSlot = table.Column<int>(type: "INTEGER", nullable: false),
                    DeskId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActiveUntil = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceptionSchedules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReceptionSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeputyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DistrictAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    SlotMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacesPerSlot = table.Column<int>(type: "INTEGER", nullable: false),
                    DeskId = table.Column<int>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceptionSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SlotStart = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    IinHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IinLastFour = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OfferExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bookings_ReceptionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ReceptionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResidentNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookingVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Stale = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidentNotices_Bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_ClosedOn_DueOn",
                table: "Appeals",
                columns: new[] { "ClosedOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_TicketId",
                table: "Appeals",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_Code",
                table: "Bookings",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_ErasedAt",
                table: "Bookings",
                column: "ErasedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_IinHash",
                table: "Bookings",
                column: "IinHash");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_Sequence",
                table: "Bookings",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_SessionId_State",
                table: "Bookings",
                columns: new[] { "SessionId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ReceptionSessions_Date_Start",
                table: "ReceptionSessions",
                columns: new[] { "Date", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidentNotices_BookingId",
                table: "ResidentNotices",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentNotices_DoneAt_Stale",
                table: "ResidentNotices",
                columns: new[] { "DoneAt", "Stale" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Appeals");

            migrationBuilder.DropTable(
                name: "ReceptionSchedules");

            migrationBuilder.DropTable(
                name: "ResidentNotices");

            migrationBuilder.DropTable(
                name: "Bookings");

            migrationBuilder.DropTable(
                name: "ReceptionSessions");

            migrationBuilder.DropColumn(
                name: "KskName",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "OutcomeNote",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "Topic",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "DisplayGroup",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "DisplayLayout",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "DisplaySound",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "TickerHtml",
                table: "Devices");
        }
    }
}
