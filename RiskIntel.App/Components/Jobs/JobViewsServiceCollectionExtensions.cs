using Microsoft.AspNetCore.Components;
using RiskIntel.App.Components.Prompts;
using RiskIntel.Core.Jobs;

namespace RiskIntel.App.Components.Jobs;

/// <summary>The result view and label of every job type. A new job type adds one line here, its view and its label provider.</summary>
internal static class JobViewsServiceCollectionExtensions
{
    public static IServiceCollection AddJobViews(this IServiceCollection services)
    {
        services.AddJobView<AiPreviewResultView, AiPreviewLabelProvider>(JobType.AiPreview);
        services.AddScoped<JobViews>();
        services.AddScoped<JobsOnScreen>();
        services.AddSingleton<JobOwners>();
        return services;
    }

    public static IServiceCollection AddJobView<TResultView, TLabelProvider>(this IServiceCollection services, JobType type)
        where TResultView : IComponent
        where TLabelProvider : class, IJobLabelProvider
    {
        services.AddSingleton(new JobTypeView(type, typeof(TResultView), typeof(TLabelProvider)));
        services.AddScoped<TLabelProvider>();
        return services;
    }
}
