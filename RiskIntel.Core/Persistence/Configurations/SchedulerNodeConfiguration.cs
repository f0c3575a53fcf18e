using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskIntel.Core.Jobs;

namespace RiskIntel.Core.Persistence.Configurations;

internal sealed class SchedulerNodeConfiguration : IEntityTypeConfiguration<SchedulerNode>
{
    public void Configure(EntityTypeBuilder<SchedulerNode> builder)
    {
        builder.ToTable("SchedulerNodes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).HasMaxLength(200);
        builder.Property(n => n.Name).HasMaxLength(200);
    }
}
