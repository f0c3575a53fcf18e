using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskIntel.Core.Prompts;

namespace RiskIntel.Core.Persistence.Configurations;

internal sealed class PromptChangeConfiguration : IEntityTypeConfiguration<PromptChange>
{
    public void Configure(EntityTypeBuilder<PromptChange> builder)
    {
        builder.ToTable("PromptChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ChangedById).HasMaxLength(450).IsRequired();
        builder.Property(c => c.Changes).IsRequired();
        builder.HasIndex(c => new { c.PromptId, c.Id });
    }
}
