using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatOps.Bot.Console;

/// <summary>
/// The Bot Framework Connector, played for the dev console (botframework-channel.json, v3): the console's activities
/// name <c>{origin}/console/connector/</c> as their <c>serviceUrl</c>, so the bot's replies, updates and new 1:1
/// chats and new channel threads land here, are kept in the <see cref="ConsoleFeed"/> and reach the browser.
/// </summary>
internal static class ConnectorEmulatorEndpoints
{
    public const string BasePath = "/console/connector";

    /// <summary>The id of a persona's 1:1 chat with the bot; the page builds the same id (console.js).</summary>
    public static string PersonalConversationId(string userId) => "a:console-1on1-" + userId;

    public static void Map(RouteGroupBuilder console)
    {
        var v3 = console.MapGroup(BasePath + "/v3/conversations");
        v3.MapPost(string.Empty, CreateConversationAsync);
        v3.MapPost("{conversationId}/activities", SendToConversationAsync);
        v3.MapPost("{conversationId}/activities/{activityId}", ReplyToActivityAsync);
        v3.MapPut("{conversationId}/activities/{activityId}", UpdateActivityAsync);
    }

    private static async Task<Results<Created<JsonObject>, BadRequest<ErrorBody>>> CreateConversationAsync(HttpRequest request, ConsoleFeed feed)
    {
        var body = await ReadObjectAsync(request);
        var userId = JsonFields.StringOf((body?["members"] as JsonArray)?.FirstOrDefault()?["id"]);
        var channelId = JsonFields.StringOf(body?["channelData"]?["channel"]?["id"]);

        // A new thread in a channel (isGroup + channelData.channel.id) goes to that channel; the console shows a
        // channel as one conversation, so the thread's id is the channel's. Otherwise a 1:1 chat with members[0].
        string id;
        if (body?["isGroup"]?.GetValueKind() == JsonValueKind.True && !string.IsNullOrWhiteSpace(channelId))
            id = channelId;
        else if (!string.IsNullOrWhiteSpace(userId))
            id = PersonalConversationId(userId);
        else
            return TypedResults.BadRequest(ErrorBody.Of("BadArgument", "ConversationParameters need members[0].id, or isGroup with channelData.channel.id."));

        var response = new JsonObject { ["id"] = id };
        if (body!["activity"] is JsonObject first)
            response["activityId"] = feed.Add(id, (JsonObject)first.DeepClone(), null);
        return TypedResults.Created($"{BasePath}/v3/conversations/{Uri.EscapeDataString(id)}", response);
    }

    private static Task<Results<Ok<JsonObject>, BadRequest<ErrorBody>>> SendToConversationAsync(string conversationId, HttpRequest request, ConsoleFeed feed) =>
        StoreAsync(conversationId, null, request, feed);

    private static Task<Results<Ok<JsonObject>, BadRequest<ErrorBody>>> ReplyToActivityAsync(string conversationId, string activityId, HttpRequest request, ConsoleFeed feed) =>
        StoreAsync(conversationId, activityId, request, feed);

    private static async Task<Results<Ok<JsonObject>, BadRequest<ErrorBody>, NotFound<ErrorBody>>> UpdateActivityAsync(string conversationId, string activityId, HttpRequest request, ConsoleFeed feed)
    {
        var activity = await ReadObjectAsync(request);
        if (activity?["type"] is null)
            return TypedResults.BadRequest(ErrorBody.Of("BadArgument", "The body is not an activity."));
        return feed.Update(conversationId, activityId, activity)
            ? TypedResults.Ok(new JsonObject { ["id"] = activityId })
            : TypedResults.NotFound(ErrorBody.Of("ActivityNotFound", $"No activity {activityId} in {conversationId}."));
    }

    private static async Task<Results<Ok<JsonObject>, BadRequest<ErrorBody>>> StoreAsync(string conversationId, string? replyToId, HttpRequest request, ConsoleFeed feed)
    {
        var activity = await ReadObjectAsync(request);
        if (activity?["type"] is null)
            return TypedResults.BadRequest(ErrorBody.Of("BadArgument", "The body is not an activity."));
        activity.Remove("id");
        activity["timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(new JsonObject { ["id"] = feed.Add(conversationId, activity, replyToId) });
    }

    internal static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
