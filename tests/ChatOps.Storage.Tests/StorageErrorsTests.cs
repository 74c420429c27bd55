using ChatOps.Core.Storage;
using ChatOps.Storage;

namespace ChatOps.Storage.Tests;

/// <summary>SDK and network failures become <see cref="StorageUnavailableException"/>, so a command answers "try again".</summary>
public sealed class StorageErrorsTests
{
    [Fact]
    public async Task Guard_RetriesGaveUpOnNetworkTimeout_StorageUnavailable()
    {
        // The shape Azure.Core throws when every retry hit ClientOptions.Retry.NetworkTimeout.
        var timeout = new AggregateException("Retry failed after 3 tries.", new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout of 0:00:03."));

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => StorageErrors.Guard(() => Task.FromException(timeout)));

        Assert.Equal("Storage did not answer in time.", error.Message);
        Assert.Same(timeout, error.InnerException);
    }

    [Fact]
    public async Task Guard_UnrelatedAggregate_PassesThrough()
    {
        var unrelated = new AggregateException(new InvalidOperationException("a bug"));

        var error = await Assert.ThrowsAsync<AggregateException>(() => StorageErrors.Guard(() => Task.FromException(unrelated)));

        Assert.Same(unrelated, error);
    }
}
