using ChatOps.Core.Commands;
using ChatOps.Core.Views;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Work;

/// <summary>
/// Drains <see cref="SlackWorkQueue"/> with a few concurrent loops. Requests of one conversation run one at a time in
/// the order they were accepted (a loop that takes a request whose conversation is already running parks it behind
/// that one, and the running loop takes it next), while other conversations go on in the other loops. Each item runs
/// in its own DI scope with its own timeout; a failure or timeout is logged, the person is told privately, and the
/// loop goes on, so one bad request never stops the worker. A finished item is deleted from the durable intake
/// (<see cref="SlackIntake"/>).
/// </summary>
public sealed class SlackWorker(
    SlackWorkQueue queue,
    SlackIntake intake,
    IServiceScopeFactory scopes,
    IOptions<SlackOptions> options,
    TimeProvider timeProvider,
    ILogger<SlackWorker> logger) : BackgroundService
{
    public const string FailureText = "ChatOps could not finish that request. Please try again in a moment.";

    private static readonly TimeSpan ApologyTimeout = TimeSpan.FromSeconds(15);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = Enumerable.Range(0, options.Value.WorkerConcurrency)
            .Select(_ => Task.Run(() => RunLoopAsync(stoppingToken), CancellationToken.None));
        return Task.WhenAll(loops);
    }

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.TakeAsync(stoppingToken) is { } item)
            {
                var lane = SlackWorkQueue.LaneOf(item);
                for (var current = item; current is not null; current = queue.NextInLane(lane))
                {
                    await ProcessOneAsync(current, stoppingToken);

                    // Applied, or failed and apologised for: either way done. A stop mid-item leaves the stored copy for the next taker.
                    await intake.CompleteAsync(current, stoppingToken);
                }
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
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var processor = ActivatorUtilities.CreateInstance<SlackWorkProcessor>(scope.ServiceProvider);
            await processor.ProcessAsync(item, linked.Token);
            return;
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

        await ApologiseAsync(item, scope.ServiceProvider, stoppingToken);
    }

    /// <summary>Tells the person privately that their request did not complete (best effort; no details, no stack trace).</summary>
    private async Task ApologiseAsync(SlackWorkItem item, IServiceProvider services, CancellationToken stoppingToken)
    {
        using var deadline = new CancellationTokenSource(ApologyTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, deadline.Token);
        try
        {
            var sender = services.GetRequiredService<SlackReplySender>();
            await sender.SendAsync(new Reply(new ErrorView(FailureText), ReplyMode.Private), item.Target, linked.Token);
        }
#pragma warning disable CA1031 // Best effort: the failure itself is already logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ReplyFailed(logger, ex, "apology");
        }
    }
}
