using RiskIntel.Core.Jobs;

namespace RiskIntel.App.Components.Jobs;

/// <summary>
/// How one job type shows on screen: the component rendering its result (it takes a <c>Job</c> parameter of type
/// <see cref="JobDto"/>) and the provider of its label.
/// </summary>
internal sealed record JobTypeView(JobType Type, Type ResultView, Type LabelProvider);
