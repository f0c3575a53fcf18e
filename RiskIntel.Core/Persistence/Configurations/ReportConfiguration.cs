using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Reports;

namespace RiskIntel.Core.Persistence.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("Reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.StorageKey).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(r => r.CreatedById).HasMaxLength(450).IsRequired();
        builder.HasOne<Assessment>().WithMany().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.AssessmentId, r.Version }).IsUnique();
    }
}
