/* partnerbeeld site: search (with small typos) and the filters of an incident-type page.
   Plain JavaScript, no libraries, no requests: the index is zoekindex.js, loaded before
   this file with <script src> (a page opened from file:// may not fetch a file beside it).
   Results are built with textContent only: a name from the data is never parsed as HTML. */
(function () {
  "use strict";

  var bar = document.querySelector(".pb-balk");
  var root = bar ? bar.getAttribute("data-root") || "" : "";
  var index = window.PARTNERBEELD_INDEX || { t: [], p: [] };

  function norm(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, " ").trim();
  }

  /* Optimal string alignment distance (a swap of two letters counts once); gives up above max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) { return max + 1; }
    var rows = [], i, j;
    for (i = 0; i <= a.length; i++) { rows.push([i]); }
    for (j = 1; j <= b.length; j++) { rows[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      var best = max + 1;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d = Math.min(d, rows[i - 2][j - 2] + 1);
        }
        rows[i][j] = d;
        if (d < best) { best = d; }
      }
      if (best > max) { return max + 1; }
    }
    return rows[a.length][b.length];
  }

  function allowedTypos(query) {
    return query.length < 4 ? 0 : query.length < 8 ? 1 : 2;
  }

  /* Lower is better; -1 = no match. Exact, then start, then word start, then part, then typo. */
  function score(query, fields) {
    var best = -1, typos = allowedTypos(query);
    fields.forEach(function (field) {
      var s = -1;
      if (!field) { return; }
      if (field === query) { s = 0; }
      else if (field.indexOf(query) === 0) { s = 1; }
      else if ((" " + field).indexOf(" " + query) >= 0) { s = 2; }
      else if (field.indexOf(query) >= 0) { s = 3; }
      else if (typos) {
        var words = query.indexOf(" ") >= 0 ? [field] : field.split(" ");
        words.forEach(function (word) {
          var d = distance(query, word, typos);
          if (d > typos && word.length > query.length) {
            d = distance(query, word.slice(0, query.length), typos);  // a typo while still typing
            if (d <= typos) { d += 1; }
          }
          if (d <= typos && (s < 0 || 4 + d < s)) { s = 4 + d; }
        });
      }
      if (s >= 0 && (best < 0 || s < best)) { best = s; }
    });
    return best;
  }

  var prepared = null;
  function entries() {
    if (prepared) { return prepared; }
    prepared = [];
    index.t.forEach(function (t) {
      prepared.push({ kind: "Incidenttype", name: t[1], url: "incident/" + t[0] + ".html",
        extra: t[0] + (t[2].length ? " · ook: " + t[2].join(", ") : "") + " · " + t[3] + (t[3] === 1 ? " partner" : " partners"),
        fields: [norm(t[0]), norm(t[1])].concat(t[2].map(norm)), order: 0 });
    });
    index.p.forEach(function (p) {
      prepared.push({ kind: "Partner", name: p[1], url: "partner/" + p[0] + ".html", extra: p[2],
        fields: [norm(p[1]), norm(p[0]), norm(p[2])], order: 1 });
    });
    return prepared;
  }

  function search(text, limit) {
    var query = norm(text);
    if (!query) { return []; }
    var found = [];
    entries().forEach(function (entry) {
      var s = score(query, entry.fields);
      if (s >= 0) { found.push({ entry: entry, score: s }); }
    });
    found.sort(function (a, b) {
      return a.score - b.score || a.entry.order - b.entry.order || a.entry.name.localeCompare(b.entry.name, "nl");
    });
    return found.slice(0, limit);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function show(text) {
    var box = document.getElementById("pb-resultaten");
    if (!box) { return; }
    while (box.firstChild) { box.removeChild(box.firstChild); }
    if (!norm(text)) { return; }
    var found = search(text, 25);
    if (!found.length) {
      box.appendChild(element("p", "", "Niets gevonden voor ‘" + text + "’. Probeer een ander woord of een deel van de naam."));
      return;
    }
    box.appendChild(element("p", "pb-extra", found.length + (found.length === 1 ? " resultaat" : " resultaten") +
      (found.length === 25 ? " (de eerste 25)" : "")));
    var list = element("ol");
    found.forEach(function (hit) {
      var item = element("li");
      item.appendChild(element("span", "pb-soort", hit.entry.kind));
      var link = element("a", "", hit.entry.name);
      link.href = root + hit.entry.url;
      item.appendChild(link);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(element("span", "pb-extra", hit.entry.extra));
      list.appendChild(item);
    });
    box.appendChild(list);
  }

  /* Arrow keys move between the field and the results; Escape empties the field. */
  function onKey(event) {
    var links = Array.prototype.slice.call(document.querySelectorAll("#pb-resultaten a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && links.length) {
      links[Math.min(at + 1, links.length - 1)].focus();
      event.preventDefault();
    } else if (event.key === "ArrowUp" && at >= 0) {
      (at === 0 ? field : links[at - 1]).focus();
      event.preventDefault();
    } else if (event.key === "Escape" && field) {
      field.value = "";
      show("");
      field.focus();
    }
  }

  var field = document.getElementById("pb-zoekveld");
  if (field) {
    field.addEventListener("input", function () { show(field.value); });
    field.addEventListener("keydown", onKey);
    var box = document.getElementById("pb-resultaten");
    if (box) { box.addEventListener("keydown", onKey); }
    var asked = new URLSearchParams(window.location.search).get("q");
    if (asked) {
      field.value = asked;
      show(asked);
    }
  }

  /* --- the filters of an incident-type page ---------------------------------------------
     `zoek --team T` chooses a partner's headline among its roles with team T, so a team
     filter can change what a row shows and where it stands. Each row carries, per team,
     what zoek shows then (data-varianten, computed at build time from the library; "*" =
     no team filter): [place in zoek's order, GRIP, modes, teams, via, task, own deviation],
     or [place] alone when the role is the one shown without a filter.
     Its municipalities are in data-gemeenten (* = all). A GRIP filter keeps the rows whose
     variant starts at that GRIP or lower; nothing here decides a role or an order itself. */
  function fillRow(row, v) {
    row.cells[0].textContent = String(v[1]);
    var how = row.cells[2];
    while (how.firstChild) { how.removeChild(how.firstChild); }
    v[2].forEach(function (mode) {
      how.appendChild(element("span", "modus modus-" + mode, mode));
      how.appendChild(document.createTextNode(" "));
    });
    if (v[4]) { how.appendChild(element("span", "via", "via " + v[4])); }
    if (v[6]) {
      how.appendChild(document.createTextNode(" "));
      how.appendChild(element("span", "afwijking", "eigen afwijking"));
    }
    if (v[5]) { how.appendChild(element("span", "taak", v[5])); }
    row.cells[3].textContent = v[3].join(", ");
  }

  var filters = document.querySelector("form[data-filters]");
  var table = document.querySelector("table[data-partners]");
  if (filters && table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row) {
      return { row: row, variants: JSON.parse(row.getAttribute("data-varianten")),
        area: row.getAttribute("data-gemeenten") };
    });
    var count = document.querySelector("[data-telling]");
    var empty = document.querySelector("[data-leeg]");
    var shownTeam = "*";
    var apply = function () {
      var team = filters.elements.team.value || "*";
      var grip = filters.elements.grip.value === "" ? 99 : Number(filters.elements.grip.value);
      var place = filters.elements.gemeente.value;
      var visible = 0;
      rows.forEach(function (item) {
        var v = item.variants[team];
        if (v !== undefined && v.length === 1) { v = [v[0]].concat(item.variants["*"].slice(1)); }
        var ok = v !== undefined && v[1] <= grip &&
          (!place || item.area === "*" || item.area.split(" ").indexOf(place) >= 0);
        if (v !== undefined && team !== shownTeam) { fillRow(item.row, v); }
        item.row.hidden = !ok;
        if (ok) { visible += 1; }
      });
      if (team !== shownTeam) {
        // zoek's order for this team; the rows without a role in it keep their order, at the end
        var sorted = rows.slice().sort(function (a, b) {
          var pa = a.variants[team], pb = b.variants[team];
          return (pa ? pa[0] : rows.length + a.variants["*"][0]) - (pb ? pb[0] : rows.length + b.variants["*"][0]);
        });
        sorted.forEach(function (item) { body.appendChild(item.row); });
        shownTeam = team;
      }
      if (count) {
        count.textContent = visible === rows.length
          ? rows.length + (rows.length === 1 ? " partner" : " partners")
          : visible + " van " + rows.length + " partners";
      }
      if (empty) { empty.hidden = visible > 0; }
    };
    filters.addEventListener("change", apply);
    filters.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }
}());
