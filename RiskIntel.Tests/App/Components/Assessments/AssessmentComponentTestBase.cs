using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using RiskIntel.Core.Assessments;
using RiskIntel.Core.Documents;
using RiskIntel.Core.Documents.Parsing;
using RiskIntel.Core.Files;
using RiskIntel.Core.Gaps;
using RiskIntel.Core.Gaps.Detection;
using RiskIntel.Core.Risk;

namespace RiskIntel.Tests.App.Components.Assessments;

/// <summary>
/// The component base plus the real assessment, document and gap services on the test database, files in a
/// temporary folder; the base's fake clock drives the debounced save.
/// </summary>
public abstract class AssessmentComponentTestBase : ComponentTestBase
{
    private readonly string _files = Path.Combine(Path.GetTempPath(), $"riskintel-files-{Guid.NewGuid():N}");

    /// <param name="maxUploadBytes">The upload limit the document service enforces.</param>
    /// <param name="addServices">Registers a derived fixture's services after this base's (the files store is set by then).</param>
    protected AssessmentComponentTestBase(long maxUploadBytes = 25L * 1024 * 1024, Action<AssessmentComponentTestBase>? addServices = null)
        : base(fixture =>
        {
            var self = (AssessmentComponentTestBase)fixture;
            self.AddFeatureServices(maxUploadBytes);
            addServices?.Invoke(self);
        })
    {
    }

    protected AssessmentService Assessments { get; private set; } = null!;

    /// <summary>The files of the test: uploads and generated reports.</summary>
    protected IFileStore Files { get; private set; } = null!;

    // Runs inside the base constructor; the field initialisers (the files folder) have run by then.
    private void AddFeatureServices(long maxUploadBytes)
    {
        var store = new LocalFileStore(Options.Create(new FilesOptions { Root = _files }),
            new HostingEnvironment { ContentRootPath = _files }, Clock);
        var documents = Options.Create(new DocumentsOptions { MaxUploadBytes = maxUploadBytes });
        Files = store;
        Assessments = new AssessmentService(Db, store, Clock, NullLogger<AssessmentService>.Instance);
        Services.AddSingleton(Assessments);
        Services.AddSingleton(new AssessmentQueries(Db));
        Services.AddSingleton(new DocumentService(Db, store, new DocumentFormatDetector(documents), Jobs, documents, Clock,
            NullLogger<DocumentService>.Instance));
        Services.AddSingleton(new DocumentQueries(Db, store));
        Services.AddSingleton(new GapQueries(Db));
        Services.AddSingleton(new GapReviewService(Db, Jobs, Clock));
    }

    protected Task<AssessmentDto> CreateAssessmentAsync(string name = "Ndaragwa dairy 2026", string userId = UserId) =>
        Assessments.CreateAsync(new AssessmentDetails(name, "Ndaragwa Highlands Dairy Co-operative", "Cooperative", "Kenya"), userId, default);

    /// <summary>A parsed document with the given page texts, as the parse step leaves it.</summary>
    protected async Task<Guid> SeedDocumentAsync(Guid assessmentId, params string[] pages)
    {
        await using var db = Db.CreateDbContext();
        var document = Document.Upload(assessmentId, "business-plan.pdf", "application/pdf",
            new StoredFile($"seed-{Guid.NewGuid():N}", 1000, Convert.ToHexStringLower(SHA256.HashData(Guid.NewGuid().ToByteArray()))),
            UserId, Clock.GetUtcNow().UtcDateTime);
        document.MarkParsed(pages.Length, pages.Sum(p => p.Split(' ').Length), null, null, ocr: false, Clock.GetUtcNow().UtcDateTime);
        db.Documents.Add(document);
        db.DocumentPages.AddRange(pages.Select((text, i) => new DocumentPage(document.Id, i + 1, text)));
        await db.SaveChangesAsync();
        return document.Id;
    }

    /// <summary>
    /// The 35 detected fields: <paramref name="status"/> decides each one's status (MISSING when it answers null),
    /// <paramref name="evidence"/> its quotes, <paramref name="mandatory"/> whether it is required.
    /// </summary>
    protected async Task SeedGapsAsync(
        Guid assessmentId,
        Func<RiskField, GapStatus?>? status = null,
        Func<RiskField, IReadOnlyList<Evidence>>? evidence = null,
        Func<RiskField, bool>? mandatory = null)
    {
        await using var db = Db.CreateDbContext();
        foreach (var field in RiskTaxonomy.Fields)
        {
            var gap = new DetectedGap(field.Category, field.Key, field.Label, status?.Invoke(field) ?? GapStatus.Missing,
                ExtractedValue: null, evidence?.Invoke(field) ?? [], mandatory?.Invoke(field) ?? false,
                MatchedTerms: [], DroppedQuotes: [], Notes: []);
            db.GapFields.Add(GapField.Detected(assessmentId, gap, Clock.GetUtcNow().UtcDateTime));
        }

        await db.SaveChangesAsync();
    }

    protected async Task<GapFieldDto> GapAsync(Guid assessmentId, string field) =>
        (await new GapQueries(Db).ListAsync(assessmentId, UserId, default))!.Single(g => g.Field == field);

    // Called from the asynchronous disposal (disposing: false) and again by xunit; the second call finds nothing.
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(_files))
        {
            Directory.Delete(_files, recursive: true);
        }
    }
}
