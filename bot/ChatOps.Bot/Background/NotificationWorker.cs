using ChatOps.Core.Notifications;
using ChatOps.Core.Storage;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Background;

/// <summary>Runs the notification dispatcher: immediately again while there is work, else every poll interval.</summary>
internal sealed class NotificationWorker(NotificationDispatcher dispatcher, IOptions<NotificationOptions> options, TimeProvider time, ILogger<NotificationWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await dispatcher.RunOnceAsync(stoppingToken);
            }
            catch (StorageUnavailableException ex)
            {
                Log.NotificationWorkerPaused(logger, ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.NotificationPassFailed(logger, ex);
            }

            if (handled == 0)
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
