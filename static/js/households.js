/* Cửa Số households page: who looks after each household; leaders assign and erase.
   Households and team members only arrive as JSON and are written with textContent. */
(function () {
  "use strict";
  var root = document.querySelector("[data-households-page]");
  if (!root || !window.fetch) return;
  var T = root.dataset, API = T.api, REASONS = JSON.parse(T.reasons || "[]"), PAGE = 20;
  var names = {}, helpers = {}, list = root.querySelector("[data-households]");
  var status = root.querySelector("[data-status]"), more = root.querySelector("[data-more]");
  var village = root.querySelector("[data-village]"), offset = 0, serial = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  async function api(path, body) {
    var r = await fetch(API + path, {
      method: body ? "POST" : "GET",
      credentials: "same-origin",
      headers: { Accept: "application/json", "Content-Type": "application/json", "X-CSRFToken": csrf() },
      body: body ? JSON.stringify(body) : undefined,
    });
    var data = {};
    try { data = await r.json(); } catch (e) { /* not JSON */ }
    return { ok: r.ok, data: data };
  }
  function problem(r) {
    var d = r.data || {};
    if (typeof d.detail === "string") return d.detail;
    return Object.keys(d).map(function (k) { return [].concat(d[k]).join(" "); }).join(" ") || T.tFailed;
  }
  function say(note, r, done) {
    note.textContent = r.ok ? done : problem(r);
    note.classList.toggle("household__note--error", !r.ok);
  }
  function button(cls, text) {
    var b = el("button", "button " + cls, text);
    b.type = "button";
    return b;
  }

  function title(h) {
    if (h.consent_status === "erased") return T.tErased;
    return h.head_name || T.tDeclined;
  }
  function meta(h) {
    var who = h.assigned_to == null ? T.tUnassigned : T.tAssigned + " " + (names[h.assigned_to] || T.tFormer);
    var parts = [h.village.name, h.phone ? T.tPhone + " …" + h.phone.slice(-3) : "", who];
    return parts.filter(Boolean).join(" · ");
  }

  function row(h) {
    var li = el("li", "household"), name = el("span", "field-item__title", title(h));
    var info = el("span", "field-item__meta", meta(h)), note = el("p", "household__note");
    li.dataset.household = h.uuid;
    note.setAttribute("role", "status");
    li.appendChild(name);
    li.appendChild(info);
    var people = helpers[h.village.code];
    if (!people) return li; // read only: not a team this person manages
    var tools = el("div", "household__tools"), id = "assign-" + h.uuid;
    var label = el("label", "visit-form__label", T.tAssignTo), select = el("select", "field-input");
    label.htmlFor = select.id = id;
    select.dataset.assign = "";
    select.appendChild(el("option", "", T.tChooseMember)).value = "";
    people.forEach(function (p) { select.appendChild(el("option", "", p.name)).value = p.user_id; });
    select.value = h.assigned_to == null ? "" : String(h.assigned_to);
    if (select.selectedIndex < 0) select.value = "";
    var assign = button("button--primary", T.tAssign);
    assign.dataset.assignButton = "";
    assign.addEventListener("click", async function () {
      if (!select.value) { select.focus(); return; }
      assign.disabled = true;
      var r = await api("households/" + h.uuid + "/assign/", { member: Number(select.value) }).catch(function () { return { data: {} }; });
      assign.disabled = false;
      if (r.ok) { h.assigned_to = r.data.member; info.textContent = meta(h); }
      say(note, r, T.tAssignedOk);
    });
    var row2 = el("div", "household__assign");
    row2.appendChild(select);
    row2.appendChild(assign);
    tools.appendChild(label);
    tools.appendChild(row2);
    if (h.consent_status !== "erased") tools.appendChild(eraser(h, name, info, note));
    tools.appendChild(note);
    li.appendChild(tools);
    return li;
  }

  function eraser(h, name, info, note) {
    var box = el("div", "household__erase"), open = button("button--secondary button--block button--warn", T.tErase);
    var panel = el("div", "erase-panel"), heading = el("p", "erase-panel__title", T.tEraseTitle);
    open.dataset.eraseOpen = "";
    panel.hidden = true;
    heading.id = "erase-" + h.uuid;
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-labelledby", heading.id);
    panel.appendChild(heading);
    panel.appendChild(el("p", "erase-panel__warning", T.tEraseWarning));
    panel.appendChild(el("p", "visit-form__label", T.tEraseWhy));
    REASONS.forEach(function (reason, i) {
      var card = el("label", "check-card"), input = el("input");
      input.type = "radio";
      input.name = "reason-" + h.uuid;
      input.value = reason.value;
      input.checked = i === 0;
      card.appendChild(input);
      card.appendChild(el("span", "check-card__text", reason.label));
      panel.appendChild(card);
    });
    var confirm = button("button--danger button--block", T.tEraseConfirm), cancel = button("button--secondary button--block", T.tCancel);
    confirm.dataset.eraseConfirm = "";
    panel.appendChild(confirm);
    panel.appendChild(cancel);
    open.addEventListener("click", function () { panel.hidden = false; open.hidden = true; });
    cancel.addEventListener("click", function () { panel.hidden = true; open.hidden = false; open.focus(); });
    confirm.addEventListener("click", async function () {
      var reason = panel.querySelector("input:checked").value;
      confirm.disabled = true;
      var r = await api("households/" + h.uuid + "/erase/", { reason: reason }).catch(function () { return { data: {} }; });
      confirm.disabled = false;
      say(note, r, T.tErasedOk);
      if (!r.ok) return;
      h = r.data;
      name.textContent = title(h);
      info.textContent = meta(h);
      box.remove();
    });
    box.appendChild(open);
    box.appendChild(panel);
    return box;
  }

  async function load(reset) {
    var mine = reset ? ++serial : serial;
    if (reset) { offset = 0; list.textContent = ""; }
    more.hidden = true;
    status.hidden = false;
    var q = "households/?limit=" + PAGE + "&offset=" + offset + (village.value ? "&village=" + encodeURIComponent(village.value) : "");
    var r = await api(q).catch(function () { return { ok: false }; });
    if (mine !== serial) return; // another village was chosen meanwhile
    if (!r.ok) { status.textContent = T.tError; return; }
    var rows = r.data.results || [];
    rows.forEach(function (h) { list.appendChild(row(h)); });
    offset += rows.length;
    status.hidden = offset === 0 ? false : true;
    status.textContent = offset === 0 ? T.tNone : "";
    more.hidden = offset >= (r.data.count || 0);
  }

  (async function start() {
    var r = await api("teams/").catch(function () { return { ok: false }; });
    (r.ok ? r.data : []).forEach(function (team) {
      var active = team.members.filter(function (m) { return m.is_active; });
      team.members.forEach(function (m) { names[m.user_id] = m.name; });
      if (!team.can_manage) return;
      team.villages.forEach(function (v) {
        var people = helpers[v.code] = helpers[v.code] || [];
        active.forEach(function (m) {
          if (!people.some(function (p) { return p.user_id === m.user_id; })) people.push(m);
        });
      });
    });
    village.addEventListener("change", function () { load(true); });
    more.addEventListener("click", function () { load(false); });
    load(true);
  })();
})();
