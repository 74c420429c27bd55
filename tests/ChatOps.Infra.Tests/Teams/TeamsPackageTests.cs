using System.IO.Compression;
using System.Text.Json.Nodes;

namespace ChatOps.Infra.Tests.Teams;

[Trait("Category", "Process")] // runs bash or the Bicep CLI
public sealed class TeamsPackageTests : IDisposable
{
    private const string AppId = "0b5e3f2a-6a1c-4d7e-9f10-2b3c4d5e6f70";
    private readonly string _folder = Directory.CreateTempSubdirectory("teams-package-").FullName;

    [Fact]
    public async Task Package_ValidArguments_ZipsExactlyManifestAndIcons()
    {
        var zip = Path.Combine(_folder, "out", "chatops-teams.zip");

        var result = await PackageAsync("--app-id", AppId, "--host", "chatops.example.com", "--out", zip);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(entry => entry.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Package_ValidArguments_FillsAppIdHostAndUrls()
    {
        var zip = Path.Combine(_folder, "chatops-teams.zip");

        await PackageAsync("--app-id", AppId, "--host", "chatops.example.com", "--privacy-url", "https://example.com/privacy", "--version", "1.2.3", "--out", zip);

        using var archive = ZipFile.OpenRead(zip);
        using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
        var text = await reader.ReadToEndAsync();
        var manifest = JsonNode.Parse(text)!;
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.Equal(AppId, (string)manifest["id"]!);
        Assert.Equal(AppId, (string)manifest["bots"]![0]!["botId"]!);
        Assert.Equal("chatops.example.com", (string)manifest["validDomains"]![0]!);
        Assert.Equal("https://chatops.example.com/", (string)manifest["developer"]!["websiteUrl"]!);
        Assert.Equal("https://example.com/privacy", (string)manifest["developer"]!["privacyUrl"]!);
        Assert.Equal("1.2.3", (string)manifest["version"]!);
    }

    [Fact]
    public async Task Package_IconsInZip_AreTheCommittedIcons()
    {
        var zip = Path.Combine(_folder, "chatops-teams.zip");

        await PackageAsync("--app-id", AppId, "--host", "chatops.example.com", "--out", zip);

        using var archive = ZipFile.OpenRead(zip);
        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            using var stream = new MemoryStream();
            await archive.GetEntry(icon)!.Open().CopyToAsync(stream);
            Assert.Equal(await File.ReadAllBytesAsync(RepositoryPaths.Of("infra", "teams", icon)), stream.ToArray());
        }
    }

    [Theory]
    [InlineData("not-a-guid", "chatops.example.com", "--app-id")]
    [InlineData(AppId, "https://chatops.example.com/", "--host")]
    [InlineData(AppId, "chatops.example.com:443", "--host")]
    public async Task Package_InvalidArgument_FailsNamingItAndWritesNothing(string appId, string host, string named)
    {
        var zip = Path.Combine(_folder, "chatops-teams.zip");

        var result = await PackageAsync("--app-id", appId, "--host", host, "--out", zip);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(zip));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Task<ProcessResult> PackageAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("bash", [RepositoryPaths.Of("infra", "teams", "package.sh"), .. arguments]);
}
