/* Cửa Số offline: one small script on every page, also imported by the service worker.
   - IndexedDB "cuaso": outbox (households, members and visits made on the phone, by client
     UUID, with the member's user id), progress (lesson progress made without signal),
     households (the member's assigned households, for picking offline), meta.
   - sync(): sends the member's outbox to the batch API; 200/201 leave the outbox, 410 (erased)
     drops the phone's copy, other 4xx (400/403/404/409) stay as "failed" with the reason, 503
     and failed requests stay pending, retried with backoff. A 401/403 for the whole request
     keeps everything and asks for a new login.
   - Pages: registers the worker, queues lesson progress made offline, downloads a course,
     lists what is available offline, guards logout while visits are unsynced. */
(function (g) {
  "use strict";
  var DOC = typeof document !== "undefined", STORES = ["outbox", "progress", "households", "meta"];
  var CFG = DOC ? JSON.parse((document.getElementById("cuaso-offline") || {}).textContent || "{}") : g.CONFIG || {};
  var T = CFG.t || {}, API = CFG.api || "/api/v1/", dbp, busy, timer, retryMs = 0;

  function open() {
    return new Promise(function (ok, no) {
      var r = indexedDB.open("cuaso", 1);
      r.onupgradeneeded = function () {
        STORES.forEach(function (s) { r.result.createObjectStore(s, { keyPath: "id" }); });
      };
      r.onsuccess = function () { ok(r.result); };
      r.onerror = function () { no(r.error); };
    });
  }
  function tx(store, mode, fn) {
    dbp = dbp || open();
    return dbp.then(function (db) {
      return new Promise(function (ok, no) {
        var t = db.transaction(store, mode), req = fn(t.objectStore(store));
        t.oncomplete = function () { ok(req && req.result); };
        t.onerror = t.onabort = function () { no(t.error); };
      });
    });
  }
  var idb = {
    all: function (s) { return tx(s, "readonly", function (o) { return o.getAll(); }); },
    get: function (s, id) { return tx(s, "readonly", function (o) { return o.get(id); }); },
    put: function (s, v) { return tx(s, "readwrite", function (o) { o.put(v); }); },
    del: function (s, id) { return tx(s, "readwrite", function (o) { o.delete(id); }); },
    clear: function (s) { return tx(s, "readwrite", function (o) { o.clear(); }); },
  };
  async function meta(key, value) {
    if (value === undefined) return ((await idb.get("meta", key)) || {}).value;
    return idb.put("meta", { id: key, value: value });
  }
  function cookieToken() {
    var m = DOC && document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }
  async function post(path, body) { // the CSRF token is read now, never kept from page load
    var token = cookieToken() || (await meta("csrf")) || "";
    return fetch(API + path, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json", "Content-Type": "application/json", "X-CSRFToken": token },
      body: JSON.stringify(body),
    });
  }
  function uuid() {
    if (g.crypto.randomUUID) return g.crypto.randomUUID();
    var b = g.crypto.getRandomValues(new Uint8Array(16)), h;
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    h = Array.from(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }

  /* The outbox */
  async function mine() {
    var user = await meta("user");
    return user ? (await idb.all("outbox")).filter(function (i) { return i.user === user; }) : [];
  }
  async function state() {
    var items = await mine(), s = { pending: 0, failed: 0, lastSync: await meta("lastSync"), login: !!(await meta("login")) };
    items.forEach(function (i) { if (i.kind === "visit") s[i.state === "failed" ? "failed" : "pending"]++; });
    s.all = items.length; // visits counted for people; households and members travel with them
    s.items = items;
    if (DOC) document.dispatchEvent(new CustomEvent("cuaso:sync", { detail: s }));
    return s;
  }
  async function queue(kind, payload, label) {
    await idb.put("outbox", { id: payload.client_uuid, kind: kind, user: await meta("user"), payload: payload,
      label: label || "", state: "pending", error: "", at: new Date().toISOString() });
    if (DOC && navigator.serviceWorker) {
      navigator.serviceWorker.ready.then(function (r) { return r.sync && r.sync.register("cuaso-outbox"); }).catch(function () {});
    }
  }
  function reason(res) {
    if (typeof res.detail === "string") return res.detail;
    var e = res.errors || {};
    return Object.keys(e).map(function (k) { return [].concat(e[k]).join(" "); }).join(" ") || String(res.status);
  }
  function later() {
    retryMs = Math.min(retryMs ? retryMs * 2 : 5000, 300000);
    clearTimeout(timer);
    timer = setTimeout(sync, retryMs);
  }
  async function run() {
    var items = (await mine()).filter(function (i) { return i.state !== "failed"; }), r, data;
    if (!items.length) return state();
    var batch = items.slice(0, 200), body = { households: [], members: [], visits: [] }, byId = {};
    batch.forEach(function (i) { body[i.kind + "s"].push(i.payload); });
    try { r = await post("sync/visits/", body); } catch (e) { later(); return state(); }
    if (r.status === 401 || r.status === 403) { await meta("login", "1"); return state(); }
    if (!r.ok) { later(); return state(); }
    await meta("login", "");
    data = await r.json();
    ["households", "members", "visits"].forEach(function (k) {
      (data[k] || []).forEach(function (x) { byId[x.uuid] = x; });
    });
    var settled = 0;
    for (var n = 0; n < batch.length; n++) {
      var i = batch[n], res = byId[i.id];
      if (!res || res.status >= 500) continue; // 503: out of time on the server, sent again later
      settled++;
      if (res.status === 200 || res.status === 201 || res.status === 410) {
        await idb.del("outbox", i.id);
        if (res.status === 410) await idb.del("households", i.payload.household || i.id);
      } else if (res.status >= 400 && res.status < 500) { // refused: the member fixes or discards it
        i.state = "failed";
        i.status = res.status;
        i.error = reason(res);
        i.errors = res.errors || null;
        await idb.put("outbox", i);
      }
    }
    await meta("lastSync", new Date().toISOString());
    if (settled < batch.length) { later(); return state(); }
    retryMs = 0;
    return items.length > batch.length ? run() : state();
  }
  function sync() { // one at a time, in order, and one across the tabs and the worker (Web Locks)
    busy = (busy || Promise.resolve()).catch(function () {}).then(function () {
      return g.navigator.locks ? g.navigator.locks.request("cuaso-sync", run) : run();
    });
    return busy;
  }

  /* Lesson progress made without signal, sent through the progress API (replays are harmless) */
  async function sendProgress() {
    var items = await idb.all("progress");
    for (var n = 0; n < items.length; n++) {
      var i = items[n], r;
      try {
        r = await post("progress/lessons/" + i.lesson + "/", { position: i.position, seconds: 0, event_id: i.id });
      } catch (e) { return; }
      if (r.ok || r.status === 400 || r.status === 404) await idb.del("progress", i.id);
      else return;
    }
  }

  g.Cuaso = { idb: idb, meta: meta, uuid: uuid, post: post, queue: queue, sync: sync, state: state, t: T };
  if (!DOC) return;

  /* Pages */
  var user = CFG.user || "";
  function $(sel) { return document.querySelector(sel); }
  function fmt(s) { var a = arguments, n = 1; return String(s).replace(/%s/g, function () { return a[n++]; }); }
  function note(el, text) {
    var p = el.querySelector(".offline-note") || el.appendChild(document.createElement("p"));
    p.className = "offline-note";
    p.setAttribute("role", "status");
    p.textContent = text;
    return p;
  }
  async function forget() { // on logout: all but an outbox still holding unsynced items
    await sendProgress().catch(function () {});
    await Promise.all(["households", "progress", "meta"].map(idb.clear));
    if ((await idb.all("outbox")).length === 0) await idb.clear("outbox");
    if (g.caches) await Promise.all(["cuaso-pages", "cuaso-images"].map(function (n) { return caches.delete(n); }));
  }

  function online() {
    document.documentElement.classList.toggle("is-offline", !navigator.onLine);
    var bar = $("[data-offline-banner]");
    if (!navigator.onLine && !bar && T.offline) {
      bar = document.createElement("p");
      bar.className = "offline-banner";
      bar.setAttribute("data-offline-banner", "");
      bar.setAttribute("role", "status");
      bar.textContent = T.offline;
      document.body.insertBefore(bar, document.body.firstChild);
    }
    if (bar) bar.hidden = navigator.onLine;
    if (navigator.onLine) { sendProgress(); if (user) sync(); }
  }

  (async function start() {
    if (navigator.serviceWorker && CFG.sw) {
      navigator.serviceWorker.register(CFG.sw).catch(function () {});
      navigator.serviceWorker.addEventListener("message", function (e) { if (user && (e.data || {}).type === "sync") sync(); });
    }
    try {
      if (user) {
        await meta("user", user);
        if (cookieToken()) await meta("csrf", cookieToken());
      }
    } catch (e) { return; } // no IndexedDB (private mode): pages still work online
    var lesson = $("[data-lesson-id]");
    if (lesson && !navigator.onLine) {
      await idb.put("progress", { id: uuid(), lesson: lesson.dataset.lessonId, position: 0 });
    }
    online();
    window.addEventListener("online", online);
    window.addEventListener("offline", online);
    if (user) state();
    offlineList();
    courseDownload();
  })();

  document.addEventListener("submit", async function (e) {
    var f = e.target;
    if (f.hasAttribute("data-complete-form") && !navigator.onLine) {
      e.preventDefault();
      await idb.put("progress", { id: uuid(), lesson: f.dataset.lessonId, position: 1 });
      note(f, T.savedOffline);
    } else if (f.hasAttribute("data-quiz-form") && !navigator.onLine) {
      e.preventDefault();
      note(f, T.quizOffline);
    } else if (f.hasAttribute("data-logout") && !f.dataset.checked) {
      e.preventDefault();
      var s = await state().catch(function () { return { all: 0 }; }), box;
      if (!s.all) {
        await forget().catch(function () {});
        f.dataset.checked = "1";
        return f.submit();
      }
      box = note(f, fmt(T.unsynced, s.all));
      [[T.syncNow, function () { sync().then(function () { delete f.dataset.checked; f.requestSubmit(); }); }],
        [T.logoutAnyway, function () { // the outbox stays (never dropped silently); the rest goes
          forget().catch(function () {}).then(function () { f.dataset.checked = "1"; f.submit(); });
        }]].forEach(function (b) {
        var button = box.appendChild(document.createElement("button"));
        button.type = "button";
        button.className = "button button--secondary button--block";
        button.textContent = b[0];
        button.addEventListener("click", b[1]);
      });
    }
  });

  /* The offline page: the lessons this phone holds */
  async function offlineList() {
    var list = $("[data-offline-list]");
    if (!list || !g.caches) return;
    var cache = await caches.open("cuaso-pages"), keys = await cache.keys(), rows = [];
    for (var n = 0; n < keys.length; n++) {
      var r = await cache.match(keys[n]);
      if (!r || r.headers.get("X-Offline-Cache") !== "lesson") continue;
      var title = new DOMParser().parseFromString(await r.text(), "text/html").title || keys[n].url;
      var a = document.createElement("a"), li = document.createElement("li");
      a.href = keys[n].url;
      a.className = "field-item__body";
      a.textContent = title.replace(/ · Cửa Số$/, "");
      li.className = "field-item";
      li.appendChild(a);
      rows.push(li);
    }
    list.textContent = "";
    rows.forEach(function (li) { list.appendChild(li); });
    if (!rows.length) list.appendChild(document.createElement("li")).textContent = T.noneOffline;
  }

  /* A course page: "Tải về để học khi không có mạng" */
  function courseDownload() {
    var box = $("[data-offline-download]");
    if (!box || !navigator.serviceWorker) return;
    var urls = JSON.parse(box.dataset.urls || "[]"), button = box.querySelector("button"), bar = box.querySelector("progress");
    box.hidden = false;
    button.addEventListener("click", async function () {
      button.disabled = true;
      bar.hidden = false;
      bar.max = urls.length;
      var reg = await navigator.serviceWorker.ready, channel = new MessageChannel();
      channel.port1.onmessage = function (e) {
        var d = e.data, end = d.done + d.failed === d.total;
        bar.value = d.done + d.failed;
        note(box, end ? (d.failed ? fmt(T.downloadFailed, d.failed) : fmt(T.downloaded, d.done)) : fmt(T.downloading, d.done + d.failed, d.total));
        if (end) button.disabled = false;
      };
      note(box, fmt(T.downloading, 0, urls.length));
      reg.active.postMessage({ type: "download", urls: urls }, [channel.port2]);
    });
  }
})(self);
