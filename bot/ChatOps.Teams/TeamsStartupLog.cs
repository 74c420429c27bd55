using ChatOps.Teams.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams;

/// <summary>Says at start-up how /api/messages authenticates when no app id is configured.</summary>
internal sealed class TeamsStartupLog(
    IOptions<BotFrameworkOptions> options,
    IHostEnvironment environment,
    ILogger<TeamsStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.HasAppId)
        {
            if (environment.IsDevelopment())
                Log.DevConsoleAnonymous(logger);
            else
                Log.NoAppIdRefusingAll(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
