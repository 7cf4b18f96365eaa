/* Cửa Số service worker, served at /sw.js with self.CONFIG on its first line (lms/offline.py).
   Keeps only what the server marks (X-Offline-Cache: lesson | page), static files and lesson
   pictures; never the API, accounts or anything with household data. Caches are bounded; the
   oldest written entry goes first. Queued visits stay in IndexedDB, owned by the pages. */
"use strict";
importScripts(self.CONFIG.lib); // self.Cuaso: the same outbox code as the pages
var C = self.CONFIG, SHELL = "cuaso-shell-" + C.version, PAGES = "cuaso-pages", ASSETS = "cuaso-assets",
  IMAGES = "cuaso-images", LIMIT = { "cuaso-pages": 80, "cuaso-assets": 60, "cuaso-images": 300 },
  HEADER = "X-Offline-Cache", WAIT_MS = 4000;

self.addEventListener("install", function (e) {
  e.waitUntil(caches.open(SHELL).then(function (c) { return c.addAll(C.precache); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf("cuaso-shell-") === 0 && k !== SHELL; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function keyOf(url) { var u = new URL(url, self.location.href); return u.origin + u.pathname; }

async function keep(name, key, response) {
  var cache = await caches.open(name);
  await cache.delete(key);
  await cache.put(key, response);
  var keys = await cache.keys();
  for (var i = 0; i < keys.length - LIMIT[name]; i++) await cache.delete(keys[i]);
}

async function fromNetwork(request, key) {
  var r = await fetch(request);
  if (r.ok && r.headers.get(HEADER)) await keep(PAGES, key, r.clone());
  else if (r.status === 404 || r.status === 410) await (await caches.open(PAGES)).delete(key);
  return r;
}

async function page(e) {
  var key = keyOf(e.request.url), cached = await caches.match(key, { cacheName: PAGES });
  var network = fromNetwork(e.request, key);
  e.waitUntil(network.catch(function () {}));
  if (cached && cached.headers.get(HEADER) === "lesson") return cached; // stale while revalidating
  try {
    if (!cached) return await network;
    return await Promise.race([network, new Promise(function (_, no) { setTimeout(no, WAIT_MS); })]);
  } catch (err) {
    return cached || (await caches.match(C.offline)) || Response.error();
  }
}

async function cacheFirst(request, name) {
  var hit = await caches.match(request);
  if (hit) return hit;
  var r = await fetch(request);
  if (r.ok) await keep(name, request.url, r.clone());
  return r;
}

self.addEventListener("fetch", function (e) {
  var req = e.request, url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  if (req.mode === "navigate") return e.respondWith(page(e));
  if (url.pathname.indexOf(C.static) === 0) return e.respondWith(cacheFirst(req, ASSETS));
  if (url.pathname.indexOf(C.media + "images/") === 0) return e.respondWith(cacheFirst(req, IMAGES));
});

/* "Tải về để học khi không có mạng": the course page sends its lesson URLs; each page is fetched
   marked as a download (the server records no progress for it), kept, and its WebP pictures and
   video posters kept with it. Progress goes back through the message port. */
async function download(urls, port) {
  var done = 0, failed = 0;
  for (var i = 0; i < urls.length; i++) {
    try {
      var r = await fetch(urls[i], { credentials: "same-origin", headers: { "X-Offline-Prefetch": "1" } });
      if (!r.ok || !r.headers.get(HEADER)) throw new Error(r.status);
      await keep(PAGES, keyOf(urls[i]), r.clone());
      var html = await r.text(), seen = {}, m, re = /(?:srcset|src|poster)="([^"]+)"/g;
      while ((m = re.exec(html))) {
        m[1].split(",").forEach(function (part) {
          var src = part.trim().split(/\s+/)[0].replace(/&amp;/g, "&");
          if (src.indexOf(C.media + "images/") === 0 && (/\.webp$/.test(src) || m[0][0] === "p")) seen[src] = 1;
        });
      }
      for (var src in seen) await cacheFirst(new Request(src), IMAGES);
      done++;
    } catch (err) { failed++; }
    port.postMessage({ done: done, failed: failed, total: urls.length });
  }
}

self.addEventListener("message", function (e) {
  var d = e.data || {};
  if (d.type === "download" && e.ports[0]) e.waitUntil(download(d.urls || [], e.ports[0]));
  if (d.type === "forget") e.waitUntil(Promise.all([PAGES, IMAGES].map(function (n) { return caches.delete(n); })));
});

/* Background Sync, where the browser has it: with a page open, that page sends the outbox (it
   shows the result and holds the session); with none, the worker sends it. The pages also sync on
   their own (on opening, on reconnecting, on "Đồng bộ ngay"), so nothing depends on this. */
self.addEventListener("sync", function (e) {
  if (e.tag !== "cuaso-outbox") return;
  e.waitUntil(self.clients.matchAll({ type: "window" }).then(function (list) {
    if (!list.length) return self.Cuaso.sync();
    list[0].postMessage({ type: "sync" });
  }));
});
