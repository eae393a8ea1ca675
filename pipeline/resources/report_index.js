// vnie index page: the article table, drawn one page at a time from the JSON index in
// the page; sorting and filters (text, label, validity) cover every article.
// Every value shown is set with textContent, never parsed as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("vnie-index").textContent);
  var LABELS = data.labels;
  var table = document.getElementById("articles");
  var body = table.tBodies[0];
  var text = document.getElementById("filter-text");
  var label = document.getElementById("filter-label");
  var valid = document.getElementById("filter-valid");
  var shown = document.getElementById("shown-count");
  var info = document.getElementById("page-info");
  var size = document.getElementById("page-size");
  var collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });

  // One object per article; row: [doc, href, title, date, counts, valid, problems,
  // warnings, source_found, gold].
  var rows = data.rows.map(function (r) {
    var total = r[4].reduce(function (a, b) { return a + b; }, 0);
    return {
      doc: r[0], href: r[1], title: r[2], date: r[3], counts: r[4], total: total,
      valid: r[5], problems: r[6], warnings: r[7], source: r[8], gold: r[9],
      search: (r[0] + " " + r[2]).toLowerCase()
    };
  });
  var nLabels = LABELS.length;

  // The sort key of column `col` (the header's data-col), as drawn.
  function key(row, col) {
    if (col === 0) return row.doc;
    if (col === 1) return row.title;
    if (col === 2) return row.date;
    col -= 3;
    if (col < nLabels) return row.counts[col];
    col -= nLabels;
    if (col === 0) return row.total;
    if (col === 1) return row.valid;
    if (col === 2) return row.problems;
    if (col === 3) return row.warnings;
    return row.gold ? row.gold[col - 4] : -1;
  }

  var order = rows.slice();
  var filtered = order;
  var page = 0;

  function sortBy(th) {
    var col = parseInt(th.dataset.col, 10);
    var numeric = th.dataset.type === "num";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th[data-col]").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    order = rows.slice().sort(function (a, b) {
      var x = key(a, col);
      var y = key(b, col);
      var o = numeric ? x - y : collator.compare(String(x), String(y));
      if (o === 0) o = collator.compare(a.doc, b.doc);
      return ascending ? o : -o;
    });
    applyFilters();
  }

  function applyFilters() {
    var needle = text.value.trim().toLowerCase();
    var wanted = LABELS.indexOf(label.value);
    var validity = valid.value;
    filtered = order.filter(function (row) {
      return (!needle || row.search.indexOf(needle) !== -1)
        && (wanted < 0 || row.counts[wanted] > 0)
        && (!validity || (row.valid ? "yes" : "no") === validity);
    });
    page = 0;
    shown.textContent = String(filtered.length);
    draw();
  }

  function cell(tr, value, cls) {
    var td = document.createElement("td");
    if (cls) td.className = cls;
    td.textContent = String(value);
    tr.appendChild(td);
    return td;
  }

  function badge(td, cls, value) {
    var span = document.createElement("span");
    span.className = "badge " + cls;
    span.textContent = value;
    td.appendChild(span);
  }

  function drawRow(row) {
    var tr = document.createElement("tr");
    tr.dataset.doc = row.doc;
    tr.dataset.labels = LABELS.filter(function (lb, i) { return row.counts[i] > 0; }).join(" ");
    tr.dataset.valid = row.valid ? "yes" : "no";
    var first = document.createElement("td");
    var link = document.createElement("a");
    link.setAttribute("href", row.href);
    link.textContent = row.doc;
    first.appendChild(link);
    if (!row.source) {
      first.appendChild(document.createTextNode(" "));
      badge(first, "missing", "no source");
    }
    tr.appendChild(first);
    cell(tr, row.title);
    cell(tr, row.date);
    row.counts.forEach(function (n) { cell(tr, n, n ? "num" : "num zero"); });
    cell(tr, row.total, "num");
    badge(cell(tr, ""), row.valid ? "valid" : "invalid", row.valid ? "valid" : "invalid");
    cell(tr, row.problems, "num");
    cell(tr, row.warnings, "num");
    if (data.gold) {
      for (var i = 0; i < 3; i += 1) cell(tr, row.gold ? row.gold[i] : "—", "num");
    }
    return tr;
  }

  function pages() {
    return Math.max(1, Math.ceil(filtered.length / parseInt(size.value, 10)));
  }

  function draw() {
    var per = parseInt(size.value, 10);
    page = Math.min(Math.max(page, 0), pages() - 1);
    var part = filtered.slice(page * per, (page + 1) * per);
    var fragment = document.createDocumentFragment();
    part.forEach(function (row) { fragment.appendChild(drawRow(row)); });
    while (body.firstChild) body.removeChild(body.firstChild);
    body.appendChild(fragment);
    info.textContent = "page " + (page + 1) + " of " + pages();
    document.getElementById("page-first").disabled = page === 0;
    document.getElementById("page-prev").disabled = page === 0;
    document.getElementById("page-next").disabled = page >= pages() - 1;
    document.getElementById("page-last").disabled = page >= pages() - 1;
  }

  function go(to) { page = to; draw(); }

  table.querySelectorAll("th[data-col]").forEach(function (th) {
    th.tabIndex = 0;
    th.addEventListener("click", function () { sortBy(th); });
    th.addEventListener("keydown", function (event) {
      if (event.key === "Enter") sortBy(th);
    });
  });
  [text, label, valid].forEach(function (el) {
    el.addEventListener("input", function () { applyFilters(); });
    el.addEventListener("change", function () { applyFilters(); });
  });
  document.getElementById("page-first").addEventListener("click", function () { go(0); });
  document.getElementById("page-prev").addEventListener("click", function () { go(page - 1); });
  document.getElementById("page-next").addEventListener("click", function () { go(page + 1); });
  document.getElementById("page-last").addEventListener("click", function () { go(pages() - 1); });
  size.addEventListener("change", function () { go(0); });
  applyFilters();
})();
