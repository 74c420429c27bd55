namespace ChatOps.Slack.Tests;

/// <summary>Reads files from this project's TestData folder (copied to the output directory).</summary>
internal static class TestFiles
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    /// <summary>A raw form body fixture without the trailing newline an editor may have added.</summary>
    public static string ReadBody(string name) => Read(name).TrimEnd('\r', '\n');
}
