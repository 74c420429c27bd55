namespace ChatOps.Infra.Tests.Azure;

[Trait("Category", "Process")] // runs bash or the Bicep CLI
public class BicepBuildTests
{
    public static TheoryData<string> BicepFiles() => new(FilesEndingWith(".bicep"));

    public static TheoryData<string> ParamFiles() => new(FilesEndingWith(".bicepparam"));

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Build_EveryBicepFile_CompilesWithoutDiagnostics(string file)
    {
        var result = await BicepCli.BuildAsync(file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.StandardError.Length == 0, $"bicep reported diagnostics:\n{result.StandardError}");
        Assert.Contains("\"$schema\"", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ParamFiles))]
    public async Task BuildParams_EveryEnvironment_CompilesWithoutDiagnostics(string file)
    {
        var result = await BicepCli.BuildParamsAsync(file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.StandardError.Length == 0, $"bicep reported diagnostics:\n{result.StandardError}");
    }

    [Fact]
    public async Task Build_WithoutAnyNetwork_StillCompiles()
    {
        // Built-in resource types and local modules only: no registry, no type download.
        var result = await BicepCli.BuildWithoutNetworkAsync("main.bicep");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.StandardError.Length == 0, $"bicep reported diagnostics:\n{result.StandardError}");
        Assert.Contains("Microsoft.BotService/botServices", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void ParamFiles_CoverDevAndProd()
    {
        var names = FilesEndingWith(".bicepparam").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(["dev.bicepparam", "prod.bicepparam"], names);
    }

    [Fact]
    public async Task Build_TemplateWithTypeError_ReportsDiagnostic()
    {
        // Proves the CLI really checks resource types offline, so "no diagnostics" above means something:
        // a storage account whose sku is a string instead of an object is reported (BCP036).
        var file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.bicep");
        await File.WriteAllTextAsync(file, "resource s 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n  name: 'x'\n  location: 'westeurope'\n  kind: 'StorageV2'\n  sku: 'Standard_LRS'\n}\n");
        try
        {
            var result = await BicepCli.BuildAsync(file);

            Assert.Contains("BCP036", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static IEnumerable<string> FilesEndingWith(string extension) =>
        Directory.EnumerateFiles(BicepCli.AzureFolder, "*" + extension, SearchOption.AllDirectories)
            .Where(file => file.EndsWith(extension, StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(BicepCli.AzureFolder, file))
            .Order(StringComparer.Ordinal)
            .ToList();
}
