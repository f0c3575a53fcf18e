using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskIntel.Core.Prompts;

namespace RiskIntel.Core.Persistence.Configurations;

internal sealed class PromptVersionConfiguration : IEntityTypeConfiguration<PromptVersion>
{
    public void Configure(EntityTypeBuilder<PromptVersion> builder)
    {
        builder.ToTable("PromptVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Name).HasMaxLength(PromptDraft.MaxNameLength).IsRequired();
        builder.Property(v => v.Section).HasConversion<string>().HasMaxLength(32);
        builder.Property(v => v.SystemPrompt).IsRequired();
        builder.Property(v => v.UserPromptTemplate).IsRequired();
        builder.PrimitiveCollection(v => v.Tags);
        builder.Property(v => v.AuthorId).HasMaxLength(450).IsRequired();
        builder.Ignore(v => v.Content);
        builder.HasIndex(v => new { v.PromptId, v.Version }).IsUnique();
    }
}
