using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;

namespace ChatOps.Core.Workflow;

/// <summary>
/// What <c>declare … --channel</c> asks a channel to create: a dedicated conversation for <paramref name="IncidentId"/>.
/// </summary>
/// <param name="Declarer">Who declared; joins the channel (owner where the platform has owners).</param>
/// <param name="Origin">Where <c>declare</c> was typed (Teams needs it to find the team).</param>
/// <param name="IncidentId">The allocated id, e.g. <c>INC-2026-0001</c>.</param>
/// <param name="Title">The incident's title as typed; each platform makes a valid channel name of it.</param>
/// <param name="SlackName">The <c>inc-&lt;number&gt;-&lt;slug&gt;</c> name Slack channels get.</param>
/// <param name="Members">User ids named with <c>--members @a,@b</c> (without the <c>@</c>).</param>
public sealed record IncidentChannelRequest(
    Actor Declarer,
    ConversationKey Origin,
    string IncidentId,
    string Title,
    string SlackName,
    IReadOnlyList<string> Members);
