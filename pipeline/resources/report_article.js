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

  var hash = window.location.hash.replace(/^#mention-/, "");
  if (ID.test(hash)) select(hash, true);
})();
