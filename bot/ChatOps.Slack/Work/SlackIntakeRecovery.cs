using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Work;

/// <summary>Looks in the durable intake at start-up and every <see cref="SlackOptions.IntakePollInterval"/> for stored requests nobody holds.</summary>
public sealed class SlackIntakeRecovery(SlackIntake intake, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackIntakeRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!intake.IsDurable)
        {
            return;
        }

        var interval = options.Value.IntakePollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more may be waiting: look again at once.
                if (await intake.RecoverAsync(stoppingToken) >= SlackIntake.MaxTake)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any failure (an outage, a deleted queue) is logged and tried again; it must not stop the host.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                Log.IntakeRecoveryFailed(logger, ex, interval);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
