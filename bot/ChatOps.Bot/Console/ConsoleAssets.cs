using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatOps.Bot.Console;

/// <summary>
/// The page's files: embedded in the assembly (Console/Page), and Microsoft's <c>adaptivecards</c> renderer, which
/// the build copies from node_modules next to the assembly (ChatOps.Bot.csproj) and never into the repository.
/// </summary>
internal static class ConsoleAssets
{
    public const string RendererName = "adaptivecards.min.js";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
    };

    public static string RendererPath => Path.Combine(AppContext.BaseDirectory, "console", RendererName);

    public static Results<FileStreamHttpResult, PhysicalFileHttpResult, NotFound<string>> Get(string name)
    {
        if (name == RendererName)
        {
            return File.Exists(RendererPath)
                ? TypedResults.PhysicalFile(RendererPath, ContentTypes[".js"])
                : TypedResults.NotFound($"{RendererName} was not copied at build: run 'npm ci' in the repository root, then build again.");
        }

        var page = Page(name);
        return page is null ? TypedResults.NotFound($"No console asset '{name}'.") : page;
    }

    public static FileStreamHttpResult? Page(string name)
    {
        var extension = Path.GetExtension(name);
        if (!ContentTypes.TryGetValue(extension, out var contentType))
            return null;
        var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream("ChatOps.Bot.Console.Page." + name);
        return stream is null ? null : TypedResults.Stream(stream, contentType);
    }
}
