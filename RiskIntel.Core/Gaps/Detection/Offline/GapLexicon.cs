using System.Text.Json;

namespace RiskIntel.Core.Gaps.Detection.Offline;

/// <summary>The offline engine's lexicon, read once from the embedded <c>gap-lexicon.json</c> and compiled.</summary>
internal sealed class GapLexicon
{
    private const string ResourceName = "RiskIntel.Core.Gaps.Detection.Offline.gap-lexicon.json";
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<GapLexicon> Embedded = new(() => Load(ReadEmbedded()));

    private GapLexicon(int version, NegationDetector negation, FigureDetector figures, IReadOnlyDictionary<string, FieldRules> fields)
    {
        Version = version;
        Negation = negation;
        Figures = figures;
        Fields = fields;
    }

    public static GapLexicon Default => Embedded.Value;

    public int Version { get; }

    public NegationDetector Negation { get; }

    public FigureDetector Figures { get; }

    public IReadOnlyDictionary<string, FieldRules> Fields { get; }

    public static GapLexicon Load(string json)
    {
        var data = JsonSerializer.Deserialize<LexiconData>(json, JsonOptions)
            ?? throw new InvalidOperationException("The gap lexicon is empty.");
        var fields = data.Fields.ToDictionary(f => f.Field, Compile, StringComparer.Ordinal);
        return new GapLexicon(data.Version, new NegationDetector(data.Negation), new FigureDetector(data.Currencies, data.Figures), fields);
    }

    private static FieldRules Compile(FieldLexiconData field)
    {
        var specific = (field.Specific ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var terms = field.Terms.Concat(specific).Select(t => (Term: t, Kind: specific.Contains(t) ? TermKind.Specific : TermKind.Topic))
            .Concat((field.Weak ?? []).Select(t => (Term: t, Kind: TermKind.Weak)))
            .DistinctBy(t => t.Term, StringComparer.OrdinalIgnoreCase)
            .Select(t => new CompiledTerm(TermPattern.Text(t.Term), t.Kind, TermPattern.Compile(t.Term)))
            .ToList();
        return new FieldRules(field.Field, terms, TermPattern.CompileAny(field.Exclude ?? []),
            (field.Figures ?? []).ToHashSet(StringComparer.Ordinal), field.NeedsFigure);
    }

    private static string ReadEmbedded()
    {
        using var stream = typeof(GapLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
