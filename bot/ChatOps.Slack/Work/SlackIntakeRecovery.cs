using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Work;

/// <summary>
/// Looks in the durable intake at start-up and every <see cref="SlackOptions.IntakePollInterval"/> for stored requests
/// nobody holds, and sooner when a request this instance deferred (its queue was full) finds room here again.
/// </summary>
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
            // Taken before the look: a request deferred during it or after it wakes the wait below.
            var deferral = intake.NextDeferral;
            var failed = false;
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
                failed = true;
            }

            // The next look comes after the interval, or sooner (not after a failure) once a request this instance had
            // to defer, its queue being full, can be taken here: room has freed up since.
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var room = failed ? Task.Delay(Timeout.Infinite, wake.Token) : intake.RoomAfterDeferralAsync(deferral, time, wake.Token);
            await Task.WhenAny(Task.Delay(interval, time, wake.Token), room);
            await wake.CancelAsync();
        }
    }
}
