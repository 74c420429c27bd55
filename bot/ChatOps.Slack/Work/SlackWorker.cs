using ChatOps.Core.Commands;
using ChatOps.Core.Views;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Work;

/// <summary>
/// Drains <see cref="SlackWorkQueue"/> with a few concurrent loops. Requests of one conversation are applied one at a
/// time in the order they were accepted (a loop that takes a request whose conversation is already running parks it
/// behind that one, and the running loop takes it next), while other conversations go on in the other loops. A
/// request's replies are handed to <see cref="SlackReplyLanes"/>, which sends each conversation's in order while the
/// loop applies the next request (a reply that posts an approval card is waited for first, so a later change finds
/// it). Applying and sending each run in their own DI scope with their own timeout; a failure or timeout is logged,
/// the person is told privately, and the loop goes on, so one bad request never stops the worker. An item is deleted
/// from the durable intake (<see cref="SlackIntake"/>) once its replies went out; a process that stops before that
/// leaves it to be taken again and found applied (its replies are then not sent again).
/// </summary>
public sealed class SlackWorker(
    SlackWorkQueue queue,
    SlackIntake intake,
    SlackReplyLanes replies,
    IServiceScopeFactory scopes,
    IOptions<SlackOptions> options,
    TimeProvider timeProvider,
    ILogger<SlackWorker> logger) : BackgroundService
{
    public const string FailureText = "ChatOps could not finish that request. Please try again in a moment.";

    private static readonly TimeSpan ApologyTimeout = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = Enumerable.Range(0, options.Value.WorkerConcurrency)
            .Select(_ => Task.Run(() => RunLoopAsync(stoppingToken), CancellationToken.None));
        await Task.WhenAll(loops);
        await replies.WhenIdleAsync();
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
                    var applying = current;
                    await replies.WaitForRoomAsync(stoppingToken);
                    var applied = await ApplyOneAsync(applying, stoppingToken);
                    var sent = replies.Start(lane, () => DeliverOneAsync(applying, applied.Deliver, stoppingToken));
                    if (applied.PostsTrackedCard)
                    {
                        await sent;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host is stopping.
        }
    }

    /// <summary>Applies one request in its own scope; what it returns sends the replies (or the apology) and then ends the scope.</summary>
    private async Task<SlackApplied> ApplyOneAsync(SlackWorkItem item, CancellationToken stoppingToken)
    {
        var timeout = options.Value.WorkItemTimeout;
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, deadline.Token);
        var scope = scopes.CreateAsyncScope();
        try
        {
            var processor = ActivatorUtilities.CreateInstance<SlackWorkProcessor>(scope.ServiceProvider);
            var applied = await processor.ApplyAsync(item, linked.Token);
            return applied with { Deliver = Owned(scope, applied.Deliver) };
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            Log.WorkTimedOut(logger, item.Kind, timeout);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await scope.DisposeAsync();
            throw;
        }
#pragma warning disable CA1031 // The worker must survive any failure of one item; it is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.WorkFailed(logger, ex, item.Kind);
        }

        return new SlackApplied(Owned(scope, token => ApologiseAsync(item, scope.ServiceProvider, token)), PostsTrackedCard: false);
    }

    private static Func<CancellationToken, Task> Owned(AsyncServiceScope scope, Func<CancellationToken, Task> deliver) => async token =>
    {
        try
        {
            await deliver(token);
        }
        finally
        {
            await scope.DisposeAsync();
        }
    };

    /// <summary>Sends one applied request's replies (within its own timeout), then deletes its stored copy; never throws.</summary>
    private async Task DeliverOneAsync(SlackWorkItem item, Func<CancellationToken, Task> deliver, CancellationToken stoppingToken)
    {
        var timeout = options.Value.WorkItemTimeout;
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, deadline.Token);
        try
        {
            await deliver(linked.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return; // The stored copy stays; taken again, it is found applied.
        }
        catch (OperationCanceledException)
        {
            Log.WorkTimedOut(logger, item.Kind, timeout);
        }
#pragma warning disable CA1031 // A delivery must never stop the conversation's later deliveries; it is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ReplyFailed(logger, ex, "replies");
        }

        try
        {
            // Applied and answered (or failed and apologised for): either way done.
            await intake.CompleteAsync(item, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
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
