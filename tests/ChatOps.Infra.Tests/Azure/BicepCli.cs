using System.Text.Json.Nodes;

namespace ChatOps.Infra.Tests.Azure;

/// <summary>The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package. It needs no network:
/// resource types are built in and the templates use local modules only.</summary>
internal static class BicepCli
{
    public static string AzureFolder => RepositoryPaths.Of("infra", "azure");

    public static Task<ProcessResult> BuildAsync(string bicepFile) =>
        RunAsync("build", bicepFile, "--stdout");

    public static Task<ProcessResult> BuildParamsAsync(string bicepParamFile) =>
        RunAsync("build-params", bicepParamFile, "--stdout");

    /// <summary>build-params without <paramref name="unset"/> in the environment, as an operator who forgot to export it.</summary>
    public static Task<ProcessResult> BuildParamsWithoutAsync(string bicepParamFile, string unset)
    {
        EnsureExecutable();
        var environment = Environment();
        environment.Remove(unset);
        return ProcessRunner.RunAsync(RepositoryPaths.Bicep, ["build-params", bicepParamFile, "--stdout"], environment, AzureFolder, TimeSpan.FromMinutes(2));
    }

    /// <summary>Builds inside a new network namespace that has no network at all (util-linux unshare).</summary>
    public static Task<ProcessResult> BuildWithoutNetworkAsync(string bicepFile)
    {
        EnsureExecutable();
        return ProcessRunner.RunAsync(
            "unshare", ["--net", "--map-root-user", RepositoryPaths.Bicep, "build", bicepFile, "--stdout"],
            Environment(), AzureFolder, TimeSpan.FromMinutes(2));
    }

    /// <summary>Compiles a template and returns the ARM JSON, failing on any diagnostic.</summary>
    public static async Task<JsonObject> CompileAsync(string bicepFile)
    {
        var result = await BuildAsync(bicepFile);
        if (result.ExitCode != 0 || result.StandardError.Length > 0)
        {
            throw new InvalidOperationException($"bicep build {bicepFile} failed: {result}");
        }

        return JsonNode.Parse(result.StandardOutput)!.AsObject();
    }

    private static Task<ProcessResult> RunAsync(params string[] arguments)
    {
        EnsureExecutable();
        return ProcessRunner.RunAsync(RepositoryPaths.Bicep, arguments, Environment(), AzureFolder, TimeSpan.FromMinutes(2));
    }

    private static Dictionary<string, string> Environment() =>
        new()
        {
            // No telemetry upload and no update check from a test run.
            ["BICEP_TELEMETRY_ENABLED"] = "false",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            // The parameter files require the app id from the environment, as an operator exports it.
            ["CHATOPS_MICROSOFT_APP_ID"] = "5a7c2f1e-3b4d-4e6f-8a9b-0c1d2e3f4a5b",
            ["CHATOPS_MICROSOFT_APP_PASSWORD"] = "app-password-from-the-deploying-shell",
            ["CHATOPS_AUDIT_KEY"] = "audit-key-from-the-deploying-shell-0123456789",
        };

    private static void EnsureExecutable()
    {
        if (!File.Exists(RepositoryPaths.Bicep))
        {
            throw new FileNotFoundException("The Bicep CLI is missing: restore ChatOps.Infra.Tests.", RepositoryPaths.Bicep);
        }

        // NuGet extraction normally keeps the execute bit; set it when a cache lost it.
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The infra tests use the linux-x64 Bicep CLI.");
        }

        var mode = File.GetUnixFileMode(RepositoryPaths.Bicep);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(RepositoryPaths.Bicep, mode | UnixFileMode.UserExecute);
        }
    }
}
