using System.Text;
using ChatOps.Slack.Signing;

namespace ChatOps.Slack.Tests.Signing;

/// <summary>Signature vectors; the valid one is Slack's own documented example (see TestData/SOURCES.md).</summary>
public sealed class SlackSignatureVerifierTests
{
    private const string DocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocTimestamp = "1531420618";
    private const string DocSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly DateTimeOffset DocNow = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    private static byte[] DocBody => Encoding.UTF8.GetBytes(TestFiles.ReadBody("slack-signing-doc-example-body.txt"));

    [Fact]
    public void Verify_SlackDocumentedExample_IsValid()
    {
        var result = SlackSignatureVerifier.Verify(DocSecret, DocTimestamp, DocSignature, DocBody, DocNow);

        Assert.Equal(SignatureCheck.Valid, result);
    }

    [Fact]
    public void Sign_SlackDocumentedExample_ReproducesDocumentedSignature()
    {
        var signature = SlackSignatureVerifier.Sign(DocSecret, DocTimestamp, DocBody);

        Assert.Equal(DocSignature, signature);
    }

    [Fact]
    public void Verify_TamperedBody_IsMismatch()
    {
        var body = Encoding.UTF8.GetBytes(TestFiles.ReadBody("slack-signing-doc-example-body.txt").Replace("U2CERLKJA", "U2CERLKJB", StringComparison.Ordinal));

        var result = SlackSignatureVerifier.Verify(DocSecret, DocTimestamp, DocSignature, body, DocNow);

        Assert.Equal(SignatureCheck.Mismatch, result);
    }

    [Fact]
    public void Verify_TamperedTimestamp_IsMismatch()
    {
        var result = SlackSignatureVerifier.Verify(DocSecret, "1531420619", DocSignature, DocBody, DocNow);

        Assert.Equal(SignatureCheck.Mismatch, result);
    }

    [Fact]
    public void Verify_WrongSecret_IsMismatch()
    {
        var result = SlackSignatureVerifier.Verify("another-secret", DocTimestamp, DocSignature, DocBody, DocNow);

        Assert.Equal(SignatureCheck.Mismatch, result);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Verify_ClockMoreThanFiveMinutesAway_IsOutsideWindow(int offsetSeconds)
    {
        var result = SlackSignatureVerifier.Verify(DocSecret, DocTimestamp, DocSignature, DocBody, DocNow.AddSeconds(offsetSeconds));

        Assert.Equal(SignatureCheck.OutsideWindow, result);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Verify_ClockExactlyFiveMinutesAway_IsValid(int offsetSeconds)
    {
        var result = SlackSignatureVerifier.Verify(DocSecret, DocTimestamp, DocSignature, DocBody, DocNow.AddSeconds(offsetSeconds));

        Assert.Equal(SignatureCheck.Valid, result);
    }

    [Theory]
    [InlineData(null, DocSignature)]
    [InlineData(DocTimestamp, null)]
    [InlineData("", "")]
    public void Verify_MissingHeader_IsMissingHeaders(string? timestamp, string? signature)
    {
        var result = SlackSignatureVerifier.Verify(DocSecret, timestamp, signature, DocBody, DocNow);

        Assert.Equal(SignatureCheck.MissingHeaders, result);
    }

    [Theory]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Verify_UnknownVersion_IsUnknownVersion(string signature)
    {
        var result = SlackSignatureVerifier.Verify(DocSecret, DocTimestamp, signature, DocBody, DocNow);

        Assert.Equal(SignatureCheck.UnknownVersion, result);
    }

    [Theory]
    [InlineData("v0=not-hex")]
    [InlineData("v0=a2114d57")]
    [InlineData("v0=")]
    public void Verify_MalformedDigest_IsMismatch(string signature)
    {
        var result = SlackSignatureVerifier.Verify(DocSecret, DocTimestamp, signature, DocBody, DocNow);

        Assert.Equal(SignatureCheck.Mismatch, result);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1531420618")]
    [InlineData("1531420618.5")]
    public void Verify_TimestampNotUnixSeconds_IsBadTimestamp(string timestamp)
    {
        var result = SlackSignatureVerifier.Verify(DocSecret, timestamp, DocSignature, DocBody, DocNow);

        Assert.Equal(SignatureCheck.BadTimestamp, result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Verify_NoSecretConfigured_IsRefused(string? secret)
    {
        var result = SlackSignatureVerifier.Verify(secret, DocTimestamp, DocSignature, DocBody, DocNow);

        Assert.Equal(SignatureCheck.NoSecretConfigured, result);
    }
}
