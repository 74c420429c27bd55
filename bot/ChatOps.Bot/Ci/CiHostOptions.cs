namespace ChatOps.Bot.Ci;

/// <summary>
/// One CI host whose run links <c>test … --run</c> accepts (<c>Ci:Hosts:&lt;name&gt;</c>). <see cref="BaseUrl"/> is the
/// web address people copy links from (<c>https://github.com</c>, <c>https://dev.azure.com/contoso</c>); a link is read
/// only when it starts with it. <see cref="ApiUrl"/> is where the API answers (<c>https://api.github.com</c>,
/// <c>https://dev.azure.com</c>); <see cref="Token"/> a GitHub token (Actions: read) or an Azure DevOps PAT (Build: read),
/// best as a Key Vault reference.
/// </summary>
public sealed class CiHostOptions
{
    public CiKind Kind { get; set; }

    public Uri? BaseUrl { get; set; }

    public Uri? ApiUrl { get; set; }

    public string? Token { get; set; }
}
