/* crosscheck report: filters, sorting and expanding. The page is complete without this script. */
(function () {
  "use strict";

  function urlParams() {
    var out = {};
    var parts = [];
    if (location.search.length > 1) parts = parts.concat(location.search.slice(1).split("&"));
    if (location.hash.indexOf("=") > 0) parts = parts.concat(location.hash.slice(1).split("&"));
    parts.forEach(function (part) {
      var i = part.indexOf("=");
      if (i > 0) {
        out[decodeURIComponent(part.slice(0, i))] = decodeURIComponent(part.slice(i + 1).replace(/\+/g, " "));
      }
    });
    return out;
  }

  var forms = Array.prototype.slice.call(document.querySelectorAll("form.filters"));

  function writeHash() {
    var parts = [];
    forms.forEach(function (form) {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name && el.value) {
          parts.push(encodeURIComponent(form.dataset.prefix + el.name) + "=" + encodeURIComponent(el.value));
        }
      });
    });
    var url = location.pathname + location.search + (parts.length ? "#" + parts.join("&") : "");
    try { history.replaceState(null, "", url); } catch (e) { /* file:// in some browsers */ }
  }

  function applyFilters(form) {
    var table = document.getElementById(form.dataset.table);
    if (!table) return;
    var wanted = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.value) wanted[el.name] = el.value.toLowerCase();
    });
    var rows = table.tBodies[0].querySelectorAll("tr[data-search]");
    var shown = 0;
    Array.prototype.forEach.call(rows, function (row) {
      var ok = Object.keys(wanted).every(function (name) {
        if (name === "q") {
          return wanted.q.split(/\s+/).every(function (w) { return row.dataset.search.indexOf(w) >= 0; });
        }
        return (row.dataset[name] || "").toLowerCase() === wanted[name];
      });
      row.hidden = !ok;
      if (ok) shown += 1;
      var detail = row.nextElementSibling;
      if (detail && detail.classList.contains("evidence-row")) {
        detail.hidden = !ok || !row.classList.contains("open");
      }
    });
    var out = form.querySelector("output");
    if (out) out.textContent = "showing " + shown + " of " + rows.length;
  }

  function setOpen(row, open) {
    row.classList.toggle("open", open);
    var button = row.querySelector("button.toggle");
    if (button) button.setAttribute("aria-expanded", open ? "true" : "false");
    var detail = row.nextElementSibling;
    if (detail && detail.classList.contains("evidence-row")) detail.hidden = row.hidden || !open;
  }

  var flagRows = Array.prototype.slice.call(document.querySelectorAll("tr.flag"));
  flagRows.forEach(function (row) {
    setOpen(row, false);
    row.addEventListener("click", function (event) {
      if (event.target.closest("a")) return;
      setOpen(row, !row.classList.contains("open"));
    });
  });

  var params = urlParams();
  forms.forEach(function (form) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      var key = form.dataset.prefix + el.name;
      if (Object.prototype.hasOwnProperty.call(params, key)) el.value = params[key];
      el.addEventListener(el.tagName === "SELECT" ? "change" : "input", function () {
        applyFilters(form);
        writeHash();
      });
    });
    var expand = form.querySelector("button.expand-all");
    if (expand) {
      expand.addEventListener("click", function () {
        var anyClosed = flagRows.some(function (r) { return !r.hidden && !r.classList.contains("open"); });
        flagRows.forEach(function (r) { if (!r.hidden) setOpen(r, anyClosed); });
        expand.textContent = anyClosed ? "collapse all" : "expand all";
      });
    }
    applyFilters(form);
  });

  if (params.flag) {
    var target = document.getElementById("flag-" + params.flag);
    if (target) { setOpen(target, true); target.scrollIntoView({ block: "center" }); }
  }

  Array.prototype.forEach.call(document.querySelectorAll("th button.sort"), function (button) {
    button.addEventListener("click", function () {
      var th = button.parentElement;
      var table = th.closest("table");
      var col = Number(button.dataset.col);
      var asc = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.querySelectorAll("th"), function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      function key(row) {
        var cell = row.cells[col];
        return cell.dataset.sortValue || cell.textContent.trim().toLowerCase();
      }
      rows.sort(function (a, b) {
        var ka = key(a), kb = key(b);
        return (ka < kb ? -1 : ka > kb ? 1 : 0) * (asc ? 1 : -1);
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
