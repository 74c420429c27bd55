using ChatOps.Core.Ci;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ChatOps.Bot.Ci;

public static class CiServiceCollectionExtensions
{
    /// <summary>
    /// CI runs as test evidence: <c>Ci:*</c> options validated at start-up, the typed API client with its resilience
    /// pipeline, and the reader that replaces Core's refusing one.
    /// </summary>
    public static IServiceCollection AddCiRuns(this IServiceCollection services)
    {
        services.AddOptions<CiOptions>().BindConfiguration(CiOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CiOptions>, CiOptionsValidator>());
        services.AddHttpClient<CiApiClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // No redirects: Azure DevOps answers a bad PAT with a redirect to its sign-in page, which must read as a refusal.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddResilienceHandler("ci-api", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<CiOptions>>().Value;
                pipeline.AddTimeout(options.TotalTimeout);
                pipeline.AddRetry(CiRetry.Options(options.RetryDelay, options.MaxRetries));
                pipeline.AddTimeout(options.AttemptTimeout);
            });
        services.AddSingleton<ICiRunReader, HttpCiRunReader>();
        return services;
    }
}
