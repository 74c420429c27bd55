using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Console.Tests;

/// <summary>Issue 16 "Words and display": a long unbroken word (a hash, a URL) wraps inside its message instead of widening the console.</summary>
[Trait("Category", "Browser")]
public sealed class ConsoleOverflowTests : IAsyncLifetime
{
    private static readonly string LongWord = "sha256:" + string.Concat(Enumerable.Repeat("9f86d081884c7d659a2feaa0c55ad015", 8));
    private readonly ConsoleBotFactory _bot = new();
    private ConsoleBrowser _browser = null!;
    private ConsolePage _console = null!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        var address = _bot.Start();
        _browser = await ConsoleBrowser.LaunchAsync();
        _console = new ConsolePage(_browser.Page, address);
    }

    [Fact]
    public async Task LongUnbrokenWord_InTypedTextAndInTheBotsCard_WrapsWithoutHorizontalScrolling()
    {
        await _console.OpenAsync();
        await _console.PlayAsAsync("alice");
        await _console.SayAsync("declare \"Artifact check\"");
        await _console.SayAsync($"decision \"{LongWord}\" --because \"the pinned build\"");

        var log = await _console.SayAsync("log");
        await Expect(log).ToContainTextAsync(LongWord[..40]);

        var widths = await _console.Page.EvaluateAsync<int[]>("""
            () => {
              const overflowing = [...document.querySelectorAll('#messages article.message')]
                .filter(m => m.scrollWidth > m.clientWidth + 1).length;
              return [document.documentElement.scrollWidth, document.documentElement.clientWidth, overflowing];
            }
            """);
        Assert.True(widths[0] <= widths[1], $"the page scrolls sideways: {widths[0]} px of content in {widths[1]} px");
        Assert.Equal(0, widths[2]);
        Assert.Empty(_browser.Errors);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _bot.DisposeAsync();
    }
}
