using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Security;

/// <summary>
/// ASP.NET Core rate limiting per remote address on the endpoints that anyone can reach before any credential is
/// checked (Bot Framework, Slack, gate API, report links, dev console): a flood from one address gets 429 with
/// <c>Retry-After</c> instead of JWT validation, HMACs and storage reads.
/// </summary>
public static class RateLimitingExtensions
{
    public const string PerAddressPolicy = "per-address";

    private const int SegmentsPerWindow = 6;

    public static IServiceCollection AddPerAddressRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>());
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                // A sliding window names no retry time; one segment is when the oldest requests start to drop out.
                if (!context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
                    after = context.HttpContext.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Window / SegmentsPerWindow;
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(PerAddressPolicy, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetSlidingWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new SlidingWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitsPerWindow,
                        Window = options.Window,
                        SegmentsPerWindow = SegmentsPerWindow,
                        QueueLimit = 0,
                    });
            });
        });
        return services;
    }
}
