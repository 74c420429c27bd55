using System.Text.Json;
using ChatOps.Cards.Teams;
using ChatOps.Core.Commands;
using ChatOps.Core.Inbound;
using ChatOps.Core.Views;
using ChatOps.Teams.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams.Activities;

/// <summary>
/// An <c>invoke</c>. <c>adaptiveCard/action</c> (Universal Action Model) with <c>Action.Execute</c> runs the verb and
/// answers in the HTTP response: the updated card (an UpdateCard reply) or a message; bad requests get
/// <c>application/vnd.microsoft.error</c> as botbuilder-js does (400 BadRequest / NotSupported). Other invoke names
/// get 501 like the SDK's default. The command runs through Core's <see cref="InboundPipeline"/>; replies other than the
/// answer go through the Connector.
/// </summary>
internal sealed class InvokeActivityHandler(InboundPipeline pipeline, ReplySender replies, ILogger<InvokeActivityHandler> logger)
{
    public async Task<TurnResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!string.Equals(activity.Name, ActivityTypes.AdaptiveCardActionInvoke, StringComparison.Ordinal))
        {
            Log.UnsupportedInvoke(logger, activity.Name);
            return TurnResult.NotImplemented;
        }

        AdaptiveCardInvokeValue? value;
        try
        {
            value = activity.Value?.Deserialize(TeamsJsonContext.Default.AdaptiveCardInvokeValue);
        }
        catch (JsonException)
        {
            return Error("BadRequest", "The invoke value is not an adaptiveCard/action value.");
        }

        if (value?.Action is not { } action)
            return Error("BadRequest", "Missing value.action in the adaptiveCard/action invoke.");
        if (!string.Equals(action.Type, AdaptiveCardInvokeAction.ExecuteType, StringComparison.Ordinal))
            return Error("NotSupported", $"The action '{action.Type}' is not supported.");
        if (string.IsNullOrWhiteSpace(action.Verb))
            return Error("BadRequest", "The Action.Execute has no verb.");
        if (ActivityIdentity.Read(activity) is not (var actor, var conversation))
            return Error("BadRequest", "The invoke has no sender, conversation or tenant.");

        var command = new Command(actor, conversation, string.Empty, new CardAction(action.Verb, CardActionData.From(action.Data)));
        // An invoke names no redelivery key, so the pipeline always decides it (null only answers a repeat).
        var result = (await pipeline.DecideAsync(new InboundRequest(command), cancellationToken))!;
        var port = replies.PortFor(activity);

        // A dialog form (opened, or handed back with its field errors) is the card the clicker sees in place.
        var primary = result.Replies.FirstOrDefault(r => r.Mode == ReplyMode.UpdateCard || r is { Mode: ReplyMode.Form, View: DialogFormView })
            ?? result.Replies.FirstOrDefault(r => r.View is TextView or ErrorView);
        var others = result.Replies.Where(r => !ReferenceEquals(r, primary)).ToList();
        await pipeline.DeliverAsync(others.Select(r => r.Mode == ReplyMode.Requester ? r : r with { Mode = ReplyMode.Post }), port, cancellationToken);

        // The clicker gets the card as they should see it (an approver keeps the buttons on refresh); everyone else's
        // copy of the message is replaced with the card for all viewers, so a decision shows in place for everyone.
        if (primary is { Mode: ReplyMode.UpdateCard, View: ApprovalRequestView } && !IsRefresh(action.Verb) && !string.IsNullOrEmpty(activity.ReplyToId))
        {
            await pipeline.DeliverAsync([primary], port, cancellationToken);
        }

        var response = primary switch
        {
            { Mode: ReplyMode.UpdateCard or ReplyMode.Form } => AdaptiveCardInvokeResponse.Card(AdaptiveCardRenderer.Render(primary.View, new Cards.RenderOptions(actor.UserId))),
            not null => AdaptiveCardInvokeResponse.Message(primary.View.FallbackText),
            null => AdaptiveCardInvokeResponse.Message("Done."),
        };
        return new TurnResult.InvokeAnswer(response);
    }

    private static bool IsRefresh(string verb) => string.Equals(verb, CardVerbs.ApprovalRefresh, StringComparison.Ordinal);

    private static TurnResult Error(string code, string message) =>
        new TurnResult.InvokeAnswer(AdaptiveCardInvokeResponse.Error(StatusCodes.Status400BadRequest, code, message));
}
