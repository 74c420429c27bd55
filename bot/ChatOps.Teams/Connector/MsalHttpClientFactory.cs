using Microsoft.Identity.Client;

namespace ChatOps.Teams.Connector;

/// <summary>Gives MSAL a client from <see cref="IHttpClientFactory"/> (named <see cref="ClientName"/>), so hosts and tests configure it.</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
{
    public const string ClientName = "ChatOps.Teams.Msal";

    public HttpClient GetHttpClient() => factory.CreateClient(ClientName);
}
