using ChatOps.LoadHarness;

namespace ChatOps.LoadHarness.Tests;

public sealed class CountingTableProxyTests
{
    [Theory]
    [InlineData("POST", "/devstoreaccount1/$batch", "POST $batch")]
    [InlineData("GET", "/devstoreaccount1/ChatOpsIncidents(PartitionKey='t%7Cinc-1',RowKey='snapshot')", "GET entity")]
    [InlineData("GET", "/devstoreaccount1/ChatOpsIncidents()", "GET query")]
    [InlineData("GET", "/devstoreaccount1/ChatOpsIndex", "GET query")]
    [InlineData("POST", "/devstoreaccount1/ChatOpsIndex", "POST insert")]
    [InlineData("PATCH", "/devstoreaccount1/ChatOpsIndex(PartitionKey='a',RowKey='b')", "PATCH entity")]
    [InlineData("POST", "/devstoreaccount1/Tables", "POST table")]
    public void Kind_TableRequest_NamedByOperation(string method, string path, string expected)
    {
        Assert.Equal(expected, CountingTableProxy.Kind(method, path));
    }
}
