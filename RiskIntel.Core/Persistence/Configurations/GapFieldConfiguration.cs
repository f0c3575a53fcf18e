using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Gaps;

namespace RiskIntel.Core.Persistence.Configurations;

internal sealed class GapFieldConfiguration : IEntityTypeConfiguration<GapField>
{
    public void Configure(EntityTypeBuilder<GapField> builder)
    {
        builder.ToTable("GapFields");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Field).HasMaxLength(80).IsRequired();
        builder.Property(g => g.Category).HasMaxLength(40).IsRequired();
        builder.Property(g => g.Label).HasMaxLength(100).IsRequired();
        builder.Property(g => g.DetectedStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.ReviewedStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.ExtractedValue).HasMaxLength(2000);
        builder.Property(g => g.EvidenceJson).IsRequired();
        builder.Property(g => g.ExplanationJson).IsRequired();
        builder.Property(g => g.Correction).HasMaxLength(GapField.MaxCorrectionLength);
        builder.Property(g => g.CorrectedById).HasMaxLength(450);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.Ignore(g => g.Status);
        builder.Ignore(g => g.Evidence);
        builder.Ignore(g => g.Explanation);
        builder.Ignore(g => g.IsResolved);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(g => g.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.AssessmentId, g.Field }).IsUnique();
    }
}
