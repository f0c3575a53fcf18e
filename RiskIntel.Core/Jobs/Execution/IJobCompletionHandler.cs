namespace RiskIntel.Core.Jobs.Execution;

/// <summary>
/// A feature's reaction to one of its jobs reaching a terminal state (COMPLETED, FAILED or CANCELLED). It runs
/// inside the transaction that records that state, so what it changes — its own rows, and the next step of a
/// pipeline staged with <see cref="JobCompletion.Enqueue"/> — commits together with the outcome or not at
/// all: a crash between two steps never loses the chain. Steps never call each other.
/// </summary>
public interface IJobCompletionHandler
{
    bool Handles(JobType type);

    /// <summary>Change tracked entities of <see cref="JobCompletion.Db"/> only; do not save, the engine commits.</summary>
    Task OnFinishedAsync(JobCompletion completion, CancellationToken cancellationToken);
}
