// vnie article page: click or press Enter on a mention to show its attributes.
// Every value shown is set with textContent, never parsed as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("vnie-data").textContent);
  var mentions = data.mentions;
  var ID = /^[mg][0-9]+$/;

  function marks(id) {
    return document.querySelectorAll(
      '[data-mid="' + id + '"], .t[data-m~="' + id + '"], #row-' + id
    );
  }

  function fill(id) {
    var m = mentions[id];
    var panel = document.getElementById("details");
    panel.dataset.mention = id;
    document.getElementById("details-title").textContent = m.label + " · " + m.text;
    var body = document.getElementById("details-rows");
    while (body.firstChild) body.removeChild(body.firstChild);
    m.rows.forEach(function (row) {
      var tr = document.createElement("tr");
      var key = document.createElement("td");
      var value = document.createElement("td");
      key.textContent = row[0];
      value.textContent = row[1];
      tr.dataset.key = row[0];
      tr.appendChild(key);
      tr.appendChild(value);
      body.appendChild(tr);
    });
  }

  function select(id, scroll) {
    if (!ID.test(id) || !mentions[id]) return;
    document.querySelectorAll(".sel").forEach(function (el) { el.classList.remove("sel"); });
    marks(id).forEach(function (el) { el.classList.add("sel"); });
    fill(id);
    var tag = document.getElementById("mention-" + id) || document.getElementById("row-" + id);
    if (scroll && tag) tag.scrollIntoView({ block: "center" });
    if (window.history && history.replaceState) history.replaceState(null, "", "#mention-" + id);
  }

  document.addEventListener("click", function (event) {
    var ref = event.target.closest("[data-ref]");
    if (ref) {
      event.preventDefault();
      select(ref.dataset.ref, true);
      return;
    }
    var mark = event.target.closest("[data-mid]");
    if (mark) {
      select(mark.dataset.mid, false);
      return;
    }
    var seg = event.target.closest(".seg");
    if (seg) select(seg.dataset.inner, false);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    var mark = event.target.closest("[data-mid]");
    if (!mark) return;
    event.preventDefault();
    select(mark.dataset.mid, false);
  });

  document.querySelectorAll("input[data-toggle-label]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.dataset.toggleLabel, !box.checked);
    });
  });

  // The table of every mention, when the page did not write it out: one row per
  // mention, in the page's order.
  var table = document.getElementById("mention-table");
  if (table && !table.tBodies[0].rows.length) {
    var fragment = document.createDocumentFragment();
    Object.keys(mentions).forEach(function (id) {
      var m = mentions[id];
      if (!ID.test(id)) return;
      var tr = document.createElement("tr");
      tr.id = "row-" + id;
      if (m.status === "spurious" || m.status === "missed") tr.className = m.status;
      function td(value, cls) {
        var cell = document.createElement("td");
        if (cls) cell.className = cls;
        if (value !== undefined) cell.textContent = String(value);
        tr.appendChild(cell);
        return cell;
      }
      var ref = document.createElement("a");
      ref.className = "ref c-" + m.label;
      ref.setAttribute("href", "#mention-" + id);
      ref.dataset.ref = id;
      ref.textContent = id;
      td().appendChild(ref);
      var swatch = document.createElement("span");
      swatch.className = "swatch c-" + m.label;
      var label = td();
      label.appendChild(swatch);
      label.appendChild(document.createTextNode(m.label));
      td(m.status);
      td(m.at[0], "num");
      td(m.at[1], "num");
      td(m.text);
      td(m.rows.slice(3).map(function (row) { return row[0] + ": " + row[1]; }).join("; "));
      fragment.appendChild(tr);
    });
    table.tBodies[0].appendChild(fragment);
  }

  // Tooltips come from the page's data (set as text, never parsed as HTML).
  function tooltip(id) {
    var m = mentions[id];
    return m ? m.rows.map(function (row) { return row[0] + ": " + row[1]; }).join("\n") : "";
  }
  document.querySelectorAll(".tag[data-mid]").forEach(function (el) {
    el.title = tooltip(el.dataset.mid);
  });
  document.querySelectorAll(".seg[data-inner]").forEach(function (el) {
    el.title = tooltip(el.dataset.inner);
  });

  var hash = window.location.hash.replace(/^#mention-/, "");
  if (ID.test(hash)) select(hash, true);
})();
