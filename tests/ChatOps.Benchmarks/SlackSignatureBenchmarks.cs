using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using ChatOps.Slack.Signing;

namespace ChatOps.Benchmarks;

/// <summary>Checking <c>X-Slack-Signature</c> on a typical slash command body (HMAC-SHA256, constant-time compare).</summary>
[MemoryDiagnoser]
public class SlackSignatureBenchmarks
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private readonly byte[] _body = Encoding.UTF8.GetBytes(
        "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&channel_id=C2147483705&channel_name=test"
        + "&user_id=U2147483697&user_name=Steve&command=%2Fpatch&text=status"
        + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678&trigger_id=13345224609.738474920.8088930838d88f008e0");

    private DateTimeOffset _now;
    private string _timestamp = string.Empty;
    private string _signature = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _now = DateTimeOffset.UtcNow;
        _timestamp = _now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        _signature = SlackSignatureVerifier.Sign(Secret, _timestamp, _body);
    }

    [Benchmark]
    public SignatureCheck Verify_Valid() => SlackSignatureVerifier.Verify(Secret, _timestamp, _signature, _body, _now);

    [Benchmark]
    public SignatureCheck Verify_Forged() => SlackSignatureVerifier.Verify("not-the-secret", _timestamp, _signature, _body, _now);
}
