using System.Web;
using ChatOps.Bot.Reports;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Reports;

public class ReportLinkSignerTests
{
    private const string Key = "test-signing-key-0123456789abcdefghijklmnop";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void CreateLink_PointsAtTheReportWithTenantExpiryAndSignature()
    {
        var link = Signer().CreateLink("tenant-1", "INC-2026-0007", "md");

        Assert.Equal("https://chatops.example.org/bot/api/incidents/INC-2026-0007/report.md", link.Url.GetLeftPart(UriPartial.Path));
        Assert.Equal(_time.GetUtcNow().AddHours(1), link.ExpiresAt);
        var query = HttpUtility.ParseQueryString(link.Url.Query);
        Assert.Equal("tenant-1", query["tenant"]);
        Assert.True(Signer().IsValid(query["tenant"], "INC-2026-0007", "md", query["exp"], query["sig"]));
    }

    [Theory]
    [InlineData("tenant-2", "INC-2026-0007", "md")]
    [InlineData("tenant-1", "INC-2026-0008", "md")]
    [InlineData("tenant-1", "INC-2026-0007", "json")]
    public void IsValid_AnyValueChanged_IsFalse(string tenant, string incident, string format)
    {
        var exp = _time.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds();
        var sig = Signer().Sign("tenant-1", "INC-2026-0007", "md", exp);

        Assert.False(Signer().IsValid(tenant, incident, format, Exp(exp), sig));
    }

    [Fact]
    public void IsValid_ExpiryMovedLater_IsFalse()
    {
        var exp = _time.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds();
        var sig = Signer().Sign("tenant-1", "INC-2026-0007", "md", exp);

        Assert.False(Signer().IsValid("tenant-1", "INC-2026-0007", "md", Exp(exp + 3600), sig));
    }

    [Fact]
    public void IsValid_AfterExpiry_IsFalse()
    {
        var link = Signer().CreateLink("tenant-1", "INC-2026-0007", "md");
        var query = HttpUtility.ParseQueryString(link.Url.Query);

        _time.Advance(TimeSpan.FromHours(1));

        Assert.False(Signer().IsValid("tenant-1", "INC-2026-0007", "md", query["exp"], query["sig"]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 !")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void IsValid_MissingOrForgedSignature_IsFalse(string? sig)
    {
        var exp = _time.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds();

        Assert.False(Signer().IsValid("tenant-1", "INC-2026-0007", "md", Exp(exp), sig));
    }

    [Fact]
    public void IsValid_SignedWithAnotherKey_IsFalse()
    {
        var exp = _time.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds();
        var sig = Signer("another-signing-key-0123456789abcdefghijkl").Sign("tenant-1", "INC-2026-0007", "md", exp);

        Assert.False(Signer().IsValid("tenant-1", "INC-2026-0007", "md", Exp(exp), sig));
    }

    [Fact]
    public void Validator_MissingKey_NamesTheSetting()
    {
        var result = new ReportOptionsValidator().Validate(null, new ReportOptions());

        Assert.True(result.Failed);
        Assert.Contains("Reports:SigningKey", result.FailureMessage, StringComparison.Ordinal);
    }

    private ReportLinkSigner Signer(string key = Key) => new(
        Options.Create(new ReportOptions { SigningKey = key, PublicBaseUrl = new Uri("https://chatops.example.org/bot") }), _time);

    private static string Exp(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
