using Microsoft.AspNetCore.Components;
using MudBlazor;
using RiskIntel.Core.Analysis;

namespace RiskIntel.App.Components.Analysis;

/// <summary>The assessment's threaded discussion: comments oldest first, replies under their parent.</summary>
public sealed partial class CommentThread
{
    private List<CommentDto> _comments = [];
    private string _draft = "";
    private string _reply = "";
    private Guid? _replyTo;
    private bool _posting;

    [Inject]
    private AnalysisQueries Queries { get; set; } = default!;

    [Inject]
    private AnalysisService Analysis { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired]
    public Guid AssessmentId { get; set; }

    [Parameter, EditorRequired]
    public string UserId { get; set; } = "";

    [Parameter, EditorRequired]
    public string UserEmail { get; set; } = "";

    protected override async Task OnParametersSetAsync() =>
        _comments = [.. await Queries.ListCommentsAsync(AssessmentId, UserId, CancellationToken.None) ?? []];

    private void StartReply(Guid commentId)
    {
        _replyTo = commentId;
        _reply = "";
    }

    private async Task PostAsync(Guid? parentId)
    {
        var content = (parentId is null ? _draft : _reply).Trim();
        if (content.Length == 0)
        {
            return;
        }

        _posting = true;
        try
        {
            var (outcome, comment) = await Analysis.CommentAsync(AssessmentId, UserId, UserEmail, content, parentId, CancellationToken.None);
            if (outcome == EditOutcome.Saved && comment is not null)
            {
                _comments.Add(comment);
                if (parentId is null)
                {
                    _draft = "";
                }
                else
                {
                    _replyTo = null;
                }
            }
            else
            {
                Snackbar.Add("The comment could not be posted: the comment it answers is gone.", Severity.Warning);
            }
        }
        finally
        {
            _posting = false;
        }
    }
}
