// Adaptive Cards through Microsoft's renderer (the adaptivecards npm package), with Teams' Action.Execute and
// refresh.userIds: a card is refreshed for a persona named in refresh.userIds (all personas when it names none).
"use strict";

const ChatOpsCards = (() => {
  const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  // The subset of markdown that Teams renders in TextBlocks: **bold**, _italic_, [links](url), "- " lists, line breaks.
  // A backslash before ASCII punctuation is a literal character (CommonMark), as the bot escapes user text.
  function markdown(text) {
    const inline = (line) => {
      const literals = [];
      const marked = line.replace(/\\([!-\/:-@\[-`{-~])/g, (_, c) => `\u0001${literals.push(c) - 1}\u0002`);
      return escapeHtml(marked)
        .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
        .replace(/(^|\W)_(.+?)_(?=\W|$)/g, "$1<em>$2</em>")
        .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>')
        .replace(/\u0001(\d+)\u0002/g, (_, i) => escapeHtml(literals[Number(i)]));
    };
    const out = [];
    let list = false;
    for (const line of text.split(/\r?\n/)) {
      const item = /^\s*[-*] (.*)$/.exec(line);
      if (item && !list) { out.push("<ul>"); list = true; }
      if (!item && list) { out.push("</ul>"); list = false; }
      out.push(item ? `<li>${inline(item[1])}</li>` : `${inline(line)}<br>`);
    }
    if (list) out.push("</ul>");
    return out.join("").replace(/(<br>)+$/, "");
  }

  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdown(text);
    result.didProcess = true;
  };

  const hostConfig = new AdaptiveCards.HostConfig({
    fontFamily: "'Segoe UI', system-ui, sans-serif",
    supportsInteractivity: true,
    actions: { actionsOrientation: "horizontal", actionAlignment: "left", buttonSpacing: 8, maxActions: 6, showCard: { actionMode: "inline" } },
  });

  // The Action.Execute payload Teams sends (verb, data merged with the card's inputs).
  const executePayload = (action) => ({ type: "Action.Execute", id: action.id, title: action.title, verb: action.verb, data: action.data ?? {} });

  // Renders one card; clicks on Action.Execute call onExecute(payload), Action.Submit calls onSubmit(data).
  function render(json, { onExecute, onSubmit }) {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = (action) => {
      if (action instanceof AdaptiveCards.ExecuteAction) onExecute(executePayload(action));
      else if (action instanceof AdaptiveCards.SubmitAction) onSubmit(action.data ?? {});
      else if (action instanceof AdaptiveCards.OpenUrlAction && /^https?:/i.test(action.url ?? "")) window.open(action.url, "_blank", "noopener");
    };
    const context = new AdaptiveCards.SerializationContext();
    card.parse(json, context);
    const element = card.render();
    element.classList.add("card");
    return element;
  }

  // The refresh action, when this persona should get the card refreshed for it.
  function refreshFor(json, persona) {
    const refresh = json?.refresh;
    if (!refresh || refresh.action?.type !== "Action.Execute") return null;
    const userIds = Array.isArray(refresh.userIds) ? refresh.userIds : [];
    return userIds.length === 0 || userIds.includes(persona.id) ? refresh.action : null;
  }

  const cardsOf = (activity) => (activity.attachments ?? [])
    .filter((a) => a.contentType === "application/vnd.microsoft.card.adaptive" && a.content)
    .map((a) => a.content);

  return { render, refreshFor, cardsOf, executePayload, escapeHtml };
})();
