using System.Text.Json.Nodes;
using ChatOps.Teams.Channels;

namespace ChatOps.Bot.Console;

/// <summary>
/// The Graph side of the console's one team, in memory (issue 22): the channels <c>declare … --channel</c> created,
/// named and de-duplicated as Microsoft Graph would (a taken name is a 409, so the next name gets <c> (2)</c>), and
/// renamed at <c>close</c>. Every change reaches the browsers as a <c>channel</c> event of the <see cref="ConsoleFeed"/>.
/// Nothing here talks to a network.
/// </summary>
public sealed class ConsoleTeam(ConsoleFeed feed)
{
    /// <summary>The channel the console page opens with (console-wire.js, CHANNEL).</summary>
    public const string GeneralChannelName = "incident-response";

    private const int MaxNameAttempts = 5;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ConsoleChannel> _channels = new(StringComparer.Ordinal);

    /// <summary>
    /// Creates a channel named <paramref name="name"/> (or the first free suffixed name) and announces it. A private
    /// channel lists <paramref name="members"/> (user ids, the owner first); a standard one is open to the team.
    /// </summary>
    public ConsoleChannel Create(string name, string description, bool isPrivate, IReadOnlyList<string> members, string declarer)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(members);
        lock (_gate)
        {
            for (var attempt = 1; attempt <= MaxNameAttempts; attempt++)
            {
                var candidate = TeamsChannelName.WithSuffix(name, attempt);
                if (IsTaken(candidate))
                    continue;
                var channel = new ConsoleChannel(
                    $"19:console-{Guid.NewGuid():N}@thread.tacv2", candidate, description, isPrivate, isPrivate ? [.. members] : [], declarer);
                _channels[channel.Id] = channel;
                feed.AnnounceChannel(channel.Id, channel.ToJson());
                return channel;
            }

            throw new InvalidOperationException($"The names \"{name}\" to \"{TeamsChannelName.WithSuffix(name, MaxNameAttempts)}\" are all taken.");
        }
    }

    /// <summary>The channel with this id, or null when the console's team has none (the page's own channel included).</summary>
    public ConsoleChannel? Find(string channelId)
    {
        lock (_gate)
            return _channels.GetValueOrDefault(channelId);
    }

    /// <summary>Renames a channel and announces the new name; false when there is no such channel.</summary>
    public bool Rename(string channelId, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_gate)
        {
            if (!_channels.TryGetValue(channelId, out var channel))
                return false;
            var renamed = channel with { DisplayName = name };
            _channels[channelId] = renamed;
            feed.AnnounceChannel(channelId, renamed.ToJson());
            return true;
        }
    }

    private bool IsTaken(string name) =>
        string.Equals(name, GeneralChannelName, StringComparison.OrdinalIgnoreCase)
        || _channels.Values.Any(c => string.Equals(c.DisplayName, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A channel of the console's team, as the emulated Graph keeps it.</summary>
/// <param name="Members">Who may see a private channel (user ids, owner first); empty for a standard channel.</param>
/// <param name="Declarer">Who asked for it; the page moves this persona there.</param>
public sealed record ConsoleChannel(string Id, string DisplayName, string Description, bool IsPrivate, IReadOnlyList<string> Members, string Declarer)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["displayName"] = DisplayName,
        ["description"] = Description,
        ["membershipType"] = IsPrivate ? "private" : "standard",
        ["members"] = new JsonArray([.. Members.Select(m => (JsonNode)JsonValue.Create(m))]),
        ["declarer"] = Declarer,
    };
}
