namespace ChatOps.Bot.Ci;

/// <summary>Which API a configured CI host speaks.</summary>
public enum CiKind
{
    None,
    GitHub,
    AzureDevOps,
}
