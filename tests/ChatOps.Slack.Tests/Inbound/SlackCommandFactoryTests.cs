using System.Text.Json.Nodes;
using ChatOps.Core.Identity;
using ChatOps.Slack.Inbound;
using ChatOps.Slack.Wire;
using ChatOps.Slack.Work;

namespace ChatOps.Slack.Tests.Inbound;

/// <summary>Fixtures and variations become Core commands with the actor from the verified payload.</summary>
public sealed class SlackCommandFactoryTests
{
    [Fact]
    public void FromSlashCommand_BotbuilderFixture_ActorConversationAndEmptyText()
    {
        var payload = SlashCommandPayload.Parse(TestFiles.ReadBody("slack-slash-command-botbuilder.txt"));

        var item = SlackCommandFactory.FromSlashCommand(payload);

        Assert.Equal(new Actor(ChannelKind.Slack, "teamId", "testUserId", "testUserName"), item.Command.Actor);
        Assert.Equal("testChannelId", item.Command.Conversation.ConversationId);
        Assert.Equal(string.Empty, item.Command.Text);
        Assert.Equal("https://hooks.slack.com/commands/T03CWQ0QB/769792719332/5WvhrI4tX5xxFY2HmKwz0jI2", item.Target.ResponseUrl);
        Assert.Equal(new SlackDeliveryKey(SlackCommandFactory.CommandScope, "teamId:testTriggerId"), item.DeliveryKey);
    }

    [Fact]
    public void FromSlashCommand_SigningDocExample_ParsesTheDocumentedCommand()
    {
        var payload = SlashCommandPayload.Parse(TestFiles.ReadBody("slack-signing-doc-example-body.txt"));

        var item = SlackCommandFactory.FromSlashCommand(payload);

        Assert.Equal("/webhook-collect", payload.Command);
        Assert.Equal("T1DC2JH3J", item.Command.Actor.TenantId);
        Assert.Equal("U2CERLKJA", item.Command.Actor.UserId);
        Assert.Equal("G8PSS9T3V", item.Command.Conversation.ConversationId);
    }

    [Fact]
    public void FromSlashCommand_TextWithMentions_IsNormalised()
    {
        var payload = SlashCommandPayload.Parse(SlackPayloads.SlashCommand("assign <@U9|carol> contain"));

        var item = SlackCommandFactory.FromSlashCommand(payload);

        Assert.Equal("assign @U9 contain", item.Command.Text);
        Assert.Equal("carol", Assert.Single(item.Command.Mentions!).DisplayName);
    }

