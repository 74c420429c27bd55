using System.Text.Json.Nodes;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Notifications;
using ChatOps.Testing.Channels.Teams;
using Microsoft.Extensions.DependencyInjection;
using static ChatOps.Notifications.Tests.TeamsContext;

namespace ChatOps.Notifications.Tests;

/// <summary>TeamsNotificationSender over HTTP, driven by the dispatcher as in production.</summary>
[Trait("Category", "Azurite")]
public sealed class TeamsNotificationSenderTests : IAsyncLifetime
{
    private const string Message = "Mail is back";
    private TeamsContext _context = null!;
    private NotificationStack _bot = null!;

    public async Task InitializeAsync()
    {
        _context = await StartAsync();
        _bot = _context.Instance();
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task Send_StoredPersonalChat_PostsThereWithoutCreatingOne()
    {
        await _context.SeedAsync(_bot, 1);

        await DeliverAsync();

        var requests = _context.Connector.Requests.Where(r => r.Body.Contains(Message, StringComparison.Ordinal)).ToList();
        Assert.Equal("/amer/v3/conversations/a%3Adm-u000/activities", Assert.Single(requests).RawTarget);
        Assert.StartsWith("Bearer bot-token-", requests[0].Authorization, StringComparison.Ordinal);
        Assert.DoesNotContain(_context.Connector.Requests, r => r.RawTarget == "/amer/v3/conversations");
    }

    [Fact]
    public async Task Send_NoStoredChat_CreatesThePersonalChatSendsThereAndRemembersIt()
    {
        await _context.SeedAsync(_bot, 2);

        await DeliverAsync();

        var create = Assert.Single(_context.Connector.Requests, r => r.RawTarget == "/amer/v3/conversations");
        var parameters = JsonNode.Parse(create.Body)!;
        Assert.Equal(NotificationStack.Tenant, parameters["tenantId"]!.ToString());
        Assert.Equal("29:u001", parameters["members"]![0]!["id"]!.ToString());
        var delivery = Assert.Single(_context.DeliveredTo(Message)["29:u001"]);
        var remembered = await _bot.Services.GetRequiredService<IConversationReferenceStore>().GetPersonalAsync(ChannelKind.Teams, NotificationStack.Tenant, "29:u001");
        Assert.Equal(delivery.Conversation, remembered!.ConversationId);
    }

    [Fact]
    public async Task Send_429WithRetryAfter_WaitsThatLongThenDeliversOnce()
    {
        await _context.SeedAsync(_bot, 1);
        DateTimeOffset? throttledAt = null;
        _context.Connector.Respond = call => IsStakeholder(call.User) && call.Attempt == 1
            ? Throttle(ref throttledAt)
            : null;

        await DeliverAsync();

        var delivery = Assert.Single(_context.DeliveredTo(Message)["29:u000"]);
        Assert.True(delivery.ReceivedAt - throttledAt >= TimeSpan.FromSeconds(1.9), $"retried {delivery.ReceivedAt - throttledAt} after a Retry-After of 2 s");
    }

    [Fact]
    public async Task Send_503ThenSuccess_BacksOffAndDeliversOnce()
    {
        await _context.SeedAsync(_bot, 1);
        _context.Connector.Respond = call => IsStakeholder(call.User) && call.Attempt <= 2 ? new ConnectorAnswer(503) : null;

        var (incident, notice) = await DeliverAsync();

        Assert.Single(_context.DeliveredTo(Message)["29:u000"]);
        Assert.Equal(3, _context.Connector.Requests.Count(r => r.RawTarget.Contains("dm-u000", StringComparison.Ordinal)));
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await _bot.ListAsync(incident, notice)).Status);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Send_ForbiddenOrNotFound_DeadLettersAtOnceAndTellsTheIncidentChannel(int status)
    {
        await _context.SeedAsync(_bot, 1);
        _context.Connector.Respond = call => IsStakeholder(call.User) ? new ConnectorAnswer(status) : null;

        var (incident, notice) = await DeliverAsync();

        var row = Assert.Single(await _bot.ListAsync(incident, notice));
        Assert.Equal(DeliveryStatus.Dead, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Single(_context.Connector.Requests, r => r.RawTarget.Contains("dm-u000", StringComparison.Ordinal));
        Assert.Equal(["29:u000"], (await _bot.IncidentAsync(incident)).FindNotice(notice)!.Undeliverable);
        await _bot.Dispatcher.RunOnceAsync();
        Assert.Contains(_context.Connector.Delivered, d => d.Conversation == _bot.IncidentChannel.ConversationId
            && d.Text.Contains("could not reach 29:u000", StringComparison.Ordinal));
    }

    private static ConnectorAnswer Throttle(ref DateTimeOffset? at)
    {
        at ??= DateTimeOffset.UtcNow;
        return new ConnectorAnswer(429, "2");
    }

    private async Task<(string Incident, string Notice)> DeliverAsync()
    {
        var (incident, notice) = await _bot.DeclareAndNotifyAsync("users", Message);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _bot.DrainAsync(incident, notice, timeout.Token);
        return (incident, notice);
    }
}
