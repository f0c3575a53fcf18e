using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RiskIntel.Core.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsMandatory = table.Column<bool>(type: "INTEGER", nullable: false),
                    DetectedStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReviewedStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ExtractedValue = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EvidenceJson = table.Column<string>(type: "TEXT", nullable: false),
                    ExplanationJson = table.Column<string>(type: "TEXT", nullable: false),
                    Correction = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CorrectedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CorrectedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DetectedBy = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
