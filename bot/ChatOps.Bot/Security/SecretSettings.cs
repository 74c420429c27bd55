namespace ChatOps.Bot.Security;

/// <summary>
/// Every configuration value the host was given, by key, for <see cref="SecretSettingsValidator"/>: an unresolved
/// Key Vault reference may hide behind any key, so the check looks at all of them, not at a list someone must keep.
/// </summary>
public sealed class SecretSettings
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? this[string key] => Values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    /// <summary>Copies every non-empty value of <paramref name="configuration"/> (keys with <c>:</c>).</summary>
    public void Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (!string.IsNullOrEmpty(value))
                Values[key] = value;
        }
    }
}
