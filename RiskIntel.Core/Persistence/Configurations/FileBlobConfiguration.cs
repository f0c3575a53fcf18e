using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskIntel.Core.Files;

namespace RiskIntel.Core.Persistence.Configurations;

internal sealed class FileBlobConfiguration : IEntityTypeConfiguration<FileBlob>
{
    public void Configure(EntityTypeBuilder<FileBlob> builder)
    {
        builder.ToTable("FileBlobs");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Key).HasMaxLength(FileKeys.MaxLength);
        builder.Property(b => b.Sha256).HasMaxLength(64);

        // Unique among finished files; unfinished ones have no key yet.
        builder.HasIndex(b => b.Key).IsUnique();
        builder.HasIndex(b => b.CreatedAt);
    }
}

internal sealed class FileChunkConfiguration : IEntityTypeConfiguration<FileChunk>
{
    public void Configure(EntityTypeBuilder<FileChunk> builder)
    {
        builder.ToTable("FileChunks");
        builder.HasKey(c => new { c.BlobId, c.Ordinal });
        builder.Property(c => c.Data).IsRequired();
        builder.HasOne<FileBlob>().WithMany().HasForeignKey(c => c.BlobId).OnDelete(DeleteBehavior.Cascade);
    }
}
