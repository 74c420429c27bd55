using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Console.Tests;

/// <summary>
/// The whole emergency-patch scenario, typed and clicked through the dev console in Chromium against the real bot
/// (Kestrel, Azurite): what each persona sees is asserted, and any browser error fails the test.
/// </summary>
[Trait("Category", "Browser")]
public sealed class EmergencyPatchScenarioTests : IAsyncLifetime
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
    public async Task EmergencyPatch_DeclareToApprovalRequest_EveryPersonaSeesTheRequestAndTheStatus()
    {
        await RunAsync(async () =>
        {
            await _console.OpenAsync();
            await DeclareAndPrepareAsync();
            await RequestDeploymentAsync();
            await CarolSeesNoButtonsAsync();
            await DanTalksToTheBotInHisChatAsync();
            await CarolAcknowledgesTheStakeholderUpdateAsync();
            await StatusShowsTheIncidentAsync();
        });

        Assert.Empty(_browser.Errors);
    }

    [Fact]
    public async Task EmergencyPatch_ApprovalByButton_OnlyApproversOtherThanTheRequesterGetButtons()
    {
        await RunAsync(async () =>
        {
            await _console.OpenAsync();
            await DeclareAndPrepareAsync();
            var approval = await RequestDeploymentAsync();
            await AliceCannotApproveHerOwnRequestAsync(approval);
            await CarolSeesNoButtonsAsync();
            await BobApprovesByButtonAsync();
            await CarolAcknowledgesTheStakeholderUpdateAsync();
            await StatusShowsTheIncidentAsync();
        });

        Assert.Empty(_browser.Errors);
    }

    private async Task RunAsync(Func<Task> steps, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        try
        {
            await steps();
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            await _console.FailureScreenshotAsync(test);
            throw new InvalidOperationException($"{ex.Message}\nBrowser errors:\n{string.Join('\n', _browser.Errors)}", ex);
        }
    }

    private async Task DeclareAndPrepareAsync()
    {
        await _console.PlayAsAsync("alice");
        var declared = await _console.SayAsync("declare \"Exchange RCE exploited in the wild\" --sev sev1");
        await Expect(declared).ToContainTextAsync("INC-");
        await _console.ScreenshotAsync("declared");

        await _console.SayAsync("system add mail01 --criticality high");
        await _console.SayAsync("patch add KB5031 \"Exchange security update\" --systems mail01 --rollback \"uninstall KB5031\"");
        var tested = await _console.SayAsync("test KB5031 pass --env staging --evidence https://ci.example.com/runs/42");
        await Expect(tested).ToContainTextAsync("Test of KB5031: pass in staging");
        var role = await _console.SayAsync("role approver @Bob");
        await Expect(role).ToContainTextAsync("Bob Baker is now approver");
        await _console.SayAsync("role approver @Alice");
    }

    private async Task<ILocator> RequestDeploymentAsync()
    {
        // A window outside the maintenance window, without --emergency, is refused; the refusal is an Adaptive Card drawn by Microsoft's renderer.
        var refused = await _console.SayAsync("deploy request KB5031 --window +1d/PT2H");
        await Expect(refused.Locator(".ac-adaptiveCard")).ToContainTextAsync("outside a maintenance window");
        await _console.ScreenshotAsync("refusal-card");


        var window = DateTimeOffset.UtcNow.AddMinutes(15).ToString("yyyy-MM-ddTHH:mmZ", System.Globalization.CultureInfo.InvariantCulture);
        var approval = await _console.SayAsync($"deploy request KB5031 --window {window}/PT2H");
        await Expect(approval).ToContainTextAsync("approval A1");
        await Expect(approval).ToContainTextAsync("Waiting for approval");
        return approval;
    }

    // Alice is an approver too, but she requested A1: the card's refresh.userIds leave her out, so her console (like
    // Teams) never fetches the buttons and she cannot approve her own request. (Core refuses a crafted self-approval
    // as well; ApprovalTests covers that.)
    private async Task AliceCannotApproveHerOwnRequestAsync(ILocator approval)
    {
        await _console.WaitIdleAsync();

        await Expect(approval).ToContainTextAsync("Waiting for approval");
        await Expect(ConsolePage.CardButton(approval, "Approve")).ToHaveCountAsync(0);
        await Expect(ConsolePage.CardButton(approval, "Reject")).ToHaveCountAsync(0);
        await _console.ScreenshotAsync("requester-view");
    }

    private async Task CarolSeesNoButtonsAsync()
    {
        await _console.PlayAsAsync("carol");
        var approval = _console.BotMessageWith("approval A1");

        await Expect(ConsolePage.CardButton(approval, "Approve")).ToHaveCountAsync(0);
        await Expect(ConsolePage.CardButton(approval, "Reject")).ToHaveCountAsync(0);
        await _console.ScreenshotAsync("stakeholder-view");
    }

    private async Task DanTalksToTheBotInHisChatAsync()
    {
        await _console.PlayAsAsync("dan");
        await _console.OpenChatAsync();
        await Expect(_console.BotMessages.First).ToContainTextAsync("ChatOps is here");

        var help = await _console.SayAsync("help declare");

        await Expect(help).ToContainTextAsync("declare");
        await _console.ScreenshotAsync("personal-chat");
        await _console.OpenChannelAsync();
    }

    // Carol subscribes to management updates, Alice notifies management, the update reaches Carol's 1:1 chat through
    // the bot's outbox and proactive Teams delivery, and Carol acknowledges it by button (Action.Execute).
    private async Task CarolAcknowledgesTheStakeholderUpdateAsync()
    {
        await _console.PlayAsAsync("carol");
        var subscribed = await _console.SayAsync("subscribe management");
        await Expect(subscribed).ToContainTextAsync("management updates in a 1:1 chat");
        await _console.PlayAsAsync("alice");
        var notified = await _console.SayAsync("notify management \"KB5031 is approved for tonight's window\"");
        await Expect(notified).ToContainTextAsync("on its way to management");

        await _console.PlayAsAsync("carol");
        await _console.OpenChatAsync();
        var update = _console.BotMessageWith("tonight's window");
        await ConsolePage.CardButton(update, "Acknowledge").ClickAsync();
        await _console.WaitIdleAsync();

        await Expect(update.Locator(".notice")).ToContainTextAsync("your acknowledgement of INC-");
        await _console.ScreenshotAsync("acknowledged");
        await _console.OpenChannelAsync();
    }

    private async Task BobApprovesByButtonAsync()
    {
        await _console.PlayAsAsync("bob");
        var approval = _console.BotMessageWith("approval A1");
        await Expect(ConsolePage.CardButton(approval, "Reject")).ToBeVisibleAsync();
        await _console.ScreenshotAsync("approver-view");

        await ConsolePage.CardButton(approval, "Approve").ClickAsync();
        await _console.WaitIdleAsync();

        await Expect(approval).ToContainTextAsync("✅ Approved");
        await Expect(ConsolePage.CardButton(approval, "Approve")).ToHaveCountAsync(0);
        await _console.ScreenshotAsync("approved");
    }

    private async Task StatusShowsTheIncidentAsync()
    {
        await _console.PlayAsAsync("alice");
        var status = await _console.SayAsync("status");

        await Expect(status).ToContainTextAsync("Exchange RCE exploited in the wild");
        await _console.ScreenshotAsync("status");
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _bot.DisposeAsync();
    }
}
