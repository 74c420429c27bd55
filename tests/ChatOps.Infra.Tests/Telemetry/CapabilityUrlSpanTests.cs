using System.Text.Json.Nodes;
using ChatOps.Slack.Api;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace ChatOps.Infra.Tests.Telemetry;

/// <summary>
/// Slack <c>response_url</c>s and upload URLs are capabilities (whoever holds one can post as the bot): their requests
/// leave no HttpClient span, while ordinary outgoing calls still do (issue 19, item 6).
/// </summary>
public sealed class CapabilityUrlSpanTests : IAsyncDisposable
{
    // Port 9 (discard) is closed here: the request fails at once, after its span (if any) was started.
    private const string Capability = "http://127.0.0.1:9/actions/T0001/2002/capability-secret-path";

    private readonly ChatOpsHostFactory _factory;

    public CapabilityUrlSpanTests()
    {
        var settings = HostSettings.WithSecrets(out _);
        settings["Slack:ResponseUrlHosts:0"] = "127.0.0.1";
        _factory = new ChatOpsHostFactory(settings);
    }

    [Fact]
    public async Task ResponseUrlPost_LeavesNoSpanWithTheUrl()
    {
        var client = _factory.Services.GetRequiredService<SlackResponseUrlClient>();

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.SendAsync(Capability, new JsonObject { ["text"] = "hi" }));
        _factory.Services.GetRequiredService<TracerProvider>().ForceFlush();

        Assert.DoesNotContain(_factory.ExportedSpans, span => span.TagObjects.Any(tag => tag.Value?.ToString()?.Contains("capability-secret", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task UploadClientPost_LeavesNoSpanWithTheUrl()
    {
        var uploads = _factory.Services.GetRequiredService<IHttpClientFactory>().CreateClient(FilesApi.UploadClientName);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => uploads.PostAsync(Capability, new StringContent("x")));
        _factory.Services.GetRequiredService<TracerProvider>().ForceFlush();

        Assert.DoesNotContain(_factory.ExportedSpans, span => span.TagObjects.Any(tag => tag.Value?.ToString()?.Contains("capability-secret", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task OrdinaryClientPost_IsStillTraced()
    {
        // Guards the two tests above: the same request through an ordinary client does leave a span.
        var plain = _factory.Services.GetRequiredService<IHttpClientFactory>().CreateClient("plain");

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => plain.PostAsync("http://127.0.0.1:9/ordinary-path", new StringContent("x")));
        _factory.Services.GetRequiredService<TracerProvider>().ForceFlush();

        Assert.Contains(_factory.ExportedSpans, span => span.TagObjects.Any(tag => tag.Value?.ToString()?.Contains("ordinary-path", StringComparison.Ordinal) == true));
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
