using ChatOps.Core.Alerts;

namespace ChatOps.Bot.Background;

/// <summary>
/// Once a minute ends the quiet watches that are over (<see cref="QuietWatchSweep"/>): asks the commander to verify, or
/// verifies with <c>Policy:AutoVerify</c>. Any number of instances may run it: the incident's record decides once.
/// </summary>
internal sealed class WatchWorker(QuietWatchSweep watches, TimeProvider time, ILogger<WatchWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await watches.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.WatchPassFailed(logger, ex);
            }
        }
    }
}
