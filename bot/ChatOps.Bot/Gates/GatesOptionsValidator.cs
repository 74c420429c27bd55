using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Gates;

/// <summary>
/// Start-up check of <c>Gates:*</c>, naming each wrong setting: a token without its tenant, a short token, a client
/// hash that is not 64 hex digits, an OIDC issuer without audiences or subject mappings.
/// </summary>
internal sealed class GatesOptionsValidator : IValidateOptions<GatesOptions>
{
    public const int MinimumTokenLength = 32;

    public ValidateOptionsResult Validate(string? name, GatesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!string.IsNullOrEmpty(options.Token))
        {
            if (string.IsNullOrWhiteSpace(options.TenantId))
            {
                problems.Add("Gates:TenantId is required with Gates:Token: every gate token is bound to one tenant.");
            }

            if (options.Token.Length < MinimumTokenLength)
            {
                problems.Add($"Gates:Token must be at least {MinimumTokenLength} characters long.");
            }
        }

        foreach (var (client, settings) in options.Clients)
        {
            var prefix = $"Gates:Clients:{client}";
            if (settings.TokenSha256 is not { Length: 64 } hash || !hash.All(char.IsAsciiHexDigit))
            {
                problems.Add($"{prefix}:TokenSha256 must be the 64 hex digits of the token's SHA-256.");
            }

            if (string.IsNullOrWhiteSpace(settings.TenantId))
            {
                problems.Add($"{prefix}:TenantId is required: every gate client is bound to one tenant.");
            }
        }

        foreach (var (issuerName, issuer) in options.Oidc)
        {
            var prefix = $"Gates:Oidc:{issuerName}";
            if (!Uri.TryCreate(issuer.Issuer, UriKind.Absolute, out var issuerUri) || (issuerUri.Scheme != Uri.UriSchemeHttps && issuer.RequireHttpsMetadata))
            {
                problems.Add($"{prefix}:Issuer must be the issuer's absolute https URL.");
            }

            if (issuer.Audiences.Count == 0 || issuer.Audiences.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"{prefix}:Audiences must list at least one audience.");
            }

            if (issuer.Subjects.Count == 0)
            {
                problems.Add($"{prefix}:Subjects must map at least one subject to a tenant.");
            }

            for (var i = 0; i < issuer.Subjects.Count; i++)
            {
                var subject = issuer.Subjects[i].Subject;
                if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(issuer.Subjects[i].TenantId))
                {
                    problems.Add($"{prefix}:Subjects:{i} needs both Subject and TenantId.");
                }
                else if (subject[0] is '*' or '?' || (IsGitHub(issuerUri) && !NamesGitHubOwner(subject)))
                {
                    // GitHub's issuer signs tokens for every repository on GitHub: a subject that does not name the
                    // owner would let anyone's workflow through.
                    problems.Add($"{prefix}:Subjects:{i}:Subject must begin with a literal prefix (for GitHub: repo:<owner>/...).");
                }
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsGitHub(Uri? issuer) => issuer?.Host == "token.actions.githubusercontent.com";

    private static bool NamesGitHubOwner(string subject)
    {
        const string Repo = "repo:";
        var slash = subject.IndexOf('/', StringComparison.Ordinal);
        return subject.StartsWith(Repo, StringComparison.Ordinal) && slash > Repo.Length
            && subject.AsSpan(Repo.Length, slash - Repo.Length).IndexOfAny('*', '?') < 0;
    }
}
