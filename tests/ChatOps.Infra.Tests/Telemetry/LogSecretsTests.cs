using System.Collections;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using ChatOps.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry.Trace;

namespace ChatOps.Infra.Tests.Telemetry;

/// <summary>No configured secret or token may appear in any log line or exported span, whatever the
/// requests carry. The requests deliberately put the secrets where a careless log would pick them up.</summary>
public sealed class LogSecretsTests : IAsyncLifetime
{
    private readonly ChatOpsHostFactory _factory;
    private readonly IReadOnlyList<string> _secrets;
    private readonly List<string> _responses = [];

    public LogSecretsTests()
    {
        var settings = HostSettings.WithSecrets(out var secrets);
        _secrets = secrets;
        _factory = new ChatOpsHostFactory(settings);
    }

    public async Task InitializeAsync()
    {
        using var client = _factory.CreateClient();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        await SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/healthz"));
        await SendAsync(client, Json(HttpMethod.Post, "/api/messages", "{not json", bearer: _secrets[0]));
        await SendAsync(client, Json(HttpMethod.Post, "/api/messages", """{"type":"message","text":"help","serviceUrl":"http://127.0.0.1:9/"}""", bearer: "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));
        var command = new HttpRequestMessage(HttpMethod.Post, "/api/slack/commands")
        {
            Content = new StringContent($"token={_secrets[2]}&command=%2Fpatch&text=help", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        command.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        command.Headers.Add("X-Slack-Signature", "v0=" + _secrets[1]);
        await SendAsync(client, command);
        var events = Json(HttpMethod.Post, "/api/slack/events", "{\"type\":\"url_verification\",\"challenge\":\"" + _secrets[2] + "\"}", bearer: null);
        events.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        events.Headers.Add("X-Slack-Signature", "v0=0000");
        await SendAsync(client, events);
        await SendAsync(client, Json(HttpMethod.Get, "/api/gates/INC-1/P-1", null, bearer: _secrets[3]));
        await SendAsync(client, Json(HttpMethod.Post, "/api/gates/INC-1/P-1/finished", """{"result":"succeeded"}""", bearer: "wrong-" + _secrets[3]));

        _factory.Services.GetRequiredService<TracerProvider>().ForceFlush();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public void Logs_AfterRequestsCarryingSecrets_ContainNoSecret()
    {
        var records = _factory.Services.GetFakeLogCollector().GetSnapshot();

        Assert.Contains(records, record => record.Message.Contains("/api/messages", StringComparison.Ordinal));
        foreach (var record in records)
        {
            var text = LogText(record);
            Assert.All(_secrets, secret => Assert.False(text.Contains(secret, StringComparison.Ordinal), $"secret in log line [{record.Category}] {record.Message}"));
        }
    }

    [Fact]
    public void Spans_AfterRequestsCarryingSecrets_ContainNoSecret()
    {
        var spans = _factory.ExportedSpans.ToList();

        Assert.Contains(spans, span => span.Kind == ActivityKind.Server);
        foreach (var span in spans)
        {
            var text = SpanText(span);
            Assert.All(_secrets, secret => Assert.False(text.Contains(secret, StringComparison.Ordinal), $"secret in span {span.DisplayName}"));
        }
    }

    [Fact]
    public void Responses_ToRequestsCarryingSecrets_EchoNoSecret()
    {
        Assert.NotEmpty(_responses);
        Assert.All(_responses, response => Assert.All(_secrets, secret => Assert.DoesNotContain(secret, response, StringComparison.Ordinal)));
    }

    [Fact]
    public void LogScan_SecretWrittenToLog_IsFound()
    {
        // Guards the scan itself: a secret that does reach a log line must be caught.
        var logger = _factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Canary");
        using (logger.BeginIncidentScope("INC-1", "slack"))
        {
            logger.LogWarning("token {Token}", _secrets[3]);
        }

        var records = _factory.Services.GetFakeLogCollector().GetSnapshot();

        var canary = Assert.Single(records, record => record.Category == "Canary");
        Assert.Contains(_secrets[3], LogText(canary), StringComparison.Ordinal);
        Assert.Contains("INC-1", LogText(canary), StringComparison.Ordinal);
    }

    private async Task SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        using (var response = await client.SendAsync(request))
        {
            _responses.Add(response + "\n" + await response.Content.ReadAsStringAsync());
        }
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, string? body, string? bearer)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    private static string LogText(FakeLogRecord record)
    {
        var text = new StringBuilder(record.Message).AppendLine().AppendLine(record.Exception?.ToString());
        foreach (var (key, value) in record.StructuredState ?? [])
        {
            text.Append(key).Append('=').AppendLine(value);
        }

        foreach (var scope in record.Scopes)
        {
            text.AppendLine(scope?.ToString());
            if (scope is IEnumerable items and not string)
            {
                foreach (var item in items)
                {
                    text.AppendLine(item?.ToString());
                }
            }
        }

        return text.ToString();
    }

    private static string SpanText(Activity span)
    {
        var text = new StringBuilder(span.DisplayName).AppendLine().AppendLine(span.StatusDescription);
        foreach (var (key, value) in span.TagObjects)
        {
            text.Append(key).Append('=').AppendLine(value?.ToString());
        }

        foreach (var spanEvent in span.Events)
        {
            text.AppendLine(spanEvent.Name);
            foreach (var (key, value) in spanEvent.Tags)
            {
                text.Append(key).Append('=').AppendLine(value?.ToString());
            }
        }

        return text.ToString();
    }
}
