namespace ChatOps.Notifications.Tests;

/// <summary>The Azurite that ./test.sh starts, and a table prefix unique to each test so tests never see each other's rows.</summary>
internal static class Tables
{
    public static string ConnectionString => Environment.GetEnvironmentVariable("ConnectionStrings__Tables")
        ?? throw new InvalidOperationException("ConnectionStrings__Tables is not set: run these tests through ./test.sh, which starts Azurite.");

    public static string NewPrefix() => "n" + Guid.NewGuid().ToString("N")[..20];
}
