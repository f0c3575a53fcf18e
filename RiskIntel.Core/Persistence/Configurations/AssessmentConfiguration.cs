using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskIntel.Core.Assessments;

namespace RiskIntel.Core.Persistence.Configurations;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.ToTable("Assessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Name).HasMaxLength(Assessment.MaxNameLength).IsRequired();
        builder.Property(a => a.CompanyName).HasMaxLength(Assessment.MaxNameLength).IsRequired();
        builder.Property(a => a.CompanyType).HasMaxLength(Assessment.MaxNameLength).IsRequired();
        builder.Property(a => a.Country).HasMaxLength(Assessment.MaxCountryLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.StatusMessage).HasMaxLength(500);
        builder.Property(a => a.OverallLevel).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.CreatedById).HasMaxLength(450).IsRequired();
        builder.Property(a => a.SearchText).HasMaxLength(1000).IsRequired();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.CreatedById, a.CreatedAt });
        builder.HasIndex(a => new { a.CreatedById, a.Status });
    }
}
