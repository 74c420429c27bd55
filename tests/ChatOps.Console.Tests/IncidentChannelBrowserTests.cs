using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Console.Tests;

/// <summary>
/// <c>declare … --channel</c> in the dev console in Chromium (issue 22): the new channel appears in the sidebar and is
/// opened for the declarer, commands typed there act on its incident, the original thread keeps a link that opens it, and a
/// private channel is listed only for its members.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class IncidentChannelBrowserTests : IAsyncLifetime
{
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
    public async Task DeclareWithChannel_InTheConsole_OpensTheNewChannelWhereStatusShowsTheIncident()
    {
        try
        {
            await _console.OpenAsync();
            await _console.PlayAsAsync("alice");
            await _console.SendAsync("declare \"VPN gateway down\" --channel --members @bob");

            var channel = _console.IncidentChannel("VPN gateway down");
            await Expect(channel).ToHaveClassAsync(Selected());
            await Expect(_console.Page.Locator("#conversation-title")).ToContainTextAsync("VPN gateway down");
            await Expect(_console.BotMessageWith("declared")).ToBeVisibleAsync();

            var status = await _console.SayAsync("status");
            await Expect(status).ToContainTextAsync("VPN gateway down");
            await Expect(status).ToContainTextAsync("INC-");

            await _console.OpenChannelAsync();
            var link = _console.BotMessageWith("declared in its own channel");
            await Expect(link).ToBeVisibleAsync();
            await Expect(channel).Not.ToHaveClassAsync(Selected());

            await link.Locator("a[href*='?channel=']").ClickAsync();
            await Expect(channel).ToHaveClassAsync(Selected());
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            await _console.FailureScreenshotAsync(nameof(DeclareWithChannel_InTheConsole_OpensTheNewChannelWhereStatusShowsTheIncident));
            throw new InvalidOperationException($"{ex.Message}\nBrowser errors:\n{string.Join('\n', _browser.Errors)}", ex);
        }

        Assert.Empty(_browser.Errors);
    }

    [Fact]
    public async Task PrivateIncidentChannel_OtherPersonas_OnlyMembersSeeIt()
    {
        await _console.OpenAsync();
        await _console.PlayAsAsync("alice");
        await _console.SendAsync("declare \"Proxy certificate expired\" --channel --members @bob");
        var channel = _console.IncidentChannel("Proxy certificate expired");
        await Expect(channel).ToHaveClassAsync(Selected());

        await _console.PlayAsAsync("carol");
        await Expect(channel).ToHaveCountAsync(0);
        await Expect(_console.Page.Locator("body")).ToHaveAttributeAsync("data-conversation", "19:incident-response@thread.tacv2");

        await _console.PlayAsAsync("bob");
        await Expect(channel).ToBeVisibleAsync();
        await channel.ClickAsync();
        await Expect(_console.BotMessageWith("declared")).ToBeVisibleAsync();
        Assert.Empty(_browser.Errors);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [GeneratedRegex(@"\bselected\b")]
    private static partial Regex Selected();
}
