using Microsoft.Playwright;

namespace ChatOps.Console.Tests;

/// <summary>The console as a person uses it: pick a persona, open the channel or the 1:1 chat, type, click.</summary>
public sealed class ConsolePage(IPage page, Uri baseAddress)
{
    public IPage Page { get; } = page;

    /// <summary>The bot's messages in the conversation on screen.</summary>
    public ILocator BotMessages => Page.Locator("#messages article.message.bot");

    public async Task OpenAsync()
    {
        await Page.GotoAsync(baseAddress.AbsoluteUri);
        await Page.Locator("body[data-ready='true']").WaitForAsync();
        await WaitIdleAsync();
    }

    public async Task PlayAsAsync(string persona)
    {
        await Page.Locator($"#personas button[data-persona='{persona}']").ClickAsync();
        await Page.Locator($"body[data-persona='{persona}']").WaitForAsync();
        await WaitIdleAsync();
    }

    public async Task OpenChannelAsync()
    {
        await Page.Locator("#nav-channel").ClickAsync();
        await WaitIdleAsync();
    }

    public async Task OpenChatAsync()
    {
        await Page.Locator("#nav-chat").ClickAsync();
        await WaitIdleAsync();
    }

    /// <summary>Types a command and sends it; returns the bot's (last) reply to it once it is on screen.</summary>
    public async Task<ILocator> SayAsync(string text)
    {
        var sent = await SendAsync(text);
        var reply = Page.Locator($"#messages article.message.bot[data-reply-to='{sent}']").Last;
        await reply.WaitForAsync();
        return reply;
    }

    /// <summary>Types a command and sends it, without waiting for a reply; returns the sent activity's id.</summary>
    public async Task<string?> SendAsync(string text)
    {
        await Page.Locator("#message-box").FillAsync(text);
        await Page.Locator("#send").ClickAsync();
        await WaitIdleAsync();
        return await Page.Locator("body").GetAttributeAsync("data-last-sent");
    }

    /// <summary>The sidebar entry of an incident channel whose name holds <paramref name="text"/>.</summary>
    public ILocator IncidentChannel(string text) =>
        Page.Locator("#channel-list .nav.incident-channel").Filter(new LocatorFilterOptions { HasText = text });

    /// <summary>The bot message that holds <paramref name="text"/> (the newest when several do).</summary>
    public ILocator BotMessageWith(string text) => BotMessages.Filter(new LocatorFilterOptions { HasText = text }).Last;

    /// <summary>A button of a card (the renderer draws actions as buttons with their title).</summary>
    public static ILocator CardButton(ILocator message, string title) =>
        message.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = title, Exact = true });

    /// <summary>No request of the page is in flight (message, invoke or card refresh).</summary>
    public Task WaitIdleAsync() => Page.Locator("body[data-busy='0']").WaitForAsync();

    /// <summary>
    /// Key moments are always captured; they are written to docs/ (the README's pictures) only when
    /// UPDATE_SCREENSHOTS=1, so a normal test run leaves the work tree clean.
    /// </summary>
    public async Task ScreenshotAsync(string name)
    {
        var docs = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot(), "docs")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(docs);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(docs, $"console-{name}.png") });
    }

    /// <summary>For a failed test: next to the test assembly, never into docs/.</summary>
    public Task FailureScreenshotAsync(string testName) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, $"failure-{testName}.png") });

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("ChatOps.sln not found above " + AppContext.BaseDirectory);
    }
}
