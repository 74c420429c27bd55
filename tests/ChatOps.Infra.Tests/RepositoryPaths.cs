using System.Reflection;

namespace ChatOps.Infra.Tests;

/// <summary>Where the repository and the Bicep CLI are, as recorded by the build (see the csproj).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string Bicep { get; } = Metadata("BicepPath");

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string ReadText(params string[] parts) => File.ReadAllText(Of(parts));

    private static string Metadata(string key)
    {
        var value = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value;
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException($"The test assembly has no '{key}' metadata: rebuild ChatOps.Infra.Tests.");
        }

        return value;
    }
}
