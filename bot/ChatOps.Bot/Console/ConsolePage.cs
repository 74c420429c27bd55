using System.Net;
using Microsoft.AspNetCore.Antiforgery;

namespace ChatOps.Bot.Console;

/// <summary>
/// The console page with a fresh anti-forgery token in <c>&lt;meta name="chatops-antiforgery"&gt;</c>: each page load
/// gets its own, and the matching cookie is set on the same response.
/// </summary>
internal static class ConsolePage
{
    public const string Placeholder = "{{ANTIFORGERY_TOKEN}}";

    public static async Task<IResult> GetAsync(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        using var stream = typeof(ConsolePage).Assembly.GetManifestResourceStream("ChatOps.Bot.Console.Page.index.html")
            ?? throw new InvalidOperationException("The console page is not embedded.");
        using var reader = new StreamReader(stream);
        var html = await reader.ReadToEndAsync(http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(html.Replace(Placeholder, WebUtility.HtmlEncode(tokens.RequestToken), StringComparison.Ordinal), "text/html; charset=utf-8");
    }
}
