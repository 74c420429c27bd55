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

    /// <summary>
    /// Azure.Core's ResponseBodyPolicy reports <c>Retry.NetworkTimeout</c> as a TaskCanceledException with this message
    /// (there is no typed marker); a cancellation by the caller carries the framework's own message instead.
    /// </summary>
    private static bool IsNetworkTimeout(TaskCanceledException ex) =>
        ex.InnerException is TimeoutException || ex.Message.Contains("exceeded the configured timeout", StringComparison.Ordinal);

    private static Exception? Translate(Exception ex) => ex switch
    {
        RequestFailedException { Status: 0 or >= 500 } rfe => new StorageUnavailableException("Storage is unavailable: " + rfe.Message.Split('\n')[0], rfe),
        RequestFailedException { Status: 403 or 401 } rfe => new StorageUnavailableException("Storage refused our credentials.", rfe),
        HttpRequestException hre => new StorageUnavailableException("Storage could not be reached.", hre),
        // The SDK's retry policy throws an AggregateException of every attempt's failure once it gives up (it never
        // retries after the caller cancelled, so a cancellation inside one is a network timeout).
        AggregateException ae when ae.InnerExceptions.Count > 0 && ae.InnerExceptions.All(e => e is OperationCanceledException) =>
            new StorageUnavailableException("Storage did not answer in time.", ae),
        AggregateException ae when ae.InnerExceptions.Count > 0 && ae.InnerExceptions.All(e => e is OperationCanceledException || Translate(e) is not null) =>
            new StorageUnavailableException("Storage could not be reached.", ae),
        TaskCanceledException tce when IsNetworkTimeout(tce) => new StorageUnavailableException("Storage did not answer in time.", tce),
        _ => null,
    };
}
