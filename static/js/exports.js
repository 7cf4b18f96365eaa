/* Cửa Số export page: while an export is being made, ask for its progress every few seconds
   and move its bar; reload the page (which then shows the download link) once it is finished.
   Without JavaScript the page reloads itself instead. An item may bring its own progress text
   (data-t-progress: a dashboard export counts tables). */
(function () {
  "use strict";
  var root = document.querySelector("[data-exports]");
  if (!root || !window.fetch) return;
  var API = root.dataset.api, ROWS = root.dataset.tRows || "{done} / {total}", EVERY_MS = 2000;

  function poll(item) {
    fetch(API + item.dataset.export + "/", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) return;
        if (data.status !== "pending" && data.status !== "running") {
          window.location.reload();
          return;
        }
        var status = item.querySelector("[data-export-status]");
        if (status && data.status === "running" && root.dataset.tRunning) status.textContent = root.dataset.tRunning;
        var bar = item.querySelector(".progress"), fill = item.querySelector(".progress__bar");
        var label = item.querySelector(".progress__label");
        if (bar && fill) {
          bar.setAttribute("aria-valuenow", String(data.percent));
          fill.style.width = data.percent + "%";
        }
        var text = (item.dataset.tProgress || ROWS).replace("{done}", data.rows_done).replace("{total}", data.rows_total);
        if (label) label.textContent = text;
        if (bar) bar.setAttribute("aria-label", text);
        window.setTimeout(function () { poll(item); }, EVERY_MS);
      })
      .catch(function () { window.setTimeout(function () { poll(item); }, EVERY_MS * 3); });
  }

  Array.prototype.forEach.call(root.querySelectorAll("[data-export]"), function (item) {
    var status = item.dataset.status;
    if (status === "pending" || status === "running") window.setTimeout(function () { poll(item); }, EVERY_MS);
  });
})();
