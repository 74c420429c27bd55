using ChatOps.Core.Notifications;
using ChatOps.Core.Storage;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Background;

/// <summary>Runs the notification dispatcher: immediately again while there is work, else every poll interval.</summary>
internal sealed partial class NotificationWorker(NotificationDispatcher dispatcher, IOptions<NotificationOptions> options, TimeProvider time, ILogger<NotificationWorker> logger)
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
                LogStorageUnavailable(logger, ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }

            if (handled == 0)
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification dispatcher paused: {Reason}")]
    private static partial void LogStorageUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification dispatcher pass failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
