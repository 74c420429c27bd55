namespace ChatOps.Storage;

/// <summary>Where and how ChatOps keeps its tables.</summary>
public sealed class TableStorageOptions
{
    /// <summary>From <c>ConnectionStrings:Tables</c>; default Azurite (<c>UseDevelopmentStorage=true</c>).</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Prefix of every table name (letters and digits); lets tests and environments share an account.</summary>
    public string TablePrefix { get; set; } = "ChatOps";

    /// <summary>Per-request network timeout. Kept short so an outage is reported quickly.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Retries of transient failures by the Azure SDK's own retry policy.</summary>
    public int MaxRetries { get; set; } = 2;
}
