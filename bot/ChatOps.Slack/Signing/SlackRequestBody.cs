using System.Text;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Slack.Signing;

/// <summary>The raw body of a request whose signature was verified; handlers parse only this.</summary>
public sealed class SlackRequestBody(byte[] bytes)
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    public string Text => Encoding.UTF8.GetString(Bytes.Span);

    /// <summary>The verified body; throws when the signature filter did not run (a wiring bug, never a client error).</summary>
    public static SlackRequestBody From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<SlackRequestBody>()
            ?? throw new InvalidOperationException("The Slack signature filter did not run for this endpoint.");
    }
}