    [Fact]
    public void SlashCommandParse_MissingUser_ThrowsPayloadError()
    {
        var error = Assert.Throws<SlackPayloadException>(() => SlashCommandPayload.Parse("team_id=T1&channel_id=C1&command=%2Fpatch"));

        Assert.Contains("user_id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBlockActions_BotbuilderFixture_ButtonBecomesCardAction()
    {
        var payload = ParseBlockActions(TestFiles.ReadBody("slack-block-actions-button-botbuilder.txt"));

        var item = Assert.Single(SlackCommandFactory.FromBlockActions(payload));

        Assert.Equal(new Actor(ChannelKind.Slack, "T47563693", "U045VRZFT", "brautigan"), item.Command.Actor);
        Assert.Equal("C065W1189", item.Command.Conversation.ConversationId);
        Assert.Equal("f8s", item.Command.Action!.Verb);
        Assert.Equal("click_me_123", item.Command.Action.Get("value"));
        Assert.Equal("GV85DURL5", item.Target.MessageChannelId);
        Assert.Equal("1584059954.001000", item.Target.MessageTs);
    }

    [Fact]
    public void FromBlockActions_ValueClaimingAnotherUser_ActorStillFromPayload()
    {
        var body = SlackPayloads.BlockActionsClick("1584059959.813426", "t1", """{"incident":"INC-7","user_id":"UEVIL","actor":"UEVIL"}""");

        var item = Assert.Single(SlackCommandFactory.FromBlockActions(ParseBlockActions(body)));

        Assert.Equal("U045VRZFT", item.Command.Actor.UserId);
        Assert.Equal("INC-7", item.Command.Action!.Get("incident"));
    }

    [Fact]
    public void FromBlockActions_DoubleClick_SameDeliveryKey()
    {
        var first = ParseBlockActions(SlackPayloads.BlockActionsClick("1584059959.813426", "trigger-a"));
        var second = ParseBlockActions(SlackPayloads.BlockActionsClick("1584059960.100000", "trigger-b"));

        var firstKey = Assert.Single(SlackCommandFactory.FromBlockActions(first)).DeliveryKey;
        var secondKey = Assert.Single(SlackCommandFactory.FromBlockActions(second)).DeliveryKey;

        Assert.Equal(firstKey, secondKey);
    }

    [Fact]
    public void FromBlockActions_DifferentButtonValue_DifferentDeliveryKey()
    {
        var approve = ParseBlockActions(SlackPayloads.BlockActionsClick("1", "a", """{"decision":"approve"}"""));
        var deny = ParseBlockActions(SlackPayloads.BlockActionsClick("2", "b", """{"decision":"deny"}"""));

        Assert.NotEqual(
            Assert.Single(SlackCommandFactory.FromBlockActions(approve)).DeliveryKey,
            Assert.Single(SlackCommandFactory.FromBlockActions(deny)).DeliveryKey);
    }

    [Theory]
    [InlineData("approve", "approve")]
    [InlineData("approve#item-2", "approve")]
    [InlineData("#odd", "#odd")]
    public void VerbOf_ActionIdWithOptionalSuffix_IsTheVerb(string actionId, string verb)
    {
        var result = SlackCommandFactory.VerbOf(actionId);

        Assert.Equal(verb, result);
    }

    [Fact]
    public void FromViewSubmission_MetadataAndInputs_MergedIntoCardAction()
    {
        var state = JsonNode.Parse("""
            {"b1":{"reason":{"type":"plain_text_input","value":"CVE fixed"}},
             "b2":{"window":{"type":"static_select","selected_option":{"value":"tonight"}}},
             "b3":{"hosts":{"type":"checkboxes","selected_options":[{"value":"web1"},{"value":"web2"}]}},
             "b4":{"incident":{"type":"plain_text_input","value":"INC-FORGED"}}}
            """)!.AsObject();
        var body = SlackPayloads.ViewSubmission("V1", """{"verb":"contain.submit","channel_id":"C1","incident":"INC-7"}""", state);
        using var document = InteractionPayload.Parse(body);

        var item = SlackCommandFactory.FromViewSubmission(InteractionPayload.Deserialize<ViewSubmissionPayload>(document));

        var action = item.Command.Action!;
        Assert.Equal("contain.submit", action.Verb);
        Assert.Equal("INC-7", action.Get("incident"));
        Assert.Equal("CVE fixed", action.Get("reason"));
        Assert.Equal("tonight", action.Get("window"));
        Assert.Equal("web1,web2", action.Get("hosts"));
        Assert.Null(action.Get("verb"));
        Assert.Equal("C1", item.Command.Conversation.ConversationId);
        Assert.Equal("U1", item.Command.Actor.UserId);
    }

    [Fact]
    public void FromViewSubmission_MetadataWithoutChannel_ThrowsPayloadError()
    {
        var body = SlackPayloads.ViewSubmission("V1", """{"verb":"x"}""", []);
        using var document = InteractionPayload.Parse(body);

        Assert.Throws<SlackPayloadException>(() =>
            SlackCommandFactory.FromViewSubmission(InteractionPayload.Deserialize<ViewSubmissionPayload>(document)));
    }

    [Fact]
    public void FromEvent_MessageImFixture_BecomesDirectMessageCommand()
    {
        var envelope = EventEnvelope.Parse(TestFiles.Read("slack-event-callback-message-im-botbuilder.json"));

        var item = SlackCommandFactory.FromEvent(envelope, null, null, out _);

        Assert.NotNull(item);
        Assert.Equal("Hello", item.Command.Text);
        Assert.Equal(new Actor(ChannelKind.Slack, "teamId", "userId", "userId"), item.Command.Actor);
        Assert.Equal("channelId", item.Command.Conversation.ConversationId);
        Assert.True(item.IsDirectMessage);
        Assert.Equal(new SlackDeliveryKey(SlackCommandFactory.EventScope, "eventId"), item.DeliveryKey);
    }

    [Fact]
    public void FromEvent_AppMention_StripsBotMentionFromAuthorizations()
    {
        var envelope = EventEnvelope.Parse(SlackPayloads.Event("Ev1", "<@UBOT> assign <@U7|dan>"));

        var item = SlackCommandFactory.FromEvent(envelope, null, "1", out _);

        Assert.Equal("assign @U7", item!.Command.Text);
        Assert.Equal("1", item.DeliveryKey!.RetryNum);
    }

    [Theory]
    [InlineData("U1", "B1", null)]
    [InlineData("U1", null, "message_changed")]
    [InlineData("UBOT", null, null)]
    public void FromEvent_BotOrSubtypeMessage_IsIgnored(string user, string? botId, string? subtype)
    {
        var envelope = EventEnvelope.Parse(SlackPayloads.Event("Ev1", "help", user, botId, subtype, type: "message", channelType: "im"));

        var item = SlackCommandFactory.FromEvent(envelope, null, null, out var reason);

        Assert.Null(item);
        Assert.NotEmpty(reason);
    }

    [Fact]
    public void FromEvent_ConfiguredBotUser_IsIgnored()
    {
        var envelope = EventEnvelope.Parse(TestFiles.Read("slack-event-callback-message-im-botbuilder.json"));

        var item = SlackCommandFactory.FromEvent(envelope, "userId", null, out _);

        Assert.Null(item);
    }

    [Fact]
    public void FromEvent_WrapperSchemaExamples_ParseAndAreIgnored()
    {
        var schema = JsonNode.Parse(TestFiles.Read("slack-events-api-common-wrapper-schema.json"))!;
        var examples = schema["examples"]!.AsArray();

        var items = examples.Select(example => SlackCommandFactory.FromEvent(EventEnvelope.Parse(example!.ToJsonString()), null, null, out _)).ToList();

        Assert.Equal(2, items.Count);
        Assert.All(items, Assert.Null);
    }

    private static BlockActionsPayload ParseBlockActions(string body)
    {
        using var document = InteractionPayload.Parse(body);
        Assert.Equal("block_actions", InteractionPayload.TypeOf(document));
        return InteractionPayload.Deserialize<BlockActionsPayload>(document);
    }
}
