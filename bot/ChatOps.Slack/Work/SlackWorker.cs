using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Work;

/// <summary>
/// Drains <see cref="SlackWorkQueue"/> with a few concurrent loops. Each item runs in its own DI scope with its
/// own timeout; a failure or timeout is logged and the loop goes on, so one bad request never stops the worker.
/// </summary>
public sealed class SlackWorker(
    SlackWorkQueue queue,
    IServiceScopeFactory scopes,
    IOptions<SlackOptions> options,
    TimeProvider timeProvider,
    ILogger<SlackWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = Enumerable.Range(0, Math.Max(1, options.Value.WorkerConcurrency))
            .Select(_ => Task.Run(() => RunLoopAsync(stoppingToken), CancellationToken.None));
        return Task.WhenAll(loops);
    }

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await ProcessOneAsync(item, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host is stopping.
        }
    }

    private async Task ProcessOneAsync(SlackWorkItem item, CancellationToken stoppingToken)
    {
        var timeout = options.Value.WorkItemTimeout;
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, deadline.Token);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var processor = ActivatorUtilities.CreateInstance<SlackWorkProcessor>(scope.ServiceProvider);
            await processor.ProcessAsync(item, linked.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            Log.WorkTimedOut(logger, item.Kind, timeout);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The worker must survive any failure of one item; it is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.WorkFailed(logger, ex, item.Kind);
        }
    }
}
