using System.Text.Json.Nodes;

namespace ChatOps.Teams.Tests.Support;

/// <summary>Reads payloads copied into TestData/ (sources in TestData/SOURCES.md).</summary>
public static class TestData
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    public static JsonObject Load(string name) => JsonNode.Parse(Text(name))!.AsObject();

    public static IEnumerable<string> Names(string prefix) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData"), prefix + "*.json").Select(Path.GetFileName).Order()!;
}
