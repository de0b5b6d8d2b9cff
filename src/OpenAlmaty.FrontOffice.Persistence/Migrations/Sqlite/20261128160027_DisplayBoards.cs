using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenAlmaty.FrontOffice.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DisplayBoards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
