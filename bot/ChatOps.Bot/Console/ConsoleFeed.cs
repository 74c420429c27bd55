using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace ChatOps.Bot.Console;

/// <summary>
/// What the dev console's conversations hold, in memory: every activity the bot sent through the connector
/// emulation and every message a persona typed, as numbered events. A browser that connects gets the backlog, then
/// the live events; the <c>seq</c> number lets it drop what it already has after a reconnect.
/// </summary>
public sealed class ConsoleFeed
{
    /// <summary>Oldest events are dropped past this many, so a long session cannot grow without bound.</summary>
    public const int Capacity = 5000;

    /// <summary>The first event of every stream; its <c>seq</c> of 0 is below every real event's.</summary>
    public const string HelloEvent = """{"seq":0,"kind":"hello"}""";

    private readonly Lock _gate = new();
    private readonly Queue<string> _events = new();
    private readonly List<Channel<string>> _subscribers = [];
    private readonly Dictionary<(string Conversation, string Activity), JsonObject> _activities = [];
    private long _sequence;
    private long _nextActivityId;

    /// <summary>Stores a new activity in a conversation (posted by the bot or typed by a persona) and returns its id.</summary>
    public string Add(string conversationId, JsonObject activity, string? replyToId)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            var id = JsonFields.StringOf(activity["id"]) is { } given && !_activities.ContainsKey((conversationId, given))
                ? given
                : "console-" + (++_nextActivityId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            activity["id"] = id;
            _activities[(conversationId, id)] = activity;
            Publish("activity", conversationId, id, replyToId, activity);
            return id;
        }
    }

    /// <summary>Replaces an activity (connector <c>PUT</c>); false when the conversation has no such activity.</summary>
    public bool Update(string conversationId, string activityId, JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            if (!_activities.ContainsKey((conversationId, activityId)))
                return false;
            activity["id"] = activityId;
            _activities[(conversationId, activityId)] = activity;
            Publish("update", conversationId, activityId, null, activity);
            return true;
        }
    }

    /// <summary>
    /// Tells the browsers about a channel of the console's team that the emulated Graph created or renamed
    /// (<see cref="ConsoleTeam"/>): an event of kind <c>channel</c> whose <c>conversationId</c> is the channel's id.
    /// </summary>
    public void AnnounceChannel(string channelId, JsonObject channel)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
            Publish(new JsonObject { ["kind"] = "channel", ["conversationId"] = channelId, ["channel"] = channel.DeepClone() });
    }

    /// <summary>The backlog, then every new event until the browser leaves or the host stops.</summary>
    public async IAsyncEnumerable<string> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        string[] backlog;
        lock (_gate)
        {
            backlog = [.. _events];
            _subscribers.Add(channel);
        }

        try
        {
            // Sent at once, so the browser sees the stream open even before the bot has said anything.
            yield return HelloEvent;
            foreach (var item in backlog)
                yield return item;
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
                yield return item;
        }
        finally
        {
            lock (_gate)
                _subscribers.Remove(channel);
        }
    }

    private void Publish(string kind, string conversationId, string activityId, string? replyToId, JsonObject activity) =>
        Publish(new JsonObject
        {
            ["kind"] = kind,
            ["conversationId"] = conversationId,
            ["id"] = activityId,
            ["replyToId"] = replyToId,
            ["activity"] = activity.DeepClone(),
        });

    private void Publish(JsonObject fields)
    {
        fields.Insert(0, "seq", ++_sequence);
        var item = fields.ToJsonString();
        _events.Enqueue(item);
        while (_events.Count > Capacity)
            _events.Dequeue();
        foreach (var subscriber in _subscribers)
            subscriber.Writer.TryWrite(item);
    }
}
