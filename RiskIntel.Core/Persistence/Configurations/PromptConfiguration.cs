using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskIntel.Core.Prompts;

namespace RiskIntel.Core.Persistence.Configurations;

internal sealed class PromptConfiguration : IEntityTypeConfiguration<Prompt>
{
    public void Configure(EntityTypeBuilder<Prompt> builder)
    {
        builder.ToTable("Prompts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(PromptDraft.MaxNameLength).IsRequired();
        builder.Property(p => p.Section).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.SystemPrompt).IsRequired();
        builder.Property(p => p.UserPromptTemplate).IsRequired();
        builder.PrimitiveCollection(p => p.Tags);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.CreatedById).HasMaxLength(450).IsRequired();
        builder.Property(p => p.UpdatedById).HasMaxLength(450).IsRequired();
        builder.Ignore(p => p.Variables);
        builder.Ignore(p => p.Content);

        builder.HasIndex(p => new { p.Section, p.Name });
        builder.HasMany<PromptVersion>().WithOne().HasForeignKey(v => v.PromptId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<PromptChange>().WithOne().HasForeignKey(c => c.PromptId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<PromptComment>().WithOne().HasForeignKey(c => c.PromptId).OnDelete(DeleteBehavior.Cascade);
    }
}
