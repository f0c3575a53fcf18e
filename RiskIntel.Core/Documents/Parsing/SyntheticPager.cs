namespace RiskIntel.Core.Documents.Parsing;

/// <summary>
/// Pages for a document that has none (plain text, a DOCX without page breaks): a page ends at the first
/// block (paragraph) boundary once it holds at least <c>wordsPerPage</c> words. A block is never split.
/// </summary>
internal static class SyntheticPager
{
    /// <summary>The 0-based page of each block.</summary>
    public static int[] Assign(IReadOnlyList<string> blocks, int wordsPerPage, CancellationToken cancellationToken)
    {
        var pageOf = new int[blocks.Count];
        var page = 0;
        var words = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (words >= wordsPerPage)
            {
                page++;
                words = 0;
            }

            pageOf[i] = page;
            words += WordCounter.Count(blocks[i]);
        }

        return pageOf;
    }

    /// <summary>Joins blocks into page texts with the given separator, following <see cref="Assign"/>.</summary>
    public static List<PageText> Join(IReadOnlyList<string> blocks, int[] pageOf, string separator)
    {
        var pages = new List<PageText>();
        var start = 0;
        while (start < blocks.Count)
        {
            var end = start;
            while (end < blocks.Count && pageOf[end] == pageOf[start])
            {
                end++;
            }

            pages.Add(new PageText(pages.Count + 1, string.Join(separator, blocks.Skip(start).Take(end - start)).Trim()));
            start = end;
        }

        return pages;
    }
}
