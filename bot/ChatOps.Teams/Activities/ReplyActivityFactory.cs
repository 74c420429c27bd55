using System.Text.Json.Nodes;
using ChatOps.Cards.Teams;
using ChatOps.Core.Views;
using ChatOps.Teams.Schema;

namespace ChatOps.Teams.Activities;

/// <summary>
/// The outgoing message for a view: plain text for a <see cref="TextView"/>, otherwise the Adaptive Card from
/// <see cref="AdaptiveCardRenderer"/> as an attachment (with the fallback text as summary for notifications).
/// </summary>
internal static class ReplyActivityFactory
{
    public static Activity Create(View view, Activity? incoming = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            From = incoming?.Recipient,
            Recipient = incoming?.From,
            Conversation = incoming?.Conversation?.Id is { } id ? new ConversationAccount { Id = id } : null,
            ReplyToId = incoming?.Id,
        };
        if (view is TextView { Mention: { } mention } mentioning && mentioning.Text.Contains(mention.Token, StringComparison.Ordinal))
        {
            // A real mention: the text carries <at>Name</at> and an entity names who it is, so Teams notifies them.
            // https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations#add-mentions-to-your-messages
            var at = $"<at>{mention.DisplayName}</at>";
            activity.Text = mentioning.Text.Replace(mention.Token, at, StringComparison.Ordinal);
            activity.Entities = [new Entity { Type = Entity.MentionType, Text = at, Mentioned = new ChannelAccount { Id = mention.UserId, Name = mention.DisplayName } }];
            return activity;
        }

        if (view is TextView text)
        {
            activity.Text = text.Text;
            activity.TextFormat = "plain";
            return activity;
        }

        activity.Summary = view.FallbackText;
        // A card shared by every reply (plain help) goes out as the JSON it was written as once.
        JsonNode card = AdaptiveCardRenderer.SharedUtf8(view) is { } utf8
            ? JsonValue.Create(new RawJson(utf8), TeamsJsonContext.Default.RawJson)!
            : AdaptiveCardRenderer.Render(view);
        activity.Attachments = [new Attachment { ContentType = AdaptiveCardRenderer.ContentType, Content = card }];
        return activity;
    }
}
