using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskIntel.Core.Prompts;

namespace RiskIntel.Core.Persistence.Configurations;

internal sealed class PromptCommentConfiguration : IEntityTypeConfiguration<PromptComment>
{
    public void Configure(EntityTypeBuilder<PromptComment> builder)
    {
        builder.ToTable("PromptComments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Content).HasMaxLength(10_000).IsRequired();
        builder.Property(c => c.AuthorId).HasMaxLength(450).IsRequired();
        builder.HasOne<PromptComment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.PromptId, c.CreatedAt });
    }
}
