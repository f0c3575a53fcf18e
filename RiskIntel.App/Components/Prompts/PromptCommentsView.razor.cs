using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using RiskIntel.App.Auth;
using RiskIntel.Core.Prompts;

namespace RiskIntel.App.Components.Prompts;

/// <summary>The threaded comments of a prompt: top-level comments and replies nested under their parent.</summary>
public sealed partial class PromptCommentsView
{
    private IReadOnlyList<PromptCommentDto> _comments = [];
    private string? _newComment;
    private string? _reply;
    private Guid? _replyTo;
    private string? _error;

    [Inject]
    private PromptQueries Queries { get; set; } = null!;

    [Inject]
    private PromptService Prompts { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Parameter]
    [EditorRequired]
    public Guid PromptId { get; set; }

    protected override async Task OnParametersSetAsync() =>
        _comments = await Queries.GetCommentsAsync(PromptId, CancellationToken.None) ?? [];

    private IEnumerable<PromptCommentDto> Replies(Guid? parentId) => _comments.Where(c => c.ParentId == parentId);

    private static string Initial(PromptCommentDto comment) =>
        (comment.Author ?? comment.AuthorId) is { Length: > 0 } name ? name[..1].ToUpperInvariant() : "?";

    private void StartReply(Guid id)
    {
        _replyTo = _replyTo == id ? null : id;
        _reply = null;
    }

    private async Task PostAsync(Guid? parentId)
    {
        _error = null;
        try
        {
            var userId = (await AuthenticationState).User.GetUserId();
            await Prompts.AddCommentAsync(PromptId, parentId is null ? _newComment : _reply, parentId, userId, CancellationToken.None);
            if (parentId is null)
            {
                _newComment = null;
            }
            else
            {
                (_reply, _replyTo) = (null, null);
            }

            _comments = await Queries.GetCommentsAsync(PromptId, CancellationToken.None) ?? [];
        }
        catch (PromptValidationException ex)
        {
            _error = string.Join(" ", ex.Errors.SelectMany(e => e.Value));
        }
    }
}
