using System.Text.Json;
using ChatOps.Cards.Teams;
using ChatOps.Core.Commands;
using ChatOps.Core.Views;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams.Activities;

/// <summary>
/// An <c>invoke</c>. <c>adaptiveCard/action</c> (Universal Action Model) with <c>Action.Execute</c> runs the verb and
/// answers in the HTTP response: the updated card (an UpdateCard reply) or a message; bad requests get
/// <c>application/vnd.microsoft.error</c> as botbuilder-js does (400 BadRequest / NotSupported). Other invoke names
/// get 501 like the SDK's default.
/// </summary>
internal sealed class InvokeActivityHandler(ICommandDispatcher dispatcher, ReplySender replies, ILogger<InvokeActivityHandler> logger)
{
    public async Task<IResult> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!string.Equals(activity.Name, ActivityTypes.AdaptiveCardActionInvoke, StringComparison.Ordinal))
        {
            Log.UnsupportedInvoke(logger, activity.Name);
            return TypedResults.StatusCode(StatusCodes.Status501NotImplemented);
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
        var result = await dispatcher.DispatchAsync(command, cancellationToken);

        // A dialog form (opened, or handed back with its field errors) is the card the clicker sees in place.
        var primary = result.Replies.FirstOrDefault(r => r.Mode == ReplyMode.UpdateCard || r is { Mode: ReplyMode.Form, View: DialogFormView })
            ?? result.Replies.FirstOrDefault(r => r.View is TextView or ErrorView);
        var others = result.Replies.Where(r => !ReferenceEquals(r, primary)).ToList();
        if (others.Count > 0)
        {
            try
            {
                await replies.SendAsync(activity, others.Select(r => r.Mode == ReplyMode.Requester ? r : r with { Mode = ReplyMode.Post }), cancellationToken);
            }
            catch (Exception ex) when (DeliveryFailure.Is(ex))
            {
                Log.ReplyFailed(logger, ex, activity.Type);
            }
        }

        // The clicker gets the card as they should see it (an approver keeps the buttons on refresh); everyone else's
        // copy of the message is replaced with the card for all viewers, so a decision shows in place for everyone.
        if (primary is { Mode: ReplyMode.UpdateCard, View: ApprovalRequestView } && !IsRefresh(action.Verb) && !string.IsNullOrEmpty(activity.ReplyToId))
        {
            try
            {
                await replies.SendAsync(activity, [primary], cancellationToken);
            }
            catch (Exception ex) when (ex is ConnectorRequestException or HttpRequestException)
            {
                Log.ReplyFailed(logger, ex, activity.Type);
            }
        }

        var response = primary switch
        {
            { Mode: ReplyMode.UpdateCard or ReplyMode.Form } => AdaptiveCardInvokeResponse.Card(AdaptiveCardRenderer.Render(primary.View, new Cards.RenderOptions(actor.UserId))),
            not null => AdaptiveCardInvokeResponse.Message(primary.View.FallbackText),
            null => AdaptiveCardInvokeResponse.Message("Done."),
        };
        return TypedResults.Json(response, TeamsJsonContext.Default.AdaptiveCardInvokeResponse);
    }

    private static bool IsRefresh(string verb) => string.Equals(verb, CardVerbs.ApprovalRefresh, StringComparison.Ordinal);

    private static IResult Error(string code, string message) => TypedResults.Json(
        AdaptiveCardInvokeResponse.Error(StatusCodes.Status400BadRequest, code, message),
        TeamsJsonContext.Default.AdaptiveCardInvokeResponse,
        statusCode: StatusCodes.Status400BadRequest);
}
