using System.Collections.Concurrent;
using ChatOps.Slack.Api;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace ChatOps.Slack.SocketMode;

/// <summary>
/// Socket Mode (api.slack.com/apis/connections/socket-mode), on when <c>Slack:AppToken</c> is set. Start-up asks
/// <c>apps.connections.open</c> once, so a token Slack refuses stops the host with a message naming the setting. Then
/// <see cref="SocketModeOptions.Connections"/> slots each keep one connection open: a <c>disconnect</c> opens the
/// replacement at once while the old socket drains; a lost socket or a failed connect is retried with Polly's exponential
/// backoff with jitter; <c>link_disabled</c> (Socket Mode turned off for the app) or a refused token stops every slot
/// and leaves readiness failing with the reason. The same envelope delivered on two connections is applied once by the
/// work items' idempotency keys.
/// </summary>
public sealed class SlackSocketModeService(
    AppsApi apps,
    SocketModeEnvelopeHandler handler,
    SocketModeState state,
    IOptions<SlackOptions> slackOptions,
    IOptions<SocketModeOptions> socketOptions,
    TimeProvider timeProvider,
    ILogger<SlackSocketModeService> logger) : BackgroundService
{
    private readonly SocketModeOptions _options = socketOptions.Value;
    private readonly ConcurrentDictionary<SocketModeConnection, byte> _draining = new();
    private Uri? _firstUrl;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(slackOptions.Value.AppToken))
        {
            return;
        }

        state.Enable();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.StartupCheckTimeout);
        try
        {
            _firstUrl = await apps.OpenConnectionAsync(timeout.Token);
        }
        catch (SlackApiException ex) when (AppsApi.TokenErrors.Contains(ex.ErrorCode))
        {
            throw new InvalidOperationException(
                $"Slack:AppToken was refused by Slack (apps.connections.open answered {ex.ErrorCode}). Set Slack:AppToken to the app-level token "
                + "(xapp-…) with the connections:write scope from the Slack app's Basic Information page, or remove it to use request URLs.",
                ex);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.SocketStartupCheckFailed(logger, ex.Message);
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var connection in _draining.Keys)
        {
            // Stopping closed each socket after its pending acks; give that a moment before cutting it.
            await Task.WhenAny(connection.Completion, Task.Delay(TimeSpan.FromSeconds(3), cancellationToken));
            await connection.DisposeAsync();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var slots = Enumerable.Range(1, _options.Connections).Select(slot => RunSlotAsync(slot, stop)).ToList();
        await Task.WhenAll(slots);
    }

    private async Task RunSlotAsync(int slot, CancellationTokenSource stop)
    {
        var reconnect = ReconnectPipeline(slot);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                // One pipeline run per connection: a refresh starts a fresh run (no delay), failures back off within one.
                await reconnect.ExecuteAsync(ct => ServeOneConnectionAsync(slot, ct), stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Host stopping, or another slot stopped Socket Mode.
        }
        catch (SocketModeStoppedException ex)
        {
            state.Stop(ex.Message);
            Log.SocketModeStopped(logger, ex.Message);
            await stop.CancelAsync();
        }
    }

    private async ValueTask ServeOneConnectionAsync(int slot, CancellationToken cancellationToken)
    {
        Uri url;
        try
        {
            url = Interlocked.Exchange(ref _firstUrl, null) ?? await apps.OpenConnectionAsync(cancellationToken);
        }
        catch (SlackApiException ex) when (AppsApi.TokenErrors.Contains(ex.ErrorCode))
        {
            throw new SocketModeStoppedException($"Slack:AppToken was refused ({ex.ErrorCode})", ex);
        }

        var connection = await SocketModeConnection.OpenAsync(url, $"{slot}.{Guid.NewGuid().ToString("N")[..8]}", handler, _options, state, logger, cancellationToken);
        _draining.TryAdd(connection, 0);
        _ = connection.Completion.ContinueWith(
            async _ =>
            {
                _draining.TryRemove(connection, out var _);
                await connection.DisposeAsync();
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);

        var end = await connection.Ended.WaitAsync(cancellationToken);
        SocketModeMetrics.Reconnect(end.Kind == SocketModeEndKind.Lost ? "lost" : end.Reason);
        switch (end.Kind)
        {
            case SocketModeEndKind.LinkDisabled:
                throw new SocketModeStoppedException("Slack disabled the Socket Mode link (disconnect: link_disabled); turn Socket Mode on for the app and restart");
            case SocketModeEndKind.Lost:
                Log.SocketLost(logger, connection.Name, end.Reason);
                throw new SocketModeLostException(end.Reason);
            default:
                return;
        }
    }

    /// <summary>Exponential backoff with jitter (Polly), forever, except for a stop that no retry can mend.</summary>
    private ResiliencePipeline ReconnectPipeline(int slot) => new ResiliencePipelineBuilder { TimeProvider = timeProvider }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not SocketModeStoppedException and not OperationCanceledException),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.ReconnectDelay,
            MaxDelay = _options.MaxReconnectDelay,
            OnRetry = args =>
            {
                Log.SocketReconnecting(logger, slot, args.RetryDelay, args.AttemptNumber + 1, args.Outcome.Exception?.Message ?? "unknown");
                return ValueTask.CompletedTask;
            },
        })
        .Build();
}
