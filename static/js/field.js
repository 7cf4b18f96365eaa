/* Cửa Số field pages: "Hôm nay" and the visit form, filled from the JSON API.
   Personal data only arrives as JSON (searches by POST) and is written with textContent.
   Ids are made here (client UUIDs), so a resend after a lost answer is "already stored".
   A visit (with a household and people made on the spot) goes to the phone's outbox first
   (offline.js: IndexedDB) and is sent from there, so no signal loses nothing. Without signal the
   member's own households, kept in IndexedDB, are still there to pick. */
(function () {
  "use strict";
  var root = document.querySelector("[data-field-page]");
  if (!root || !window.fetch) return;
  var T = root.dataset, API = T.api, OUTCOMES = JSON.parse(T.outcomes || "{}"), C = window.Cuaso;

  function $(sel, el) { return (el || root).querySelector(sel); }
  function $$(sel, el) { return Array.prototype.slice.call((el || root).querySelectorAll(sel)); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function csrf() { // read at send time: the page may be older than the token
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
    try { data = await r.json(); } catch (e) { /* empty or not JSON */ }
    return { status: r.status, ok: r.ok, data: data };
  }
  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.from(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }
  function day(iso) {
    return new Date(iso.length === 10 ? iso + "T00:00" : iso).toLocaleDateString(document.documentElement.lang);
  }
  function item(title, meta, href, mod) {
    var li = el("li", "field-item" + (mod ? " field-item--" + mod : ""));
    var body = el(href ? "a" : "div", "field-item__body");
    if (href) body.href = href;
    body.appendChild(el("span", "field-item__title", title));
    if (meta) body.appendChild(el("span", "field-item__meta", meta));
    li.appendChild(body);
    return li;
  }
  function fill(list, items, empty) {
    list.textContent = "";
    if (!items.length) list.appendChild(el("li", "field-list__empty", empty));
    items.forEach(function (i) { list.appendChild(i); });
  }
  function when(iso) { // "14:05 29/11", as people write it here
    var d = new Date(iso), p = function (n) { return (n < 10 ? "0" : "") + n; };
    return p(d.getHours()) + ":" + p(d.getMinutes()) + " " + p(d.getDate()) + "/" + p(d.getMonth() + 1);
  }
  function fmt(s, n) { return String(s).replace("{n}", n); }
  function cap(k) { return k.charAt(0).toUpperCase() + k.slice(1); }
  function fold(t) {
    return (t || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  function minimal(h) { // what the phone keeps of a household: never the phone number or address
    return { id: h.uuid, uuid: h.uuid, head_name: h.head_name || "", village_name: villageOf(h),
      consent_status: h.consent_status || "", members: h.members || [] };
  }
  async function keepHouseholds(list) { // the member's own: assigned, due for a follow-up, made here
    if (!C) return;
    await C.idb.clear("households");
    for (var i = 0; i < list.length; i++) await C.idb.put("households", minimal(list[i]));
  }
  async function keptHouseholds() {
    if (!C) return [];
    var kept = await C.idb.all("households"), s = await C.state(), ids = {};
    kept.forEach(function (h) { ids[h.uuid] = 1; });
    s.items.forEach(function (i) { // made on this phone, not on the server yet
      if (i.kind === "household" && !ids[i.id]) kept.push({ uuid: i.id, head_name: i.payload.head_name, village_name: i.village_name || "", consent_status: i.payload.consent_status });
    });
    return kept;
  }
  function villageOf(h) { return h.village_name || (h.village && h.village.name) || ""; }
  function householdMeta(h) {
    return [villageOf(h), h.phone ? T.tPhone + " …" + h.phone.slice(-3) : ""].filter(Boolean).join(" · ");
  }

  /* "Hôm nay" */
  async function today() {
    var status = $("[data-field-status]"), visit = $("[data-field-log]").getAttribute("href");
    var r, d;
    try { r = await api("me/today/"); } catch (e) { r = { ok: false }; }
    if (r.ok) {
      d = r.data;
      status.hidden = true;
      if (C) { // kept for no signal: names only of the member's own households (assigned, due)
        var own = {};
        (d.households || []).concat((d.follow_ups || []).map(function (f) { return f.household; })).forEach(function (h) { own[h.uuid] = 1; });
        C.meta("today", Object.assign({}, d, { recent_visits: (d.recent_visits || []).map(function (v) {
          return own[v.household] ? v : Object.assign({}, v, { head_name: "" });
        }) })).catch(function () {});
        keepHouseholds((d.households || []).concat((d.follow_ups || []).map(function (f) { return f.household; }))).catch(function () {});
      }
    } else {
      d = C && r.status !== 401 && r.status !== 403 ? await C.meta("today").catch(function () {}) : null;
      status.textContent = d ? T.tSaved : T.tError;
      if (!d) return;
    }
    fill($('[data-field-list="follow_ups"]'), (d.follow_ups || []).map(function (f) {
      var late = f.state === "overdue", meta = [villageOf(f.household), (late ? T.tOverdue : T.tDue) + " " + day(f.due_on)];
      return item(f.household.head_name || "—", meta.join(" · "), visit + "#ho=" + f.household.uuid, late && "overdue");
    }), T.tNoneFollowUps);
    fill($('[data-field-list="households"]'), (d.households || []).map(function (h) {
      return item(h.head_name || "—", householdMeta(h), visit + "#ho=" + h.uuid);
    }), T.tNoneHouseholds);
    fill($('[data-field-list="recent_visits"]'), (d.recent_visits || []).map(function (v) {
      return item(v.head_name || "—", day(v.visited_at) + " · " + (OUTCOMES[v.outcome] || v.outcome));
    }), T.tNoneVisits);
  }

  /* Referral token, exactly as community_teams/referrals.py: SHA-256 of "cuaso-ref:" + the
     UUID's 16 bytes; the first 50 bits in ten 5-bit groups of Crockford's base32. */
  var ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
  async function referralToken(id) {
    var b = new Uint8Array(26), hex = id.replace(/-/g, ""), i, t = "";
    for (i = 0; i < 10; i++) b[i] = "cuaso-ref:".charCodeAt(i);
    for (i = 0; i < 16; i++) b[10 + i] = parseInt(hex.substr(2 * i, 2), 16);
    var d = new Uint8Array(await crypto.subtle.digest("SHA-256", b));
    var bits = Array.from(d.slice(0, 7), function (x) { return (x + 256).toString(2).slice(1); }).join("");
    for (i = 0; i < 50; i += 5) t += ALPHABET[parseInt(bits.substr(i, 5), 2)];
    return t;
  }

  /* The visit form */
  function visitForm() {
    var form = $("[data-visit-form]"), results = $("[data-household-results]"), picker = $("[data-household-picker]");
    var chosenBox = $("[data-chosen]"), newBox = $("[data-new-household]"), error = $("[data-form-error]");
    var household = null, members = [], assigned = [], visitId = uuid(), visitedAt = null;
    form.hidden = false;
    var now = new Date();
    $("[data-follow-up]").min = new Date(now - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);

    function showResults(list, hint) {
      results.textContent = "";
      $("[data-household-hint]").hidden = !hint;
      if (!list.length) results.appendChild(el("li", "field-list__empty", T.tNoResults));
      list.forEach(function (h) {
        var li = el("li"), b = el("button", "pick-list__button");
        b.type = "button";
        b.appendChild(el("span", "field-item__title", h.head_name || "—"));
        b.appendChild(el("span", "field-item__meta", householdMeta(h)));
        b.addEventListener("click", function () { choose(h); });
        li.appendChild(b);
        results.appendChild(li);
      });
    }
    async function choose(h) {
      household = h;
      members = [];
      chosenBox.hidden = false;
      picker.hidden = true;
      newBox.hidden = !h.isNew;
      $("[data-chosen-name]").textContent = h.isNew ? T.tNewHousehold : h.head_name || T.tDeclined;
      $("[data-chosen-meta]").textContent = h.isNew ? "" : householdMeta(h);
      $("[data-members-step]").hidden = false;
      $("[data-add-member-box]").hidden = h.consent_status === "declined";
      drawMembers();
      if (h.isNew) return;
      try {
        var r = await api("households/" + h.uuid + "/");
        if (household === h && r.ok) {
          members = (r.data.members || []).map(function (m) { return { uuid: m.uuid, label: m.label }; });
          drawMembers();
          if (C && await C.idb.get("households", h.uuid)) C.idb.put("households", minimal({ uuid: h.uuid, head_name: h.head_name, village_name: villageOf(h), consent_status: h.consent_status, members: members }));
        }
      } catch (e) { // no signal: the people this phone knows; more can be added
        if (household === h && h.members) {
          members = h.members.map(function (m) { return { uuid: m.uuid, label: m.label }; });
          drawMembers();
        }
      }
    }
    function defaultHelped() { // the first person present, unless the member chose someone
      var first = members.filter(function (m) { return m.present; })[0];
      $$("[data-help-member]").forEach(function (select) {
        if (!select.dataset.touched) select.value = first ? first.uuid : "";
      });
    }
    function drawMembers() {
      var box = $("[data-members]");
      box.textContent = "";
      members.forEach(function (m) {
        var label = el("label", "check-card"), input = el("input"), text = el("span", "check-card__text", m.label || "—");
        input.type = "checkbox";
        input.checked = !!m.present;
        input.addEventListener("change", function () { m.present = input.checked; defaultHelped(); });
        label.appendChild(input);
        label.appendChild(text);
        box.appendChild(label);
      });
      $$("[data-help-member]").forEach(function (select) {
        var value = select.value;
        select.textContent = "";
        select.appendChild(el("option", "", T.tNobody)).value = "";
        members.forEach(function (m) { select.appendChild(el("option", "", m.label || "—")).value = m.uuid; });
        select.value = value;
        if (select.selectedIndex < 0) select.value = "";
      });
      defaultHelped();
    }
    async function search() {
      var q = $("[data-household-q]").value.trim();
      if (!q) { showResults(assigned, true); return; }
      $("[data-household-hint]").hidden = true;
      results.textContent = "";
      results.appendChild(el("li", "field-list__empty", T.tSearching));
      try {
        var r = await api("households/search/", { q: q });
        showResults(r.ok ? r.data.results || [] : [], false);
      } catch (e) { // no signal: the households this phone keeps
        var words = fold(q).split(/\s+/);
        showResults((await keptHouseholds()).filter(function (h) {
          var name = fold(h.head_name);
          return words.every(function (w) { return name.indexOf(w) >= 0; });
        }), false);
      }
    }

    $("[data-household-search]").addEventListener("click", search);
    $("[data-household-q]").addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); search(); }
    });
    $("[data-change-household]").addEventListener("click", function () {
      household = null;
      chosenBox.hidden = true;
      newBox.hidden = true;
      picker.hidden = false;
      $("[data-members-step]").hidden = true;
    });
    $("[data-add-household]").addEventListener("click", function () { choose({ uuid: uuid(), isNew: true }); });
    $$("[data-consent]").forEach(function (r) {
      r.addEventListener("change", function () {
        $("[data-personal]").hidden = r.value !== "given";
        $("[data-add-member-box]").hidden = r.value !== "given"; // no labels without consent
      });
    });
    $("[data-add-member]").addEventListener("click", function () {
      var label = $("[data-member-label]");
      if (!label.value.trim()) { label.focus(); return; }
      members.push({ uuid: uuid(), label: label.value.trim(), age_group: $("[data-member-age]").value, isNew: true, present: true });
      label.value = "";
      drawMembers();
    });
    $$("[data-help-member]").forEach(function (select) {
      select.addEventListener("change", function () { select.dataset.touched = "1"; });
    });
    $$("[data-help-check]").forEach(function (box) {
      box.addEventListener("change", function () {
        box.closest("[data-help-item]").querySelector(".help-item__extra").hidden = !box.checked;
      });
    });

    function householdPayload() {
      var p = { client_uuid: household.uuid }, consent = $("[data-consent]:checked");
      $$("[data-nh]").forEach(function (i) { p[i.dataset.nh] = i.value.trim(); });
      p.people_count = p.people_count ? Number(p.people_count) : null;
      p.consent_status = consent ? consent.value : "";
      if (p.consent_status === "given") {
        p.consent_method = $('[name="consent_method"]:checked').value;
        p.consent_at = new Date().toISOString();
      } else {
        p.head_name = p.phone = p.address_note = p.consent_by = "";
      }
      return p;
    }
    function visitPayload() {
      visitedAt = visitedAt || new Date().toISOString();
      return {
        client_uuid: visitId,
        household: household.uuid,
        visited_at: visitedAt,
        duration_minutes: Number($("[data-duration]").value) || 15,
        outcome: $('[name="outcome"]:checked').value,
        notes: $("[data-notes]").value.trim(),
        follow_up_on: $("[data-follow-up]").value || null,
        members_present: members.filter(function (m) { return m.present; }).map(function (m) { return m.uuid; }),
        help: $$("[data-help-check]:checked").map(function (box) {
          var card = box.closest("[data-help-item]"), service = $("[data-help-service]", card);
          return {
            item: card.dataset.helpItem,
            member: $("[data-help-member]", card).value || null,
            service_name: service ? service.value.trim() : "",
          };
        }),
      };
    }
    function messageOf(r) {
      if (r.status === 401 || r.status === 403) return T.tLogin;
      var d = r.data || {}, parts = [];
      if (typeof d.detail === "string") return d.detail;
      Object.keys(d).forEach(function (k) {
        var v = d[k];
        if (k !== "status") parts.push(Array.isArray(v) ? v.join(" ") : typeof v === "string" ? v : JSON.stringify(v));
      });
      return parts.join(" ") || T.tError;
    }
    async function send(path, body) {
      var r = await api(path, body);
      if (r.status >= 400) throw r;
      return r;
    }

    async function direct() { // no IndexedDB on this browser: send now, one by one
      if (household.isNew) {
        await send("households/", householdPayload());
        household.isNew = false;
      }
      for (var i = 0; i < members.length; i++) {
        var m = members[i];
        if (!m.isNew) continue;
        await send("household-members/", { client_uuid: m.uuid, household: household.uuid, label: m.label, age_group: m.age_group });
        m.isNew = false;
      }
      return send("visits/", visitPayload());
    }
    async function queued() { // into the outbox, then one sync: what cannot go now stays on the phone
      var label = household.head_name || T.tDeclined;
      if (household.isNew) {
        var p = householdPayload(), village = $("[data-nh=village]");
        label = p.head_name || T.tDeclined;
        await C.queue("household", p, label);
        var kept = { uuid: household.uuid, head_name: p.head_name, village_name: village.options[village.selectedIndex].text.split(" · ")[0], consent_status: p.consent_status };
        await C.idb.put("households", minimal(kept));
        Object.assign(household, kept, { isNew: false });
      }
      for (var i = 0; i < members.length; i++) {
        var m = members[i];
        if (!m.isNew) continue;
        await C.queue("member", { client_uuid: m.uuid, household: household.uuid, label: m.label, age_group: m.age_group }, m.label);
        m.isNew = false;
      }
      await C.queue("visit", visitPayload(), label);
      var s = await C.sync(), mine = s.items.filter(function (i) { return i.id === visitId; })[0];
      return mine ? mine.state : "synced";
    }

    form.addEventListener("submit", async function (e) {
      e.preventDefault();
      error.textContent = "";
      if (!household) { error.textContent = T.tPickHousehold; return; }
      if (household.isNew && !$("[data-consent]:checked")) { error.textContent = T.tConsent; return; }
      var button = $("[data-save]"), state;
      button.disabled = true;
      try {
        if (C) state = await queued();
        else { await direct(); state = "synced"; }
      } catch (failure) {
        error.textContent = failure instanceof Error ? T.tOffline : messageOf(failure);
        button.disabled = false;
        return;
      }
      saved(state);
    });

    async function loadCourses() { // for the QR; kept on the phone for when there is no signal
      try {
        var r = await api("courses/?limit=100"), list = (r.data.results || r.data || []).map(function (c) {
          return { url: c.url, title: c.title, skills: (c.skills || []).map(function (k) { return { code: k.code }; }) };
        });
        if (C) C.meta("courses", list).catch(function () {});
        return list;
      } catch (e) { return (C && (await C.meta("courses").catch(function () {}))) || []; }
    }

    async function saved(state) {
      var box = $("[data-visit-saved]"), select = $("[data-qr-course]"), token, courses;
      form.hidden = true;
      box.hidden = false;
      $(".visit-saved__note", box).textContent = state === "synced" ? T.tSynced : state === "failed" ? T.tSavedFailed : T.tSavedPhone;
      box.classList.toggle("visit-saved--pending", state !== "synced");
      box.focus();
      token = await referralToken(visitId); // made on the phone: works without signal
      var skills = $$("[data-help-check]:checked").map(function (c) { return c.closest("[data-help-item]").dataset.skill; });
      function show() {
        var url = location.origin + select.value + "?nguon=" + encodeURIComponent(token);
        var svg = select.value && window.cuasoQR && window.cuasoQR.svg(url);
        $("[data-qr]").hidden = !svg;
        if (svg) {
          $("[data-qr-code]").innerHTML = svg; // markup made by qr.js from numbers only
          $("[data-qr-url]").textContent = url;
        }
      }
      select.addEventListener("change", show);
      courses = await loadCourses();
      courses.forEach(function (c) {
        var path = new URL(c.url, location.href).pathname, o = el("option", "", c.title);
        o.value = path;
        select.appendChild(o);
        var tagged = (c.skills || []).some(function (s) { return skills.indexOf(s.code) >= 0; });
        if (tagged && select.selectedIndex <= 0) select.value = path;
      });
      show();
    }

    (async function start() {
      try {
        var r = await api("me/today/");
        assigned = r.ok ? r.data.households || [] : [];
        (r.ok && r.data.follow_ups || []).forEach(function (f) {
          if (!assigned.some(function (h) { return h.uuid === f.household.uuid; })) assigned.push(f.household);
        });
        if (r.ok) keepHouseholds(assigned).catch(function () {});
      } catch (e) { assigned = await keptHouseholds().catch(function () { return []; }); }
      loadCourses();
      var wanted = (location.hash.match(/^#ho=([0-9a-f-]{36})$/) || [])[1];
      var found = assigned.filter(function (h) { return h.uuid === wanted; })[0];
      if (found) choose(found);
      else showResults(assigned, true);
    })();
  }

  /* The outbox: pending, failed and last sync always shown; failed items fixed or discarded */
  function syncBar() {
    var bar = $("[data-sync-status]");
    if (!bar || !C) return;
    var B = bar.dataset, list = $("[data-outbox]", bar);
    function entry(i) {
      var li = el("li", "outbox__item" + (i.state === "failed" ? " outbox__item--failed" : "")), inputs = {};
      li.appendChild(el("span", "field-item__title", (B["k" + cap(i.kind)] || i.kind) + ": " + (i.label || "—")));
      li.appendChild(el("span", "field-item__meta", [i.payload.visited_at ? day(i.payload.visited_at) : "", i.state === "failed" ? i.error : B.tWaiting].filter(Boolean).join(" · ")));
      if (i.state !== "failed") return li;
      Object.keys(i.errors || {}).forEach(function (k) {
        var v = i.payload[k];
        if (!(k in i.payload) || (v !== null && typeof v === "object")) return;
        var id = "fix-" + i.id + "-" + k, label = el("label", "visit-form__label", B["f" + cap(k)] || k), input = el("input", "field-input");
        label.htmlFor = input.id = id;
        input.type = /_on$/.test(k) ? "date" : typeof v === "number" ? "number" : "text";
        input.value = v == null ? "" : v;
        inputs[k] = input;
        li.appendChild(label);
        li.appendChild(input);
      });
      [[B.tResend, async function () {
        Object.keys(inputs).forEach(function (k) {
          var v = inputs[k].value.trim();
          i.payload[k] = inputs[k].type === "number" ? (v ? Number(v) : null) : v || (inputs[k].type === "date" ? null : "");
        });
        if (i.status === 409 && i.kind === "visit") { // the server holds another version: send this one as a new visit
          await C.idb.del("outbox", i.id);
          i.id = i.payload.client_uuid = uuid();
        }
        i.state = "pending";
        await C.idb.put("outbox", i);
        C.sync();
      }], [B.tDiscard, async function () {
        if (!window.confirm(B.tDiscardConfirm)) return;
        await C.idb.del("outbox", i.id);
        C.state();
      }]].forEach(function (b) {
        var button = el("button", "button button--secondary", b[0]);
        button.type = "button";
        button.addEventListener("click", b[1]);
        li.appendChild(button);
      });
      return li;
    }
    document.addEventListener("cuaso:sync", function (e) {
      var s = e.detail, parts = [fmt(B.tPending, s.pending)];
      if (s.failed) parts.push(fmt(B.tFailed, s.failed));
      parts.push(s.lastSync ? fmt(B.tLast, when(s.lastSync)) : B.tNever);
      $("[data-sync-text]", bar).textContent = parts.join(" · ");
      $("[data-sync-login]", bar).hidden = !s.login;
      if (list.contains(document.activeElement) && document.activeElement.tagName === "INPUT") return; // a fix being typed
      list.textContent = "";
      s.items.forEach(function (i) { if (i.kind === "visit" || i.state === "failed") list.appendChild(entry(i)); });
    });
    $("[data-sync-now]", bar).addEventListener("click", function () { C.sync(); });
    bar.hidden = false;
    C.state().catch(function () { bar.hidden = true; });
  }

  syncBar();
  if (T.fieldPage === "today") today();
  if (T.fieldPage === "visit") visitForm();
})();
