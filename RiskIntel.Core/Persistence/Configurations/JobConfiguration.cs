using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RiskIntel.Core.Jobs;

namespace RiskIntel.Core.Persistence.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("Jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Type).HasConversion<string>().HasMaxLength(32);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Input).IsRequired();
        builder.Property(j => j.Error).HasMaxLength(4000);
        builder.Property(j => j.ProgressMessage).HasMaxLength(500);
        builder.Property(j => j.CreatedById).HasMaxLength(450).IsRequired();
        builder.Property(j => j.IdempotencyKey).HasMaxLength(200);
        builder.Property(j => j.RequestHash).HasMaxLength(64).IsRequired();
        builder.Property(j => j.CallbackUrl).HasMaxLength(2000);
        builder.Property(j => j.LeaseOwner).HasMaxLength(200);
        builder.Property(j => j.TraceParent).HasMaxLength(64);
        builder.Property(j => j.Version).IsConcurrencyToken();
        builder.Ignore(j => j.IsTerminal);

        builder.HasMany(j => j.Events).WithOne().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(j => j.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(j => j.WebhookDeliveries).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(j => new { j.CreatedById, j.IdempotencyKey }).IsUnique();
        builder.HasIndex(j => new { j.CreatedById, j.CreatedAt });
        builder.HasIndex(j => new { j.Status, j.NextAttemptAt });
        builder.HasIndex(j => new { j.CreatedById, j.RequestHash, j.Status });
        builder.HasIndex(j => j.CompletedAt);
        builder.HasIndex(j => j.UpdatedAt); // catch-up after a Redis loss, and hub clients re-reading what changed while away
    }
}
