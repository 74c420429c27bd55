using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOps.Storage;

/// <summary>
/// The tables ChatOps uses: <c>Incidents</c> (one partition per incident: snapshot, decision records, outbox)
/// and <c>Index</c> (conversation → incident, counters, conversation references, idempotency claims, dialogs).
/// Tables are created on first use; a failed creation is tried again on the next use.
/// </summary>
public sealed class ChatOpsTables
{
    private readonly TableServiceClient _service;
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private readonly ILogger _logger;
    private volatile bool _created;

    public ChatOpsTables(IOptions<TableStorageOptions> options, ILogger<ChatOpsTables>? logger = null)
        : this(options, null, logger)
    {
    }

    /// <param name="configure">Lets tests add pipeline policies (e.g. one that loses an answer) to the SDK's client.</param>
    internal ChatOpsTables(IOptions<TableStorageOptions> options, Action<TableClientOptions>? configure, ILogger<ChatOpsTables>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger ?? NullLogger<ChatOpsTables>.Instance;
        var o = options.Value;
        var clientOptions = new TableClientOptions();
        o.ApplyTo(clientOptions.Retry);
        configure?.Invoke(clientOptions);
        _service = new TableServiceClient(o.ConnectionString, clientOptions);
        Incidents = _service.GetTableClient(o.TablePrefix + "Incidents");
        Index = _service.GetTableClient(o.TablePrefix + "Index");
        Deliveries = _service.GetTableClient(o.TablePrefix + "Deliveries");
    }

    public TableClient Incidents { get; }

    public TableClient Index { get; }

    /// <summary>One partition per notice: a row per recipient, claimed with leases.</summary>
    public TableClient Deliveries { get; }

    public TableServiceClient Service => _service;

    public async ValueTask EnsureCreatedAsync(CancellationToken cancellationToken)
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
                await StorageErrors.Guard(async () =>
                {
                    foreach (var table in new[] { Incidents, Index, Deliveries })
                    {
                        // 204 (or 201) when this call created the table; 409, answered without an exception, when it existed.
                        var created = await table.CreateIfNotExistsAsync(cancellationToken);
                        if (created?.GetRawResponse()?.Status is 201 or 204)
                        {
                            Log.TableCreated(_logger, table.Name);
                        }
                    }
                });
                _created = true;
            }
        }
        finally
        {
            _createLock.Release();
        }
    }

    /// <summary>A cheap round trip for readiness: lists at most one table.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await StorageErrors.Guard(async () =>
        {
            await foreach (var page in _service.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages())
            {
                _ = page;
                break;
            }
        });
    }
}
