using MudBlazor;
using RiskIntel.Core.Gaps;

namespace RiskIntel.App.Components.Gaps;

/// <summary>What the review writes: corrections in batches, the submission to risk analysis, and a new detection.</summary>
public sealed partial class GapReview
{
    /// <summary>Saves every correction typed since the last save, in one batch; a save already running is followed by another.</summary>
    private async Task SaveDraftsAsync()
    {
        if (_saving)
        {
            _saveAgain = true;
            return;
        }

        var batch = _states.Where(s => s.Value is CorrectionState.Pending or CorrectionState.Failed)
            .Select(s => (Id: s.Key, Text: _drafts[s.Key])).ToList();
        if (batch.Count == 0 || _fields is null)
        {
            return;
        }

        _saving = true;
        batch.ForEach(b => _states[b.Id] = CorrectionState.Saving);
        Refresh();
        try
        {
            var items = batch.Select(b => new GapReviewItem(b.Id, Bound(b.Text), ReviewedStatus(b.Id))).ToList();
            var result = await Review.SaveAsync(Assessment.Id, UserId, items, CancellationToken.None);
            foreach (var saved in result.Fields ?? [])
            {
                var index = _fields.FindIndex(f => f.Id == saved.Id);
                if (index >= 0)
                {
                    _fields[index] = saved;
                }
            }

            _groups = GapGroups.Group(_fields);
            _selected = _selected is null ? null : _fields.Find(f => f.Id == _selected.Id);
            foreach (var (id, text) in batch)
            {
                // Typed on while the save ran: that text still waits for its own save.
                var current = _drafts[id] == text ? CorrectionState.Saved : CorrectionState.Pending;
                _states[id] = result.Outcome == ReviewOutcome.Saved ? current : CorrectionState.Failed;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            batch.ForEach(b => _states[b.Id] = CorrectionState.Failed);
        }
        finally
        {
            _saving = false;
        }

        if (_saveAgain)
        {
            _saveAgain = false;
            await SaveDraftsAsync();
        }

        Refresh();
    }

    private static string Bound(string text) => text.Length > GapField.MaxCorrectionLength ? text[..GapField.MaxCorrectionLength] : text;

    /// <summary>A review item carries a status too; keep the one the analyst set (if any) rather than clearing it.</summary>
    private Core.Gaps.Detection.GapStatus? ReviewedStatus(Guid id) =>
        _fields!.Find(f => f.Id == id) is { } field && field.Status != field.DetectedStatus ? field.Status : null;

    private async Task SubmitAsync()
    {
        _busy = true;
        _message = null;
        try
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            await SaveDraftsAsync();
            var result = await Review.SubmitAsync(Assessment.Id, UserId, null, _cts.Token);
            _missing = result.Outcome == ReviewOutcome.MissingMandatory ? result.Missing : null;
            (_message, _messageSeverity) = result.Outcome switch
            {
                ReviewOutcome.Submitted => ("Risk analysis started. Its status shows below and on the timeline.", Severity.Success),
                ReviewOutcome.NothingDetected => ("There is nothing to submit yet: no gaps have been detected.", Severity.Info),
                ReviewOutcome.NotFound => ("This assessment no longer exists.", Severity.Error),
                _ => ((string?)null, Severity.Normal),
            };
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DetectAgainAsync()
    {
        _busy = true;
        try
        {
            var result = await Review.DetectAgainAsync(Assessment.Id, UserId, null, _cts.Token);
            if (result.Outcome == ReviewOutcome.Submitted)
            {
                _missing = null;
                Snackbar.Add("Looking for gaps again. Your corrections are kept.", Severity.Info);
            }
            else
            {
                (_message, _messageSeverity) = result.Outcome == ReviewOutcome.NoParsedDocument
                    ? ("No document has been read yet, so there is nothing to look in. Upload one on the Documents tab.", Severity.Info)
                    : ("This assessment no longer exists.", Severity.Error);
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
