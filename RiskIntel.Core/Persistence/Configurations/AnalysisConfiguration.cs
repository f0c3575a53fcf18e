using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Assessments;

namespace RiskIntel.Core.Persistence.Configurations;

internal sealed class RiskAnalysisConfiguration : IEntityTypeConfiguration<RiskAnalysis>
{
    public void Configure(EntityTypeBuilder<RiskAnalysis> builder)
    {
        builder.ToTable("RiskAnalyses");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Engine).HasMaxLength(40).IsRequired();
        builder.Property(a => a.Model).HasMaxLength(200);
        builder.Property(a => a.RulesVersion).HasMaxLength(40);
        builder.Property(a => a.OverallLevel).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ResultJson).IsRequired();
        builder.Property(a => a.NotesJson).IsRequired();
        builder.Property(a => a.CreatedById).HasMaxLength(450).IsRequired();
        builder.Ignore(a => a.Result);
        builder.Ignore(a => a.Notes);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.AssessmentId, a.Version }).IsUnique();
        builder.HasMany<RecommendationEdit>().WithOne().HasForeignKey(e => e.AnalysisId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecommendationEditConfiguration : IEntityTypeConfiguration<RecommendationEdit>
{
    public void Configure(EntityTypeBuilder<RecommendationEdit> builder)
    {
        builder.ToTable("RecommendationEdits");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.RecommendationId).HasMaxLength(120).IsRequired();
        builder.Property(e => e.Text).HasMaxLength(RecommendationEdit.MaxTextLength).IsRequired();
        builder.Property(e => e.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.EditedById).HasMaxLength(450).IsRequired();
        builder.HasIndex(e => new { e.AnalysisId, e.RecommendationId }).IsUnique();
    }
}

internal sealed class AssessmentCommentConfiguration : IEntityTypeConfiguration<AssessmentComment>
{
    public void Configure(EntityTypeBuilder<AssessmentComment> builder)
    {
        builder.ToTable("AssessmentComments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Content).HasMaxLength(AssessmentComment.MaxContentLength).IsRequired();
        builder.Property(c => c.AuthorId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.AuthorEmail).HasMaxLength(256).IsRequired();
        builder.HasOne<Assessment>().WithMany().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.AssessmentId, c.CreatedAt });
    }
}
