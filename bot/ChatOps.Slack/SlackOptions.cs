namespace ChatOps.Slack;

/// <summary>Configuration section <c>Slack</c>. Secrets are read here and never logged.</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>Largest request body the signature filter reads; anything larger is refused.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The app's signing secret. When empty every inbound request is refused (fail closed).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (<c>xoxb-…</c>) sent as a bearer token to the Web API.</summary>
    public string? BotToken { get; set; }

    /// <summary>
    /// The app-level token (<c>xapp-…</c>, scope <c>connections:write</c>). When set, Slack deliveries arrive over
    /// Socket Mode (SocketMode/SlackSocketModeService) instead of the request URLs.
    /// </summary>
    public string? AppToken { get; set; }

    /// <summary>Web API base; overridden in tests to a local fake.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>The bot's own user id, when known ahead of the first event (events also carry it in <c>authorizations</c>).</summary>
    public string? BotUserId { get; set; }

    /// <summary>
    /// Hosts a <c>response_url</c> may point at. Empty means Slack's own (<c>hooks.slack.com</c>); tests add 127.0.0.1.
    /// The bot never posts to any other host, so a payload cannot turn it into a request forwarder.
    /// </summary>
    public IReadOnlyList<string> ResponseUrlHosts { get; set; } = [];

    /// <summary>
    /// How many acknowledged requests may wait for the worker here (those parked behind their conversation's running
    /// request included). Past it, without a durable intake new ones are turned away; with one they wait in the intake
    /// until this instance has room again, or the next periodic look (<see cref="IntakePollInterval"/>) of any instance with room.
    /// </summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>
    /// How long an acknowledged request stays hidden in the durable intake while an instance works on it; if the
    /// instance dies it becomes visible again and another (or the restarted) instance takes it. Longer than
    /// <see cref="WorkItemTimeout"/>.
    /// </summary>
    public TimeSpan IntakeVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often each instance looks in the durable intake for requests nobody is working on.</summary>
    public TimeSpan IntakePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Takes of one stored request before it is given up (logged as poison and deleted).</summary>
    public int IntakeMaxAttempts { get; set; } = 5;

    /// <summary>
    /// How many work items run at once (each conversation's one at a time). Applying is mostly waiting for storage, so
    /// the loops are many: in scenario c at 300 requests a second on Azurite, 4 loops recorded 1,100 of 2,250 decisions
    /// within 5 s and 16 all of them (docs/PERFORMANCE.md).
    /// </summary>
    public int WorkerConcurrency { get; set; } = 16;

    /// <summary>
    /// Replies of applied requests that may wait to be sent (their channel's turn) while the worker applies more; past
    /// this the worker waits before it applies the next request (<see cref="Work.SlackReplyLanes"/>). Slack takes about
    /// one post a second per channel, so a burst's replies wait here while its record is written: 8,192 holds the
    /// surplus of 300 requests a second over 50 channels (250 a second) for about 30 s (memory measured in
    /// docs/PERFORMANCE.md, scenario c).
    /// </summary>
    public int ReplyBacklog { get; set; } = 8192;

    /// <summary>Time one work item's dispatch, and then its replies, may each take before it is cancelled.</summary>
    public TimeSpan WorkItemTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Spacing of posts into one channel (Slack: about one message per second per channel).</summary>
    public TimeSpan ChannelPostInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Posts that may wait for their channel's turn before a post fails.</summary>
    public int ChannelPostQueueLimit { get; set; } = 100;

    /// <summary>Whether <c>declare --channel</c> creates private Slack channels (default: yes).</summary>
    public bool IncidentChannelsPrivate { get; set; } = true;

    /// <summary>Attempts after a 429 (each waits for <c>Retry-After</c>).</summary>
    public int RateLimitRetries { get; set; } = 3;

    internal IReadOnlyList<string> EffectiveResponseUrlHosts =>
        ResponseUrlHosts.Count == 0 ? ["hooks.slack.com"] : ResponseUrlHosts;
}
