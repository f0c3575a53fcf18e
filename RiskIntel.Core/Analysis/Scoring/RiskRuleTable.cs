using System.Text.Json;
using RiskIntel.Core.Risk;

namespace RiskIntel.Core.Analysis.Scoring;

/// <summary>
/// The offline engine's rules, loaded from the embedded <c>risk-rules.json</c> and validated once: per field a
/// baseline, the indicators that raise or lower it, and the penalties for missing information.
/// </summary>
internal sealed record RiskRuleTable(
    string Version,
    double MaxRuleEffect,
    MissingPenalties Missing,
    RecommendationPolicy Recommendations,
    NegationGuard Negation,
    IReadOnlyList<SubcategoryRules> Subcategories)
{
    public const string ResourceName = "RiskIntel.Core.Analysis.Scoring.risk-rules.json";

    private static readonly Lazy<RiskRuleTable> Embedded = new(LoadEmbedded);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The embedded table; a broken one fails the first analysis loudly rather than scoring wrongly.</summary>
    public static RiskRuleTable Default => Embedded.Value;

    public SubcategoryRules For(string field) =>
        Subcategories.First(s => string.Equals(s.Field.Key, field, StringComparison.Ordinal));

    /// <summary>Reads and validates a table; every problem found is listed in the <see cref="RiskRuleTableException"/>.</summary>
    public static RiskRuleTable Parse(string json)
    {
        RiskRuleTableJson? document;
        try
        {
            document = JsonSerializer.Deserialize<RiskRuleTableJson>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new RiskRuleTableException([$"the rule table is not valid JSON: {ex.Message}"]);
        }

        return RiskRuleTableValidator.Validate(document ?? throw new RiskRuleTableException(["the rule table is empty"]));
    }

    public static string ReadEmbeddedJson()
    {
        using var stream = typeof(RiskRuleTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static RiskRuleTable LoadEmbedded() => Parse(ReadEmbeddedJson());
}

/// <summary>Points added when the gap review found a field missing or only partly covered.</summary>
internal sealed record MissingPenalties(double Missing, double Partial, bool WaivedByCorrection);

/// <summary>One field's rules: where its score starts, what raises or lowers it, and what to ask for when it is missing.</summary>
internal sealed record SubcategoryRules(
    RiskField Field,
    double Baseline,
    double MissingPenalty,
    double PartialPenalty,
    string Request,
    string Mitigation,
    IReadOnlyList<RiskRule> Rules);
