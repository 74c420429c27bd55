using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Teams.Schema;
using ChatOps.Teams.Tests.Support;

namespace ChatOps.Teams.Tests.Schema;

/// <summary>Every Teams payload in TestData parses with the source-generated context and keeps unknown fields.</summary>
public sealed class FixtureParsingTests
{
    public static TheoryData<string> Activities() => [.. TestData.Names("teams-").Where(n => !n.StartsWith("teams-create-conversation", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(Activities))]
    public void Deserialize_ActivityFixture_ReadsCoreFields(string name)
    {
        var activity = JsonSerializer.Deserialize(TestData.Text(name), TeamsJsonContext.Default.Activity);

        Assert.NotNull(activity);
        Assert.False(string.IsNullOrEmpty(activity.Type));
        Assert.Equal("msteams", activity.ChannelId);
        Assert.StartsWith("https://smba.trafficmanager.net/", activity.ServiceUrl, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(activity.Conversation?.Id));
    }

    [Theory]
    [MemberData(nameof(Activities))]
    public void RoundTrip_ActivityFixture_KeepsEveryField(string name)
    {
        var original = JsonNode.Parse(TestData.Text(name));
        var activity = JsonSerializer.Deserialize(TestData.Text(name), TeamsJsonContext.Default.Activity)!;

        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, TeamsJsonContext.Default.Activity));

        Assert.True(JsonNode.DeepEquals(Normalize(original), Normalize(written)), $"{name} changed in a round trip:\n{written}");
    }

    [Fact]
    public void Deserialize_ChannelMention_ReadsMentionEntityAndTenant()
    {
        var activity = JsonSerializer.Deserialize(TestData.Text("teams-message-channel-mention.json"), TeamsJsonContext.Default.Activity)!;

        var mention = Assert.Single(activity.Entities!, e => e.Type == "mention");
        Assert.Equal("<at>ridotest</at>", mention.Text);
        Assert.Equal(activity.Recipient!.Id, mention.Mentioned!.Id);
        Assert.Equal("50612dbb-0237-4969-b378-8d42590f9c00", activity.ChannelData!.Tenant!.Id);
        Assert.Equal("channel", activity.Conversation!.ConversationType);
    }

    [Fact]
    public void Deserialize_Invoke_ReadsActionExecute()
    {
        var activity = JsonSerializer.Deserialize(TestData.Text("teams-invoke-adaptiveCard-action.json"), TeamsJsonContext.Default.Activity)!;

        var value = activity.Value.Deserialize(TeamsJsonContext.Default.AdaptiveCardInvokeValue)!;

        Assert.Equal("adaptiveCard/action", activity.Name);
        Assert.Equal("Action.Execute", value.Action!.Type);
        Assert.Equal("test invokes", value.Action.Data!["feedback"]!.GetValue<string>());
        Assert.Equal("manual", value.Trigger);
    }

    [Fact]
    public void Deserialize_CreateConversationRequest_ReadsBotMembersAndTenant()
    {
        var parameters = JsonSerializer.Deserialize(TestData.Text("teams-create-conversation-request.json"), TeamsJsonContext.Default.ConversationParameters)!;

        Assert.Equal("29:012d20j1cjo20211", Assert.Single(parameters.Members!).Id);
        Assert.Equal("197231joe-1209j01821-012kdjoj", parameters.ChannelData!.Tenant!.Id);
        Assert.Equal("The Bot", parameters.Bot!.Name);
    }

    [Fact]
    public void Deserialize_CreateConversationResponse_ReadsId()
    {
        var response = JsonSerializer.Deserialize(TestData.Text("teams-create-conversation-response.json"), TeamsJsonContext.Default.ConversationResourceResponse)!;

        Assert.StartsWith("a:1qhNLqpUtmuI6U35", response.Id, StringComparison.Ordinal);
    }

    // Timestamps are re-written in a canonical form; compare them as instants.
    private static JsonNode? Normalize(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in new[] { "timestamp", "localTimestamp" })
            {
                if (obj[key] is JsonValue v && DateTimeOffset.TryParse(v.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out var t))
                    obj[key] = t.UtcTicks;
            }
        }

        return node;
    }
}
