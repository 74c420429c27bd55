using Microsoft.Identity.Client;

namespace ChatOps.Teams.Connector;

/// <summary>Exceptions that mean "the message could not be delivered" (Connector refusal, network, token), not a bug.</summary>
internal static class DeliveryFailure
{
    public static bool Is(Exception exception) =>
        exception is ConnectorRequestException or HttpRequestException or MsalException;
}
