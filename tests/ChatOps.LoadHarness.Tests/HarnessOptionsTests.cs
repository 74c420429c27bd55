using ChatOps.LoadHarness;

namespace ChatOps.LoadHarness.Tests;

public sealed class HarnessOptionsTests
{
    [Theory]
    [InlineData("http://10.0.0.5:10002/devstoreaccount1")]
    [InlineData("https://chatops.table.core.windows.net/")]
    [InlineData("http://0.0.0.0:10002/devstoreaccount1")]
    [InlineData("http://127.0.0.1.example.com:10002/devstoreaccount1")]
    public void Parse_NonLoopbackTarget_Refused(string endpoint)
    {
        var error = Assert.Throws<ArgumentException>(() => HarnessOptions.Parse(Args(table: endpoint)));

        Assert.Contains("--table-endpoint must be on 127.0.0.1 or localhost", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1")]
    [InlineData("http://localhost:10002/devstoreaccount1")]
    [InlineData("http://[::1]:10002/devstoreaccount1")]
    public void Parse_LoopbackTarget_Accepted(string endpoint)
    {
        var options = HarnessOptions.Parse(Args(table: endpoint));

        Assert.Equal(new Uri(endpoint), options.TableEndpoint);
    }

    [Fact]
    public void Parse_Defaults_ShortRunsOfScenariosABCE()
    {
        var options = HarnessOptions.Parse(Args());

        Assert.Equal(TimeSpan.FromSeconds(15), options.Duration);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Warmup);
        Assert.Equal(['a', 'b', 'c', 'e'], options.Scenarios.Order());
        Assert.Equal(200, options.Rate);
        Assert.Null(options.TenantRequestsPerSecond);
    }

    [Fact]
    public void Parse_TwoInstancesAndReference_Kept()
    {
        var options = HarnessOptions.Parse([.. Args(), "--scenarios", "f,g"]);

        Assert.Equal(['f', 'g'], options.Scenarios.Order());
    }

    [Fact]
    public void Parse_TenantRps_Kept()
    {
        var options = HarnessOptions.Parse([.. Args(), "--tenant-rps", "1000000"]);

        Assert.Equal(1_000_000, options.TenantRequestsPerSecond);
    }

    [Fact]
    public void Parse_Warmup_KeptAndZeroAllowed()
    {
        Assert.Equal(TimeSpan.FromSeconds(20), HarnessOptions.Parse([.. Args(), "--warmup", "20"]).Warmup);
        Assert.Equal(TimeSpan.Zero, HarnessOptions.Parse([.. Args(), "--warmup", "0"]).Warmup);
    }

    [Theory]
    [InlineData("--scenarios", "a,z")]
    [InlineData("--scenarios", "a,h")]
    [InlineData("--duration", "0")]
    [InlineData("--duration", "601")]
    [InlineData("--warmup", "601")]
    [InlineData("--warmup", "-1")]
    [InlineData("--rate", "fast")]
    [InlineData("--proxy", "maybe")]
    [InlineData("--tenant-rps", "0")]
    public void Parse_OutOfRangeValue_RefusedWithTheOptionNamed(string option, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => HarnessOptions.Parse([.. Args(), option, value]));

        Assert.StartsWith(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingBotDll_Refused()
    {
        var error = Assert.Throws<ArgumentException>(() => HarnessOptions.Parse(Args().Skip(2).ToList()));

        Assert.Equal("--bot-dll is required.", error.Message);
    }

    private static List<string> Args(string table = "http://127.0.0.1:10002/devstoreaccount1") =>
    [
        "--bot-dll", "ChatOps.Bot.dll",
        "--table-endpoint", table,
        "--blob-endpoint", "http://127.0.0.1:10000/devstoreaccount1",
        "--queue-endpoint", "http://127.0.0.1:10001/devstoreaccount1",
    ];
}
