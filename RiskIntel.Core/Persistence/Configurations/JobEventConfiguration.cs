using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskIntel.Core.Jobs;

namespace RiskIntel.Core.Persistence.Configurations;

internal sealed class JobEventConfiguration : IEntityTypeConfiguration<JobEvent>
{
    public void Configure(EntityTypeBuilder<JobEvent> builder)
    {
        builder.ToTable("JobEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.To).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Message).HasMaxLength(4000);
        builder.Property(e => e.Node).HasMaxLength(100);
        builder.HasIndex(e => new { e.JobId, e.Id });
    }
}
