// vnie index page: sort the article table by any column, filter by text, label and validity.
(function () {
  "use strict";
  var table = document.getElementById("articles");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var text = document.getElementById("filter-text");
  var label = document.getElementById("filter-label");
  var valid = document.getElementById("filter-valid");
  var shown = document.getElementById("shown-count");
  var collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });

  function key(row, col) {
    var cell = row.cells[col];
    return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
  }

  function sortBy(th) {
    var col = th.cellIndex;
    var numeric = th.dataset.type === "num";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th[data-col]").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var sorted = rows.slice().sort(function (a, b) {
      var x = key(a, col);
      var y = key(b, col);
      var order = numeric ? parseFloat(x || "0") - parseFloat(y || "0") : collator.compare(x, y);
      if (order === 0) order = collator.compare(a.dataset.doc, b.dataset.doc);
      return ascending ? order : -order;
    });
    sorted.forEach(function (row) { body.appendChild(row); });
  }

  function applyFilters() {
    var needle = text.value.trim().toLowerCase();
    var wanted = label.value;
    var validity = valid.value;
    var count = 0;
    rows.forEach(function (row) {
      var ok = (!needle || row.dataset.search.indexOf(needle) !== -1)
        && (!wanted || row.dataset.labels.split(" ").indexOf(wanted) !== -1)
        && (!validity || row.dataset.valid === validity);
      row.hidden = !ok;
      if (ok) count += 1;
    });
    shown.textContent = String(count);
  }

  table.querySelectorAll("th[data-col]").forEach(function (th) {
    th.tabIndex = 0;
    th.addEventListener("click", function () { sortBy(th); });
    th.addEventListener("keydown", function (event) {
      if (event.key === "Enter") sortBy(th);
    });
  });
  [text, label, valid].forEach(function (el) {
    el.addEventListener("input", applyFilters);
    el.addEventListener("change", applyFilters);
  });
  applyFilters();
})();
