using Microsoft.EntityFrameworkCore.Migrations;
using RiskIntel.Core.Persistence.Migrations.Quartz;

#nullable disable

namespace RiskIntel.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddQuartzTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Node",
                table: "JobEvents",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            QuartzTables.CreateSqlServer(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            QuartzTables.DropSqlServer(migrationBuilder);

            migrationBuilder.DropColumn(
                name: "Node",
                table: "JobEvents");
        }
    }
}
