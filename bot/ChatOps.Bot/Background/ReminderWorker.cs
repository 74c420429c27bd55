using ChatOps.Core.Notifications;
using ChatOps.Core.Workflow;

namespace ChatOps.Bot.Background;

/// <summary>
/// Checks once a minute whether an active incident's stakeholders have waited too long for an update, and expires
/// approvals whose window has ended (their cards then say so).
/// </summary>
internal sealed class ReminderWorker(CommsReminder reminder, ApprovalExpirySweep approvals, TimeProvider time, ILogger<ReminderWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await approvals.RunOnceAsync(stoppingToken);
                await reminder.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.ReminderPassFailed(logger, ex);
            }
        }
    }
}
