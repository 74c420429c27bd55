using ChatOps.Core.Decisions;
using ChatOps.Core.Storage;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Background;

/// <summary>
/// Writes the pending keyed checkpoints (<see cref="AuditCheckpoints"/>) every <c>Audit:CheckpointInterval</c>, and
/// once more when the host stops, so a graceful shutdown leaves none pending. A failed flush keeps its heads for the next.
/// </summary>
/// <remarks>
/// Hosted services stop in reverse order of registration, and the web server and the Slack worker are registered before
/// this one, so they may still commit after <see cref="StopAsync"/>; <see cref="StoppedAsync"/> runs after every hosted
/// service has stopped and writes what they left.
/// </remarks>
internal sealed class CheckpointWorker(AuditCheckpoints checkpoints, IOptions<AuditOptions> options, TimeProvider time, ILogger<CheckpointWorker> logger)
    : BackgroundService, IHostedLifecycleService
{
    private PeriodicTimer? _timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Created here, not in ExecuteAsync (which the host starts later on the thread pool): the interval counts from start.
        _timer = checkpoints.IsEnabled ? new PeriodicTimer(options.Value.CheckpointInterval, time) : null;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is null)
        {
            return;
        }

        while (await _timer.WaitForNextTickAsync(stoppingToken))
        {
            await FlushAsync(stoppingToken);
        }
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FinalFlushAsync(last: false, cancellationToken);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => FinalFlushAsync(last: true, cancellationToken);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task FinalFlushAsync(bool last, CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        if (last && checkpoints.PendingCount > 0)
        {
            Log.CheckpointsLeftPending(logger, checkpoints.PendingCount);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await checkpoints.FlushAsync(cancellationToken);
        }
        catch (StorageUnavailableException ex)
        {
            Log.CheckpointFlushPaused(logger, checkpoints.PendingCount, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CheckpointFlushFailed(logger, ex, checkpoints.PendingCount);
        }
    }
}
