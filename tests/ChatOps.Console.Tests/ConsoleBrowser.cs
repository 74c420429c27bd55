using Microsoft.Playwright;

namespace ChatOps.Console.Tests;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, installed by scripts/browser.sh) driven by Playwright, headless. Playwright's
/// own browser download is never used. Every console error, page error and failed request is collected, so a test
/// can fail on any of them.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _errors = [];
    private bool _closing;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Console += (_, message) => { if (message.Type == "error") Record($"console error: {message.Text}"); };
        page.PageError += (_, error) => Record($"page error: {error}");
        page.RequestFailed += (_, request) => Record($"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) => { if (response.Status >= 400) Record($"HTTP {response.Status}: {response.Request.Method} {response.Url}"); };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get { lock (_errors) return [.. _errors]; }
    }

    public static async Task<ConsoleBrowser> LaunchAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (scripts/browser.sh does it in ./test.sh).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        return new ConsoleBrowser(playwright, browser, page);
    }

    public async ValueTask DisposeAsync()
    {
        // The event stream is cut when the page closes; that is not an error of the page.
        _closing = true;
        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    private void Record(string error)
    {
        if (_closing)
            return;
        lock (_errors)
            _errors.Add(error);
    }
}
