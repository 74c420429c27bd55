namespace ChatOps.Infra.Tests.Docker;

/// <summary>No Docker engine runs here, so the Dockerfile's structure is checked instead of built.</summary>
public class DockerfileTests
{
    private static readonly IReadOnlyList<string> Instructions = ReadInstructions();

    [Fact]
    public void Stages_BuildOnSdkAndRunOnAspNetRuntime()
    {
        var stages = Instructions.Where(line => line.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, stages.Count);
        Assert.Equal("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", stages[0]);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", stages[1], StringComparison.Ordinal);
        Assert.Contains(FinalStage(), line => line.StartsWith("COPY --from=build ", StringComparison.Ordinal));
    }

    [Fact]
    public void Publish_ProjectPath_ExistsInRepository()
    {
        var publish = Assert.Single(Instructions, line => line.StartsWith("RUN dotnet publish ", StringComparison.Ordinal));

        var project = publish.Split(' ')[3];

        Assert.Equal("bot/ChatOps.Bot/ChatOps.Bot.csproj", project);
        Assert.True(File.Exists(RepositoryPaths.Of(project.Split('/'))));
    }

    [Fact]
    public void FinalStage_User_IsNotRoot()
    {
        var user = Assert.Single(FinalStage(), line => line.StartsWith("USER ", StringComparison.Ordinal));

        var name = user["USER ".Length..].Trim();

        Assert.DoesNotContain(name.Split(':')[0], new[] { "root", "0" });
        Assert.Equal("$APP_UID", name);
    }

    [Fact]
    public void FinalStage_ExposesPort8080AndChecksHealthz()
    {
        var final = FinalStage();

        Assert.Contains("EXPOSE 8080", final);
        var health = Assert.Single(final, line => line.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        Assert.Contains("GET /healthz", health, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1/8080", health, StringComparison.Ordinal);
        Assert.Contains(final, line => line.StartsWith("ENTRYPOINT [\"dotnet\", \"ChatOps.Bot.dll\"]", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildStage_CopiesEveryFolderTheBotReferences()
    {
        var copies = Instructions.TakeWhile(line => !line.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal))
            .Where(line => line.StartsWith("COPY ", StringComparison.Ordinal)).ToList();

        foreach (var folder in new[] { "bot/", "cards/" })
        {
            Assert.Contains(copies, line => line.Contains($" {folder} ", StringComparison.Ordinal));
        }

        Assert.Contains(copies, line => line.Contains("Directory.Packages.props", StringComparison.Ordinal) && line.Contains("global.json", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildStage_CopiedFolders_HoldEveryProjectTheBotDependsOn()
    {
        var copied = new[] { "bot/", "cards/" };

        var projects = ProjectClosure(RepositoryPaths.Of("bot", "ChatOps.Bot", "ChatOps.Bot.csproj"));

        Assert.Contains(projects, project => project.EndsWith("ChatOps.Core.csproj", StringComparison.Ordinal));
        Assert.All(projects, project =>
        {
            var relative = Path.GetRelativePath(RepositoryPaths.Root, project).Replace('\\', '/');
            Assert.True(copied.Any(folder => relative.StartsWith(folder, StringComparison.Ordinal)), $"{relative} is not copied into the build stage");
        });
    }

    [Fact]
    public void DockerIgnore_KeepsBuildOutputAndSecretsOutOfContext()
    {
        var ignored = RepositoryPaths.ReadText(".dockerignore").Split('\n').Select(line => line.Trim()).ToHashSet(StringComparer.Ordinal);

        foreach (var entry in new[] { ".git", "**/bin", "**/obj", "**/node_modules", ".data", "tests" })
        {
            Assert.Contains(entry, ignored);
        }

        Assert.DoesNotContain("bot", ignored);
        Assert.DoesNotContain("cards", ignored);
    }

    private static HashSet<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var references = System.Xml.Linq.XDocument.Load(current).Descendants("ProjectReference")
                .Select(reference => (string?)reference.Attribute("Include"))
                .OfType<string>();
            foreach (var reference in references)
            {
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, reference.Replace('\\', '/'))));
            }
        }

        return seen;
    }

    private static List<string> FinalStage() =>
        Instructions.SkipWhile(line => !line.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)).ToList();

    /// <summary>Dockerfile lines with comments dropped and backslash continuations joined.</summary>
    private static List<string> ReadInstructions()
    {
        var instructions = new List<string>();
        var current = string.Empty;
        foreach (var raw in RepositoryPaths.ReadText("Dockerfile").Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1].TrimEnd() + " ";
                continue;
            }

            instructions.Add(current + line);
            current = string.Empty;
        }

        return instructions;
    }
}
