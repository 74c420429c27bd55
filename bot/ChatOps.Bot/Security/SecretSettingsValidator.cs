using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Security;

/// <summary>
/// Start-up refuses secrets that can be guessed (issue 19): an App Service Key Vault reference that was never resolved
/// (App Service passes its text through when the secret is missing or unreadable, and that text is derivable from the
/// public host name), gate tokens under 32 characters, report and audit keys under 32 bytes, and a Slack signing
/// secret that is not Slack's 32 hex characters. Each message names the setting and never echoes its value.
/// </summary>
internal sealed class SecretSettingsValidator : IValidateOptions<SecretSettings>
{
    public const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";
    public const int MinimumTokenCharacters = 32;
    public const int MinimumKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, SecretSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (key, value) in options.Values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (value.TrimStart().StartsWith(KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase))
                failures.Add($"{key} is an unresolved Key Vault reference: App Service could not read the secret (does it exist, and may the app's identity read it?).");
        }

        if (failures.Count > 0)
            return ValidateOptionsResult.Fail(failures);

        CheckToken(failures, "Gates:Token", options["Gates:Token"]);
        foreach (var (key, value) in options.Values.Where(pair => IsGateClientToken(pair.Key)).OrderBy(pair => pair.Key, StringComparer.Ordinal))
            CheckToken(failures, key, value);
        CheckKey(failures, "Reports:SigningKey", options["Reports:SigningKey"]);
        CheckKey(failures, "Audit:Key", options["Audit:Key"]);
        if (options["Slack:SigningSecret"] is { } signing && !IsSlackSigningSecret(signing))
            failures.Add("Slack:SigningSecret must be the 32 hexadecimal characters Slack shows under Basic Information -> App Credentials.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsSlackSigningSecret(string value) =>
        value.Length == 32 && value.All(char.IsAsciiHexDigit);

    // Gates:Clients:<name>:Token (a named pipeline client's token, when given in clear rather than as a hash).
    private static bool IsGateClientToken(string key)
    {
        var parts = key.Split(':');
        return parts.Length == 4
            && parts[0].Equals("Gates", StringComparison.OrdinalIgnoreCase)
            && parts[1].Equals("Clients", StringComparison.OrdinalIgnoreCase)
            && parts[3].Equals("Token", StringComparison.OrdinalIgnoreCase);
    }

    private static void CheckToken(List<string> failures, string key, string? value)
    {
        if (value is not null && value.Trim().Length < MinimumTokenCharacters)
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key} must be at least {MinimumTokenCharacters} characters long (e.g. openssl rand -hex 32)."));
    }

    private static void CheckKey(List<string> failures, string key, string? value)
    {
        if (value is not null && Encoding.UTF8.GetByteCount(value) < MinimumKeyBytes)
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key} must be at least {MinimumKeyBytes} bytes long (e.g. openssl rand -base64 48)."));
    }
}
