using Azure;
using ChatOps.Core.Storage;

namespace ChatOps.Storage;

/// <summary>Turns Azure SDK and network failures into Core's storage exceptions.</summary>
internal static class StorageErrors
{
    public static async Task Guard(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (Translate(ex) is { } translated)
        {
            throw translated;
        }
    }

    public static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (Translate(ex) is { } translated)
        {
            throw translated;
        }
    }

    public static bool IsConflict(RequestFailedException ex) => ex.Status is 409 or 412;

    private static Exception? Translate(Exception ex) => ex switch
    {
        RequestFailedException { Status: 0 or >= 500 } rfe => new StorageUnavailableException("Storage is unavailable: " + rfe.Message.Split('\n')[0], rfe),
        RequestFailedException { Status: 403 or 401 } rfe => new StorageUnavailableException("Storage refused our credentials.", rfe),
        HttpRequestException hre => new StorageUnavailableException("Storage could not be reached.", hre),
        AggregateException { InnerException: HttpRequestException or RequestFailedException { Status: 0 } } ae =>
            new StorageUnavailableException("Storage could not be reached.", ae),
        TaskCanceledException tce when tce.InnerException is TimeoutException => new StorageUnavailableException("Storage did not answer in time.", tce),
        // The SDK's retries give up on a network timeout (ClientOptions.Retry.NetworkTimeout) with this shape; seen
        // under load against a saturated Azurite (docs/PERFORMANCE.md), where it escaped as a 500.
        AggregateException { InnerException: TaskCanceledException } ae => new StorageUnavailableException("Storage did not answer in time.", ae),
        _ => null,
    };
}
