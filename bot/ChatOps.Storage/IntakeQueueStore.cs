using Azure;
using Azure.Storage.Queues;
using ChatOps.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOps.Storage;

/// <summary>
/// <see cref="IIntakeQueue"/> on Azure Queue Storage (Azure.Storage.Queues) in the same account as the tables: queue
/// <c>{prefix}intake</c>, created on first use. Queue Storage rather than rows in the incident partition because the
/// work is not yet tied to an incident when it is acknowledged (a slash command is parsed later) and visibility
/// timeouts give every instance a lease without a scan; see ARCHITECTURE.md.
/// </summary>
public sealed class IntakeQueueStore : IIntakeQueue
{
    private readonly QueueClient _queue;
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private readonly ILogger _logger;
    private volatile bool _created;

    public IntakeQueueStore(IOptions<TableStorageOptions> options, ILogger<IntakeQueueStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger ?? NullLogger<IntakeQueueStore>.Instance;
        var o = options.Value;
        var clientOptions = new QueueClientOptions();
        o.ApplyTo(clientOptions.Retry);
        _queue = new QueueClient(o.ConnectionString, QueueName(o.TablePrefix), clientOptions);
    }

    /// <summary>Queue names are lower-case letters, digits and hyphens; the table prefix is letters and digits.</summary>
    public static string QueueName(string tablePrefix) => (tablePrefix ?? "").ToLowerInvariant() + "intake";

    /// <summary>Largest body stored: Queue Storage takes 64 KiB per message, and the SDK's XML framing escapes some characters.</summary>
    public const int MaxBodyBytes = 48 * 1024;

    public async Task<IntakeReceipt> AddAsync(string body, TimeSpan hiddenFor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (System.Text.Encoding.UTF8.GetByteCount(body) is var size && size > MaxBodyBytes)
        {
            Log.IntakeTooLarge(_logger, size, MaxBodyBytes);
            throw new EntityTooLargeException(
                $"That request is too large to keep ({size / 1024:N0} KB; the limit is {MaxBodyBytes / 1024} KB). Nothing was recorded; shorten it and try again.");
        }

        await EnsureCreatedAsync(cancellationToken);
        var sent = await StorageErrors.Guard(() => _queue.SendMessageAsync(body, hiddenFor, timeToLive: null, cancellationToken));
        return new IntakeReceipt(sent.Value.MessageId, sent.Value.PopReceipt);
    }

    public async Task<IReadOnlyList<IntakeMessage>> TakeAsync(int max, TimeSpan hiddenFor, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var taken = await StorageErrors.Guard(() => _queue.ReceiveMessagesAsync(Math.Clamp(max, 1, 32), hiddenFor, cancellationToken));
        return [.. taken.Value.Select(m => new IntakeMessage(new IntakeReceipt(m.MessageId, m.PopReceipt), m.Body.ToString(), m.DequeueCount))];
    }

    public async Task ReleaseAsync(IntakeReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        try
        {
            await StorageErrors.Guard(() => _queue.UpdateMessageAsync(receipt.MessageId, receipt.PopReceipt, (BinaryData?)null, TimeSpan.Zero, cancellationToken));
        }
        catch (RequestFailedException ex) when (IsStale(ex))
        {
            // Taken again meanwhile or already deleted: nothing to release.
            Log.IntakeReceiptStale(_logger, receipt.MessageId, "release");
        }
    }

    public async Task<bool> DeleteAsync(IntakeReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        try
        {
            await StorageErrors.Guard(() => _queue.DeleteMessageAsync(receipt.MessageId, receipt.PopReceipt, cancellationToken));
            return true;
        }
        catch (RequestFailedException ex) when (IsStale(ex))
        {
            Log.IntakeReceiptStale(_logger, receipt.MessageId, "delete");
            return false;
        }
    }

    /// <summary>The message is gone (404) or was taken again since this receipt was handed out (400 PopReceiptMismatch).</summary>
    private static bool IsStale(RequestFailedException ex) => ex.Status == 404 || ex.ErrorCode == "PopReceiptMismatch";

    private async ValueTask EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _createLock.WaitAsync(cancellationToken);
        try
        {
            if (!_created)
            {
                // Null when the queue already existed.
                if (await StorageErrors.Guard(() => _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken)) is not null)
                {
                    Log.QueueCreated(_logger, _queue.Name);
                }

                _created = true;
            }
        }
        finally
        {
            _createLock.Release();
        }
    }
}
