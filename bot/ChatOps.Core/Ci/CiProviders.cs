namespace ChatOps.Core.Ci;

/// <summary>The CI providers whose runs count as test evidence, as recorded in <see cref="CiRunFacts.Provider"/>.</summary>
public static class CiProviders
{
    public const string GitHub = "github";
    public const string AzureDevOps = "azure-devops";

    /// <summary>The name people know the provider's runs by.</summary>
    public static string Display(string provider) => provider switch
    {
        GitHub => "GitHub Actions",
        AzureDevOps => "Azure Pipelines",
        _ => provider,
    };
}
