using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Reports;

/// <summary>
/// In Development only, a missing <c>Reports:SigningKey</c> is replaced by a random key for this process (with a
/// warning). Anywhere else (or with no host environment at all) nothing is filled in, so the validator stops start-up.
/// </summary>
internal sealed class ReportSigningKeySetup(IServiceProvider services, ILogger<ReportSigningKeySetup> logger) : IPostConfigureOptions<ReportOptions>
{
    public void PostConfigure(string? name, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.SigningKey) || services.GetService<IHostEnvironment>() is not { } environment || !environment.IsDevelopment())
        {
            return;
        }

        options.SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        Log.ReportEphemeralKey(logger);
    }
}
