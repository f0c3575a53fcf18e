namespace RiskIntel.Tests.Infrastructure.Documents;

/// <summary>
/// One description of a document that the sample writers turn into PDF, DOCX, TXT or Markdown, so the same
/// content can be parsed in every format. Build it in code or with <see cref="SampleMarkdown.Parse"/>.
/// </summary>
public sealed record SampleDocument(string Title, string? Author, IReadOnlyList<SampleBlock> Blocks)
{
    /// <summary>Every word of the body, as a parser should find it (table cells included).</summary>
    public IEnumerable<string> Words() => Blocks.SelectMany(b => b switch
    {
        SampleHeading h => h.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        SampleParagraph p => p.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        SampleTable t => t.Rows.SelectMany(r => r).SelectMany(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
        SampleList l => l.Items.SelectMany(i => i.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
        _ => [],
    });
}

/// <summary>A part of a <see cref="SampleDocument"/>.</summary>
public abstract record SampleBlock;

/// <summary>A heading; level 1 is the top.</summary>
public sealed record SampleHeading(int Level, string Text) : SampleBlock;

/// <summary>A paragraph of running text (one line in the source; writers wrap it).</summary>
public sealed record SampleParagraph(string Text) : SampleBlock;

/// <summary>A table; the first row is the header.</summary>
public sealed record SampleTable(IReadOnlyList<string[]> Rows) : SampleBlock;

/// <summary>A bulleted list; each item is one line of running text (writers wrap it).</summary>
public sealed record SampleList(IReadOnlyList<string> Items) : SampleBlock;

/// <summary>An explicit page break.</summary>
public sealed record SamplePageBreak : SampleBlock;
