using System.Text;
using ChatOps.Slack.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Slack.Tests.Signing;

/// <summary>The endpoint filter over raw bodies, with the clock pinned at the documented example's timestamp.</summary>
public sealed class SlackSignatureFilterTests
{
    private const string DocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocTimestamp = "1531420618";
    private const string DocSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1531420618));
    private bool _nextCalled;

    private static string DocBody => TestFiles.ReadBody("slack-signing-doc-example-body.txt");

    [Fact]
    public async Task InvokeAsync_DocumentedExample_PassesRawBodyToHandler()
    {
        var context = Request(DocBody, DocTimestamp, DocSignature);

        var result = await Filter(DocSecret).InvokeAsync(EndpointFilterInvocationContext.Create(context), Next);

        Assert.Equal("next", result);
        Assert.Equal(DocBody, SlackRequestBody.From(context).Text);
    }

    [Fact]
    public async Task InvokeAsync_DocumentedExample_LeavesBodyReadableFromStart()
    {
        var context = Request(DocBody, DocTimestamp, DocSignature);

        await Filter(DocSecret).InvokeAsync(EndpointFilterInvocationContext.Create(context), Next);

        using var reader = new StreamReader(context.Request.Body);
        Assert.Equal(DocBody, await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task InvokeAsync_NoSecretConfigured_RefusesWith401()
    {
        var context = Request(DocBody, DocTimestamp, DocSignature);

        var result = await Filter(secret: null).InvokeAsync(EndpointFilterInvocationContext.Create(context), Next);

        AssertRefused(result, context);
    }

    [Fact]
    public async Task InvokeAsync_TamperedBody_RefusesWith401()
    {
        var context = Request(DocBody.Replace("roadrunner", "coyote", StringComparison.Ordinal), DocTimestamp, DocSignature);

        var result = await Filter(DocSecret).InvokeAsync(EndpointFilterInvocationContext.Create(context), Next);

        AssertRefused(result, context);
    }

    [Fact]
    public async Task InvokeAsync_StaleRequest_RefusesWith401()
    {
        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var context = Request(DocBody, DocTimestamp, DocSignature);

        var result = await Filter(DocSecret).InvokeAsync(EndpointFilterInvocationContext.Create(context), Next);

        AssertRefused(result, context);
    }

    [Fact]
    public async Task InvokeAsync_FutureRequest_RefusesWith401()
    {
        _clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618 - 301));
        var context = Request(DocBody, DocTimestamp, DocSignature);

        var result = await Filter(DocSecret).InvokeAsync(EndpointFilterInvocationContext.Create(context), Next);

        AssertRefused(result, context);
    }

    [Fact]
    public async Task InvokeAsync_MissingHeaders_RefusesWith401()
    {
        var context = Request(DocBody, timestamp: null, signature: null);

        var result = await Filter(DocSecret).InvokeAsync(EndpointFilterInvocationContext.Create(context), Next);

        AssertRefused(result, context);
    }

    [Fact]
    public async Task InvokeAsync_UnknownVersion_RefusesWith401()
    {
        var context = Request(DocBody, DocTimestamp, DocSignature.Replace("v0=", "v1=", StringComparison.Ordinal));

        var result = await Filter(DocSecret).InvokeAsync(EndpointFilterInvocationContext.Create(context), Next);

        AssertRefused(result, context);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task InvokeAsync_BodyOverOneMebibyte_RefusesWith413EvenWhenSigned(bool sendContentLength)
    {
        var body = "text=" + new string('a', SlackOptions.MaxBodyBytes);
        var signature = SlackSignatureVerifier.Sign(DocSecret, DocTimestamp, Encoding.UTF8.GetBytes(body));
        var context = Request(body, DocTimestamp, signature, sendContentLength);

        var result = await Filter(DocSecret).InvokeAsync(EndpointFilterInvocationContext.Create(context), Next);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, Assert.IsType<ProblemHttpResult>(result).StatusCode);
        Assert.False(_nextCalled);
        Assert.Null(context.Features.Get<SlackRequestBody>());
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("1531420618", null)]
    [InlineData("1", "v0=00")]
    public async Task InvokeAsync_HeadersMissingOrStale_RefusedBeforeTheBodyIsRead(string? timestamp, string? signature)
    {
        var context = Request(DocBody, timestamp, signature);
        context.Request.Body = new UnreadableStream();

        var result = await Filter(DocSecret).InvokeAsync(EndpointFilterInvocationContext.Create(context), Next);

        AssertRefused(result, context);
    }

    [Fact]
    public async Task InvokeAsync_BodyOfExactlyOneMebibyte_IsAccepted()
    {
        var body = "text=" + new string('a', SlackOptions.MaxBodyBytes - 5);
        var signature = SlackSignatureVerifier.Sign(DocSecret, DocTimestamp, Encoding.UTF8.GetBytes(body));
        var context = Request(body, DocTimestamp, signature, sendContentLength: false);

        var result = await Filter(DocSecret).InvokeAsync(EndpointFilterInvocationContext.Create(context), Next);

        Assert.Equal("next", result);
    }

    /// <summary>A body that fails the test if anything reads it.</summary>
    private sealed class UnreadableStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The body was read.");

        public override int Read(Span<byte> buffer) => throw new InvalidOperationException("The body was read.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The body was read.");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The body was read.");
    }

    private static DefaultHttpContext Request(string body, string? timestamp, string? signature, bool sendContentLength = true)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/slack/commands";
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new MemoryStream(bytes);
        if (sendContentLength)
        {
            context.Request.ContentLength = bytes.Length;
        }

        if (timestamp is not null)
        {
            context.Request.Headers[SlackSignatureVerifier.TimestampHeader] = timestamp;
        }

        if (signature is not null)
        {
            context.Request.Headers[SlackSignatureVerifier.SignatureHeader] = signature;
        }

        return context;
    }

    private SlackSignatureFilter Filter(string? secret)
    {
        var services = new ServiceCollection();
        services.AddOptions<SlackOptions>().Configure(o => o.SigningSecret = secret);
        var options = services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<SlackOptions>>();
        return new SlackSignatureFilter(options, _clock, NullLogger<SlackSignatureFilter>.Instance);
    }

    private ValueTask<object?> Next(EndpointFilterInvocationContext context)
    {
        _nextCalled = true;
        return ValueTask.FromResult<object?>("next");
    }

    private void AssertRefused(object? result, HttpContext context)
    {
        Assert.IsType<UnauthorizedHttpResult>(result);
        Assert.False(_nextCalled);
        Assert.Null(context.Features.Get<SlackRequestBody>());
    }
}
