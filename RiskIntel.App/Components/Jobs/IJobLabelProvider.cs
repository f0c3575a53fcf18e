using RiskIntel.Core.Jobs;

namespace RiskIntel.App.Components.Jobs;

/// <summary>
/// Names a job the way its owner recognises it, from its input: "Coop scoring · v3" for a stored prompt's preview,
/// later "Parse plan.pdf · Acme Coop". One per job type, registered with <see cref="JobViewsServiceCollectionExtensions.AddJobView{TResultView, TLabelProvider}"/>.
/// </summary>
internal interface IJobLabelProvider
{
    Task<string> LabelAsync(JobDto job, CancellationToken cancellationToken);
}
