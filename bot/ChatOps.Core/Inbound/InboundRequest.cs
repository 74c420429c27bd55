using ChatOps.Core.Commands;

namespace ChatOps.Core.Inbound;

/// <summary>One authenticated request a channel has turned into a command.</summary>
/// <param name="Command">The channel-neutral command.</param>
/// <param name="Redelivery">Set when the channel may deliver the same request again.</param>
/// <param name="Durable">True when the request was kept durably and acknowledged ("Working on it…"): a change that
/// loses to another instance several times is run again rather than refused (see <see cref="InboundPipeline.LostRaceRetries"/>).</param>
public sealed record InboundRequest(Command Command, RedeliveryKey? Redelivery = null, bool Durable = false);
