// The dev console: personas, the channel and each persona's 1:1 chat with the bot, fed by /console/events.
"use strict";

(() => {
  const { PERSONAS, CHANNEL, TENANT } = ChatOpsWire;
  const $ = (id) => document.getElementById(id);
  const state = {
    persona: PERSONAS[0],
    view: CHANNEL.id, // "chat" or the id of a channel (ChatOpsWire.channels)
    sent: false, // this page has sent something: a channel it declared then opens
    wanted: new URLSearchParams(location.search).get("channel"), // ?channel= (the link the bot posts)
    lastSeq: 0,
    conversations: new Map(), // conversation id -> [{ id, activity, version, fromBot }]
    overrides: new Map(), // persona|conversation|activity -> { card, notice, error, stamp }
    refreshed: new Set(), // persona|conversation|activity|version
    seen: new Map(), // persona key -> messages seen in its 1:1 chat
    busy: 0,
    nodes: new Map(), // activity id -> { key, element } for the conversation on screen
  };

  const currentConversationId = () => state.view === "chat" ? ChatOpsWire.personalConversationId(state.persona) : state.view;
  const viewOf = (conversationId) => ChatOpsWire.channels.has(conversationId) ? conversationId : "chat";

  // A standard channel is the whole team's; a private one only its members' (the declarer and --members).
  const canSee = (persona, channel) => !channel.private || channel.members.includes(persona.id);
  const overrideKey = (persona, conversationId, id) => `${persona.id}|${conversationId}|${id}`;

  function setBusy(delta) {
    state.busy += delta;
    document.body.dataset.busy = String(state.busy);
  }

  function report(error) {
    $("status-line").textContent = String(error.message ?? error);
    $("status-line").className = "error";
    console.error(error);
  }

  async function track(work) {
    setBusy(1);
    try { return await work(); } catch (error) { report(error); return null; } finally { setBusy(-1); }
  }

  // ---- events from the bot (connector emulation) and from the personas' typing ----
  function apply(event) {
    if (event.seq <= state.lastSeq) return;
    state.lastSeq = event.seq;
    if (event.kind === "channel") { applyChannel(event.channel); return; }
    const list = state.conversations.get(event.conversationId) ?? [];
    state.conversations.set(event.conversationId, list);
    const existing = list.find((e) => e.id === event.id);
    if (event.kind === "update" && existing) {
      existing.activity = event.activity;
      existing.version += 1;
      for (const persona of PERSONAS) state.overrides.delete(overrideKey(persona, event.conversationId, event.id));
    } else if (!existing) {
      list.push({ id: event.id, replyToId: event.replyToId, activity: event.activity, version: 0, fromBot: !(event.activity.from?.id ?? "").startsWith("29:") });
    }
    render();
  }

  // A channel the bot had the emulated Graph create (or rename): listed, and opened for its declarer.
  function applyChannel(created) {
    const isNew = !ChatOpsWire.channels.has(created.id);
    ChatOpsWire.addChannel({ id: created.id, name: created.displayName, private: created.membershipType === "private", members: created.members ?? [], declarer: created.declarer });
    renderChannels();
    const channel = ChatOpsWire.channels.get(created.id);
    const moveHere = (isNew && state.sent && channel.declarer === state.persona.id) || state.wanted === channel.id;
    if (moveHere && canSee(state.persona, channel)) {
      state.wanted = null;
      showView(channel.id);
    } else if (state.view === channel.id) {
      showView(channel.id);
    }
  }

  function renderChannels() {
    const list = $("channel-list");
    list.replaceChildren();
    for (const channel of ChatOpsWire.channels.values()) {
      if (channel.id === CHANNEL.id || !canSee(state.persona, channel)) continue;
      const button = document.createElement("button");
      button.className = `nav incident-channel${state.view === channel.id ? " selected" : ""}`;
      button.dataset.view = channel.id;
      button.dataset.private = String(channel.private);
      button.innerHTML = '<span class="team">Security</span> # <span class="name"></span>';
      button.querySelector(".name").textContent = channel.name;
      if (channel.private) button.title = "Private channel: only its members see it";
      list.append(button);
    }
  }

  // ---- what the current persona sees ----
  function displayText(activity) {
    return (activity.text ?? "").replace(/<at>(.*?)<\/at>/g, "@$1");
  }

  // Text with its http(s) links clickable; a link to this page's ?channel= (the bot's link to an incident channel)
  // opens that channel here instead of reloading the page.
  function appendLinked(parent, text) {
    let last = 0;
    for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
      const url = match[0].replace(/[.,;:)]+$/, "");
      parent.append(text.slice(last, match.index));
      const link = Object.assign(document.createElement("a"), { href: url, textContent: url, target: "_blank", rel: "noopener noreferrer" });
      link.addEventListener("click", (event) => {
        const target = new URL(url);
        const channel = target.origin === location.origin ? ChatOpsWire.channels.get(target.searchParams.get("channel")) : null;
        if (channel && canSee(state.persona, channel)) { event.preventDefault(); showView(channel.id); }
      });
      parent.append(link);
      last = match.index + url.length;
    }
    parent.append(text.slice(last));
  }

  function messageElement(entry, conversationId) {
    const persona = state.persona;
    const override = state.overrides.get(overrideKey(persona, conversationId, entry.id)) ?? {};
    const article = document.createElement("article");
    article.className = `message ${entry.fromBot ? "bot" : "user"}`;
    article.dataset.activityId = entry.id;
    if (entry.replyToId) article.dataset.replyTo = entry.replyToId;
    article.dataset.from = entry.activity.from?.name ?? "";
    const meta = document.createElement("div");
    meta.className = "meta";
    const when = entry.activity.timestamp ? new Date(entry.activity.timestamp).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : "";
    meta.innerHTML = `<span class="sender"></span> <time></time>${entry.version > 0 ? ' <span class="edited">Edited</span>' : ""}`;
    meta.querySelector(".sender").textContent = entry.fromBot ? ChatOpsWire.BOT.name : (entry.activity.from?.name ?? "");
    meta.querySelector("time").textContent = when;
    article.append(meta);
    const text = displayText(entry.activity);
    if (text) {
      const body = document.createElement("div");
      body.className = "text";
      appendLinked(body, text);
      article.append(body);
    }
    const cards = override.card ? [override.card] : ChatOpsCards.cardsOf(entry.activity);
    for (const card of cards) {
      article.append(ChatOpsCards.render(card, {
        onExecute: (action) => execute(persona, conversationId, entry, action, "manual"),
        onSubmit: (data) => submit(persona, data),
      }));
    }
    for (const [cls, value] of [["notice", override.notice], ["notice error", override.error]]) {
      if (!value) continue;
      const note = document.createElement("div");
      note.className = cls;
      note.textContent = `Only you can see this · ${value}`;
      article.append(note);
    }
    if (!override.card && entry.fromBot) maybeRefresh(persona, conversationId, entry, cards);
    return article;
  }

  function render() {
    const conversationId = currentConversationId();
    const list = state.conversations.get(conversationId) ?? [];
    const container = $("messages");
    const atBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 40;
    const keep = new Set();
    for (const entry of list) {
      const override = state.overrides.get(overrideKey(state.persona, conversationId, entry.id));
      const key = `${entry.version}|${override?.stamp ?? 0}`;
      let node = state.nodes.get(entry.id);
      if (!node || node.key !== key) {
        const element = messageElement(entry, conversationId);
        if (node) node.element.replaceWith(element);
        node = { key, element };
        state.nodes.set(entry.id, node);
      }
      keep.add(entry.id);
      container.append(node.element);
    }
    for (const [id, node] of state.nodes) if (!keep.has(id)) { node.element.remove(); state.nodes.delete(id); }
    if (atBottom) container.scrollTop = container.scrollHeight;
    if (state.view === "chat") state.seen.set(state.persona.key, list.length);
    const unread = (state.conversations.get(ChatOpsWire.personalConversationId(state.persona))?.length ?? 0) - (state.seen.get(state.persona.key) ?? 0);
    $("chat-badge").hidden = unread <= 0;
    $("chat-badge").textContent = String(unread);
  }

  // ---- talking to the bot, as Teams would ----
  function setOverride(persona, conversationId, entry, change) {
    const key = overrideKey(persona, conversationId, entry.id);
    const previous = state.overrides.get(key) ?? {};
    state.overrides.set(key, { ...previous, ...change, stamp: (previous.stamp ?? 0) + 1 });
    render();
  }

  function applyInvokeResponse(persona, conversationId, entry, response) {
    if (response?.type === "application/vnd.microsoft.card.adaptive") setOverride(persona, conversationId, entry, { card: response.value, notice: null, error: null });
    else if (response?.type === "application/vnd.microsoft.activity.message") setOverride(persona, conversationId, entry, { notice: String(response.value), error: null });
    else if (response?.type === "application/vnd.microsoft.error") setOverride(persona, conversationId, entry, { error: response.value?.message ?? "The bot refused the action." });
  }

  function execute(persona, conversationId, entry, action, trigger) {
    return track(async () => {
      const response = await ChatOpsWire.toBot(ChatOpsWire.invoke(persona, viewOf(conversationId), entry.id, action, trigger));
      applyInvokeResponse(persona, conversationId, entry, response);
    });
  }

  function maybeRefresh(persona, conversationId, entry, cards) {
    const refresh = cards.map((card) => ChatOpsCards.refreshFor(card, persona)).find(Boolean);
    const key = `${overrideKey(persona, conversationId, entry.id)}|${entry.version}`;
    if (!refresh || state.refreshed.has(key)) return;
    state.refreshed.add(key);
    queueMicrotask(() => execute(persona, conversationId, entry, { type: "Action.Execute", id: refresh.id, title: refresh.title, verb: refresh.verb, data: refresh.data ?? {} }, "automatic"));
  }

  function send(persona, view, activity) {
    document.body.dataset.lastSent = activity.id;
    state.sent = true;
    return track(async () => {
      await ChatOpsWire.record(activity);
      await ChatOpsWire.toBot(activity);
    });
  }

  function submit(persona, data) {
    const activity = ChatOpsWire.message(persona, state.view, "");
    activity.text = "";
    activity.entities = [];
    activity.value = data;
    return track(() => ChatOpsWire.toBot(activity));
  }

  // ---- chrome: personas, navigation, composer ----
  function selectPersona(persona) {
    state.persona = persona;
    for (const button of document.querySelectorAll("#personas button")) button.setAttribute("aria-pressed", String(button.dataset.persona === persona.key));
    $("whoami").textContent = `You are ${persona.name} · ${persona.role}`;
    document.body.dataset.persona = persona.key;
    renderChannels();
    const channel = ChatOpsWire.channelOf(state.view);
    showView(channel && !canSee(persona, channel) ? CHANNEL.id : state.view);
  }

  function showView(view) {
    state.view = view;
    for (const nav of document.querySelectorAll(".nav")) nav.classList.toggle("selected", nav.dataset.view === view);
    const channel = ChatOpsWire.channelOf(view);
    $("conversation-title").textContent = channel ? `Security › # ${channel.name}` : `${state.persona.name.split(" ")[0]} · chat with PatchBot`;
    $("mention-chip").hidden = !channel;
    document.body.dataset.view = channel ? "channel" : "chat";
    document.body.dataset.conversation = currentConversationId();
    for (const node of state.nodes.values()) node.element.remove();
    state.nodes.clear();
    render();
    $("messages").scrollTop = $("messages").scrollHeight;
  }

  function buildChrome() {
    $("tenant-id").textContent = TENANT;
    $("channel-name").textContent = CHANNEL.name;
    $("nav-channel").dataset.view = CHANNEL.id;
    for (const persona of PERSONAS) {
      const button = document.createElement("button");
      button.dataset.persona = persona.key;
      button.innerHTML = '<span class="avatar"></span><span class="who"><span class="name"></span><span class="role"></span></span>';
      button.querySelector(".avatar").textContent = persona.name.split(" ").map((w) => w[0]).join("");
      button.querySelector(".name").textContent = persona.name;
      button.querySelector(".role").textContent = persona.role;
      button.addEventListener("click", () => selectPersona(persona));
      $("personas").append(button);
    }
    $("sidebar").addEventListener("click", (event) => {
      const nav = event.target.closest(".nav");
      if (nav) showView(nav.dataset.view);
    });
    $("composer").addEventListener("submit", (event) => {
      event.preventDefault();
      const text = $("message-box").value.trim();
      if (!text) return;
      $("message-box").value = "";
      send(state.persona, state.view, ChatOpsWire.message(state.persona, state.view, text));
    });
    $("message-box").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); $("composer").requestSubmit(); }
    });
  }

  async function start() {
    buildChrome();
    selectPersona(PERSONAS[0]);
    setBusy(0);
    const events = new EventSource("/console/events");
    events.onmessage = (message) => apply(JSON.parse(message.data));
    await track(async () => {
      await ChatOpsWire.toBot(ChatOpsWire.installation(PERSONAS[0], "channel"));
      for (const persona of PERSONAS) await ChatOpsWire.toBot(ChatOpsWire.installation(persona, "chat"));
    });
    $("message-box").disabled = false;
    $("send").disabled = false;
    document.body.dataset.ready = "true";
  }

  start();
})();
