using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatOps.LoadHarness;

/// <summary>
/// The reference for scenario g (issue 18, Deliver 7): the least an ASP.NET Core bot can do per Teams message. It
/// parses the activity, makes one Connector POST (a short text reply to the activity), answers 200; no authentication,
/// no storage, no logging. The harness starts it as its own process (<c>--reference-bot</c>) against the same fake
/// Connector and load generator as the bot, so ChatOps ÷ reference compares like with like on the same machine.
/// </summary>
internal static class ReferenceBot
{
    public const string Flag = "--reference-bot";

    public static async Task<int> RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        using var connector = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 4096, PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
        app.MapGet("/readyz", () => Results.Ok());
        app.MapPost("/api/messages", async (HttpContext http) =>
        {
            using var activity = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var root = activity.RootElement;
            var serviceUrl = root.GetProperty("serviceUrl").GetString()!.TrimEnd('/');
            var conversation = root.GetProperty("conversation").GetProperty("id").GetString()!;
            var id = root.GetProperty("id").GetString()!;
            using var content = new ByteArrayContent(Reply(id, root.GetProperty("text").GetString() ?? string.Empty));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            var target = $"{serviceUrl}/v3/conversations/{Uri.EscapeDataString(conversation)}/activities/{Uri.EscapeDataString(id)}";
            using var response = await connector.PostAsync(target, content, http.RequestAborted);
            return response.IsSuccessStatusCode ? Results.Ok() : Results.StatusCode(StatusCodes.Status502BadGateway);
        });
        await app.RunAsync();
        return 0;
    }

    private static byte[] Reply(string replyToId, string text)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "message");
            writer.WriteString("replyToId", replyToId);
            writer.WriteString("text", "echo: " + text);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
