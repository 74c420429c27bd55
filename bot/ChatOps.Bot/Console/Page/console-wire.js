// Bot Framework activities as Teams sends them (botframework-activity.md; msteams-docs), for the console's personas.
"use strict";

const ChatOpsWire = (() => {
  const TENANT = "dev-tenant";
  const BOT = { id: "28:chatops-dev", name: "PatchBot" };
  const CHANNEL = { id: "19:incident-response@thread.tacv2", name: "incident-response", team: "19:security-team@thread.tacv2" };
  const PERSONAS = [
    { key: "alice", id: "29:alice", name: "Alice Archer", role: "Incident commander", aad: "a11ce000-0000-4000-8000-000000000001" },
    { key: "bob", id: "29:bob", name: "Bob Baker", role: "Approver", aad: "b0b00000-0000-4000-8000-000000000002" },
    { key: "carol", id: "29:carol", name: "Carol Chen", role: "Management stakeholder", aad: "ca201000-0000-4000-8000-000000000003" },
    { key: "dan", id: "29:dan", name: "Dan Diaz", role: "IT", aad: "da000000-0000-4000-8000-000000000004" },
  ];
  const serviceUrl = () => `${location.origin}/console/connector/`;

  // Same id as ConnectorEmulatorEndpoints.PersonalConversationId, so the bot's 1:1 messages land in this chat.
  const personalConversationId = (persona) => `a:console-1on1-${persona.id}`;

  // The team's channels: the one the page opens with, then those the bot had the (emulated) Graph create.
  const channels = new Map([[CHANNEL.id, { id: CHANNEL.id, name: CHANNEL.name, private: false, members: [] }]]);
  const addChannel = (channel) => channels.set(channel.id, channel);

  // A view is "chat" (the persona's 1:1 chat with the bot) or a channel id ("channel" is the page's own channel).
  const channelOf = (view) => view === "chat" ? null : channels.get(view === "channel" ? CHANNEL.id : view) ?? null;

  const conversationOf = (persona, view) => {
    const channel = channelOf(view);
    return channel
      ? { id: channel.id, name: channel.name, conversationType: "channel", isGroup: true, tenantId: TENANT }
      : { id: personalConversationId(persona), conversationType: "personal", tenantId: TENANT };
  };

  const channelDataOf = (view) => {
    const channel = channelOf(view);
    return channel
      ? { tenant: { id: TENANT }, team: { id: CHANNEL.team, name: "Security" }, channel: { id: channel.id, name: channel.name } }
      : { tenant: { id: TENANT } };
  };

  const base = (persona, view, type) => ({
    type,
    id: `console-${crypto.randomUUID()}`,
    timestamp: new Date().toISOString(),
    serviceUrl: serviceUrl(),
    channelId: "msteams",
    from: { id: persona.id, name: persona.name, aadObjectId: persona.aad },
    recipient: { id: BOT.id, name: BOT.name },
    conversation: conversationOf(persona, view),
    channelData: channelDataOf(view),
    locale: "en-US",
  });

  // "@Bob" becomes <at>Bob Baker</at> with a mention entity, as the Teams compose box does; in a channel the bot
  // is mentioned first, because Teams only delivers channel messages that mention the bot.
  function message(persona, view, typed) {
    const entities = [];
    let text = typed.replace(/@patchbot\b/gi, "").trim();
    text = text.replace(/@(alice|bob|carol|dan)\b/gi, (_, first) => {
      const who = PERSONAS.find((p) => p.key === first.toLowerCase());
      const token = `<at>${who.name}</at>`;
      entities.push({ type: "mention", text: token, mentioned: { id: who.id, name: who.name } });
      return token;
    });
    if (channelOf(view)) {
      const token = `<at>${BOT.name}</at>`;
      entities.unshift({ type: "mention", text: token, mentioned: { id: BOT.id, name: BOT.name } });
      text = `${token} ${text}`;
    }
    return { ...base(persona, view, "message"), text, textFormat: "plain", entities };
  }

  // adaptiveCard/action (Universal Actions): a click ("manual") or a card refresh ("automatic").
  function invoke(persona, view, replyToId, action, trigger) {
    return {
      ...base(persona, view, "invoke"),
      name: "adaptiveCard/action",
      replyToId,
      value: { action, trigger },
    };
  }

  // The bot added to the team channel, and to each persona's personal scope (so it can reach them 1:1).
  function installation(persona, view) {
    const activity = base(persona, view, "conversationUpdate");
    activity.id = `console-install-${view}-${persona.key}`;
    activity.membersAdded = channelOf(view) ? [{ id: BOT.id, name: BOT.name }] : [{ id: BOT.id, name: BOT.name }, { id: persona.id, name: persona.name }];
    activity.channelData = { ...activity.channelData, eventType: channelOf(view) ? "teamMemberAdded" : undefined };
    return activity;
  }

  // The page's own anti-forgery token (served in its HTML); the bot refuses console posts without it.
  const antiforgery = document.querySelector('meta[name="chatops-antiforgery"]')?.content ?? "";

  async function post(url, body) {
    const headers = { "Content-Type": "application/json", "X-ChatOps-Antiforgery": antiforgery };
    const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  }

  const toBot = (activity) => post("/api/messages", activity);
  const record = (activity) => post("/console/messages", activity);

  return { TENANT, BOT, CHANNEL, PERSONAS, personalConversationId, channels, addChannel, channelOf, message, invoke, installation, toBot, record };
})();
