namespace ChatOps.Core.Views;

/// <summary>
/// A channel-neutral view model of something the bot shows: Cards turns each view into an Adaptive Card
/// (Teams) and a Block Kit message (Slack). Views hold display-ready data only (strings, numbers, times),
/// no domain objects, so rendering is a pure function.
/// </summary>
public abstract record View
{
    /// <summary>Plain-text summary used for notifications, screen readers and the Slack <c>text</c> fallback.</summary>
    public abstract string FallbackText { get; }
}
