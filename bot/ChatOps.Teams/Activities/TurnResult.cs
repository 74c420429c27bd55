using ChatOps.Teams.Schema;

namespace ChatOps.Teams.Activities;

/// <summary>What a handled activity answers; only <see cref="MessagesEndpoint"/> turns it into HTTP.</summary>
internal abstract record TurnResult
{
    /// <summary>Handled (or deliberately ignored): 200 with no body; any replies went through the Connector.</summary>
    public static readonly TurnResult Done = new Acknowledged();

    /// <summary>An invoke name the bot does not implement: 501, as the SDK's default handler answers.</summary>
    public static readonly TurnResult NotImplemented = new Unsupported();

    private TurnResult()
    {
    }

    public sealed record Acknowledged : TurnResult;

    public sealed record Unsupported : TurnResult;

    /// <summary>The activity lacks what its type needs: 400 with the reason.</summary>
    public sealed record Invalid(string Reason) : TurnResult;

    /// <summary>An <c>adaptiveCard/action</c> invoke's answer, in the HTTP response with its status.</summary>
    public sealed record InvokeAnswer(AdaptiveCardInvokeResponse Response) : TurnResult;
}
