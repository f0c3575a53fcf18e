using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RiskIntel.Core.Analysis;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Auth;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Files;
using RiskIntel.Core.Gaps;
using RiskIntel.Core.Jobs;
using RiskIntel.Core.Jobs.Notifications.Webhooks;
using RiskIntel.Core.Prompts;
using RiskIntel.Core.Reports;

namespace RiskIntel.Core.Persistence;

/// <summary>
/// The one model of RiskIntel. Each database provider has a subclass (see Providers/) only so that it
/// can own its migration set; the model itself is defined once, here.
/// </summary>
public abstract class RiskIntelDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The key ring that protects cookies and bearer tokens, shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Job> Jobs => Set<Job>();

    public DbSet<JobEvent> JobEvents => Set<JobEvent>();

    public DbSet<SchedulerNode> SchedulerNodes => Set<SchedulerNode>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    public DbSet<Prompt> Prompts => Set<Prompt>();

    public DbSet<PromptVersion> PromptVersions => Set<PromptVersion>();

    public DbSet<PromptChange> PromptChanges => Set<PromptChange>();

    public DbSet<PromptComment> PromptComments => Set<PromptComment>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentPage> DocumentPages => Set<DocumentPage>();

    public DbSet<GapField> GapFields => Set<GapField>();

    public DbSet<RiskAnalysis> RiskAnalyses => Set<RiskAnalysis>();

    public DbSet<RecommendationEdit> RecommendationEdits => Set<RecommendationEdit>();

    public DbSet<AssessmentComment> AssessmentComments => Set<AssessmentComment>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<FileBlob> FileBlobs => Set<FileBlob>();

    public DbSet<FileChunk> FileChunks => Set<FileChunk>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RiskIntelDbContext).Assembly);

        // At most one active prompt per section, guarded by the database too (filter syntax is per provider).
        builder.Entity<Prompt>().HasIndex(p => p.Section, "IX_Prompts_ActiveSection").IsUnique()
            .HasFilter(Database.ProviderName switch
            {
                "Npgsql.EntityFrameworkCore.PostgreSQL" => "\"IsActive\"",
                "Microsoft.EntityFrameworkCore.SqlServer" => "[IsActive] = 1",
                _ => "\"IsActive\" = 1",
            });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
