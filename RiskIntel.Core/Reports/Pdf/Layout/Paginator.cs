using PdfSharp.Drawing;

namespace RiskIntel.Core.Reports.Pdf.Layout;

/// <summary>
/// Pours blocks down pages of the body area: page breaks where a block asks for one, splits where a block does not
/// fit, and keeps a heading on the page of what follows it.
/// </summary>
internal sealed class Paginator(LayoutContext context, XRect body)
{
    private const int MaxKeepChain = 4;

    public FlowResult Layout(IReadOnlyList<IFlowBlock> blocks, int firstPageNumber, CancellationToken cancellationToken)
    {
        var pages = new List<LaidOutPage> { new() };
        var anchors = new Dictionary<string, int>(StringComparer.Ordinal);
        var y = 0.0;

        for (var i = 0; i < blocks.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var block = blocks[i];
            if (y > 0 && (block.Options.PageBreakBefore || (block.Options.KeepWithNext && !ChainFits(blocks, i, body.Height - y))))
            {
                pages.Add(new LaidOutPage());
                y = 0;
            }

            var spaceBefore = y > 0 ? block.Options.SpaceBefore : 0;
            while (true)
            {
                var atTop = y == 0;
                var split = block.Place(context, body.Height - y - spaceBefore, atTop);
                if (split.Placed is null)
                {
                    if (atTop)
                    {
                        throw new InvalidOperationException("A block placed nothing at the top of a page.");
                    }

                    pages.Add(new LaidOutPage());
                    (y, spaceBefore) = (0, 0);
                    continue;
                }

                if (block.Options.Anchor is { } anchor)
                {
                    anchors.TryAdd(anchor, firstPageNumber + pages.Count - 1);
                }

                var area = new XRect(body.Left, body.Top + y + spaceBefore, body.Width, split.Placed.Height);
                pages[^1].Items.Add(new PlacedFragment(split.Placed, area));
                y += spaceBefore + split.Placed.Height;
                if (split.Rest is null)
                {
                    y = Math.Min(y + block.Options.SpaceAfter, body.Height);
                    break;
                }

                pages.Add(new LaidOutPage());
                (y, spaceBefore, block) = (0, 0, split.Rest);
            }
        }

        return new FlowResult(pages, anchors);
    }

    // A keep-with-next block, and the chain of such blocks after it, must fit whole together with the first piece
    // of the block that ends the chain; otherwise the chain starts a new page.
    private bool ChainFits(IReadOnlyList<IFlowBlock> blocks, int start, double available)
    {
        var used = 0.0;
        for (var k = start; k < blocks.Count && k < start + MaxKeepChain; k++)
        {
            var block = blocks[k];
            var space = block.Options.SpaceBefore;
            var split = block.Place(context, available - used - space, atPageTop: false);
            if (split.Placed is null)
            {
                return false;
            }

            if (!block.Options.KeepWithNext)
            {
                return true;
            }

            if (split.Rest is not null)
            {
                return false;
            }

            used += space + split.Placed.Height + block.Options.SpaceAfter;
        }

        return true;
    }
}

/// <summary>The fragments of one page, each with its absolute area on the page.</summary>
internal sealed class LaidOutPage
{
    public List<PlacedFragment> Items { get; } = [];
}

internal sealed record PlacedFragment(IFragment Fragment, XRect Area);

/// <summary>The laid-out pages and, for every anchored block, the (1-based, absolute) page it starts on.</summary>
internal sealed record FlowResult(IReadOnlyList<LaidOutPage> Pages, IReadOnlyDictionary<string, int> Anchors);
