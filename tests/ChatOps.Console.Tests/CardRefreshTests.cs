using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Console.Tests;

/// <summary>
/// Teams' <c>refresh.userIds</c> as the console plays it: a card that names a persona in its refresh gets an
/// <c>adaptiveCard/action</c> invoke with trigger <c>automatic</c> when that persona looks at it, and shows what the
/// bot answers; a persona it does not name sends nothing and keeps the card as posted.
/// </summary>
[Trait("Category", "Browser")]
public sealed class CardRefreshTests : IAsyncLifetime
{
    private const string Channel = "19:incident-response@thread.tacv2";
    private readonly ConsoleBotFactory _bot = new();
    private readonly List<string> _refreshes = [];
    private ConsoleBrowser _browser = null!;
    private ConsolePage _console = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        _address = _bot.Start();
        _browser = await ConsoleBrowser.LaunchAsync();
        _console = new ConsolePage(_browser.Page, _address);
        _browser.Page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/api/messages", StringComparison.Ordinal) && request.PostData?.Contains("\"automatic\"", StringComparison.Ordinal) == true)
                lock (_refreshes) _refreshes.Add(request.PostData);
        };
    }

    [Fact]
    public async Task Card_RefreshNamesBobOnly_BobsConsoleRefreshesAndCarolsDoesNot()
    {
        await _console.OpenAsync();
        await _console.PlayAsAsync("carol");
        await PostCardAsBotAsync();
        var card = _console.BotMessageWith("Deploy KB1?");
        await Expect(card).ToBeVisibleAsync();
        await _console.WaitIdleAsync();
        var carolRefreshes = Refreshes();

        await _console.PlayAsAsync("bob");
        await Expect(card.Locator(".notice")).ToBeVisibleAsync();
        var bobRefresh = Assert.Single(Refreshes());

        Assert.Empty(carolRefreshes);
        var invoke = JsonNode.Parse(bobRefresh)!;
        Assert.Equal("adaptiveCard/action", invoke["name"]!.GetValue<string>());
        Assert.Equal("29:bob", invoke["from"]!["id"]!.GetValue<string>());
        Assert.Equal("approval.refresh", invoke["value"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Empty(_browser.Errors);
    }

    private List<string> Refreshes()
    {
        lock (_refreshes) return [.. _refreshes];
    }

    // What the bot's connector client would send: a card whose refresh names only Bob (Cards' approval card shape).
    private async Task PostCardAsBotAsync()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Deploy KB1?", ["wrap"] = true }),
            ["refresh"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = "approval.refresh",
                    ["data"] = new JsonObject { ["incidentId"] = "INC-2026-0001", ["approvalId"] = "A1", ["version"] = "1" },
                },
                ["userIds"] = new JsonArray("29:bob"),
            },
        };
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = "28:chatops-dev", ["name"] = "PatchBot" },
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card }),
        };
        using var http = new HttpClient { BaseAddress = _address };
        using var response = await http.PostAsJsonAsync($"/console/connector/v3/conversations/{Uri.EscapeDataString(Channel)}/activities", activity);
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _bot.DisposeAsync();
    }
}
