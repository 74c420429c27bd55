using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.Cards.Tests.Support;

/// <summary>
/// Golden JSON files in the project's Golden/ folder, indented for review. <c>UPDATE_GOLDEN=1</c> rewrites them
/// from the current renderers instead of comparing.
/// </summary>
internal static class Golden
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        // Readable files: emoji and accents as themselves (the renderers' output is unaffected).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Directory { get; } = Path.Combine(FindProjectDirectory(), "Golden");

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static void AssertMatches(string fileName, JsonNode actual)
    {
        var path = Path.Combine(Directory, fileName);
        var text = actual.ToJsonString(Indented) + "\n";
        if (Updating)
        {
            File.WriteAllText(path, text);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file Golden/{fileName} is missing; run the tests with UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), text);
    }

    private static string FindProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatOps.Cards.Tests.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the ChatOps.Cards.Tests project folder above " + AppContext.BaseDirectory);
    }
}
