using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Documents;

namespace RiskIntel.Core.Persistence.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.ToTable("Documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.FileName).HasMaxLength(Document.MaxFileNameLength).IsRequired();
        builder.Property(d => d.StorageKey).HasMaxLength(200).IsRequired();
        builder.Property(d => d.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Error).HasMaxLength(2000);
        builder.Property(d => d.Title).HasMaxLength(500);
        builder.Property(d => d.Author).HasMaxLength(500);
        builder.Property(d => d.UploadedById).HasMaxLength(450).IsRequired();
        builder.HasOne<Assessment>().WithMany().HasForeignKey(d => d.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.AssessmentId, d.Sha256 }).IsUnique();
        builder.HasMany<DocumentPage>().WithOne().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentPageConfiguration : IEntityTypeConfiguration<DocumentPage>
{
    public void Configure(EntityTypeBuilder<DocumentPage> builder)
    {
        builder.ToTable("DocumentPages");
        builder.HasKey(p => new { p.DocumentId, p.Page });
        builder.Property(p => p.Page).ValueGeneratedNever();
        builder.Property(p => p.Text).IsRequired();
    }
}
