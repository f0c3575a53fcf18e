using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskIntel.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddGapFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GapFields",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Field = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Category = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    IsMandatory = table.Column<bool>(type: "bit", nullable: false),
                    DetectedStatus = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ReviewedStatus = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    ExtractedValue = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    EvidenceJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ExplanationJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Correction = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    CorrectedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    CorrectedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DetectedBy = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GapFields", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GapFields_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GapFields_AssessmentId_Field",
                table: "GapFields",
                columns: new[] { "AssessmentId", "Field" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GapFields");
        }
    }
}
