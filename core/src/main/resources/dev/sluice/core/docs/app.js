/* The docs site: a layered graph of the project, a details pane, search and column lineage.
   Reads window.SLUICE_DOCS (data.js) so that it works from a file URL with no server. */
(function () {
  "use strict";
  var data = window.SLUICE_DOCS || { project: "?", nodes: [] };
  var byId = {}, children = {}, readers = {};
  var W = 180, H = 36, GAPX = 70, GAPY = 22, PAD = 20;
  var svg = document.getElementById("graph");
  var NS = "http://www.w3.org/2000/svg";

  data.nodes.forEach(function (n) { byId[n.id] = n; children[n.id] = []; });
  data.nodes.forEach(function (n) {
    n.parents = n.parents.filter(function (p) { return byId[p]; });
    n.parents.forEach(function (p) { children[p].push(n.id); });
    (n.columns || []).forEach(function (c) {
      (c.sources || []).forEach(function (s) {
        var key = s[0] + "\u0000" + s[1].toLowerCase();
        (readers[key] = readers[key] || []).push([n.id, c.name, s[2]]);
      });
    });
  });

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch];
    });
  }
  function short(id) { var n = byId[id]; return n ? n.name : id.replace(/^relation:/, ""); }

  /* layers: a node sits one right of its deepest parent */
  var depth = {};
  function depthOf(id, seen) {
    if (depth[id] != null) return depth[id];
    if (seen[id]) return 0;
    seen[id] = true;
    var d = 0;
    byId[id].parents.forEach(function (p) { d = Math.max(d, depthOf(p, seen) + 1); });
    return (depth[id] = d);
  }
  var layers = [];
  data.nodes.forEach(function (n) {
    var d = depthOf(n.id, {});
    (layers[d] = layers[d] || []).push(n.id);
  });
  var pos = {};
  layers.forEach(function (ids, d) {
    ids.sort(function (a, b) { return avgParentRow(a) - avgParentRow(b) || short(a).localeCompare(short(b)); });
    ids.forEach(function (id, i) { pos[id] = { x: PAD + d * (W + GAPX), y: PAD + i * (H + GAPY), row: i }; });
  });
  function avgParentRow(id) {
    var ps = byId[id].parents.filter(function (p) { return pos[p]; });
    if (!ps.length) return 0;
    return ps.reduce(function (s, p) { return s + pos[p].row; }, 0) / ps.length;
  }

  var nodeEls = {}, edgeEls = [];
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(e);
    return e;
  }
  function draw() {
    var maxX = 0, maxY = 0;
    Object.keys(pos).forEach(function (id) { maxX = Math.max(maxX, pos[id].x + W); maxY = Math.max(maxY, pos[id].y + H); });
    svg.setAttribute("width", maxX + PAD + 120);
    svg.setAttribute("height", maxY + PAD + 160);
    var edges = el("g", { "class": "edges" }, svg);
    data.nodes.forEach(function (n) {
      n.parents.forEach(function (p) {
        var a = pos[p], b = pos[n.id];
        var x1 = a.x + W, y1 = a.y + H / 2, x2 = b.x, y2 = b.y + H / 2, mx = (x1 + x2) / 2;
        var path = el("path", { "class": "edge", d: "M" + x1 + "," + y1 + " C" + mx + "," + y1 + " " + mx + "," + y2 + " " + x2 + "," + y2 }, edges);
        edgeEls.push({ from: p, to: n.id, el: path });
      });
    });
    var group = el("g", { "class": "nodes" }, svg);
    data.nodes.forEach(function (n) {
      var g = el("g", { "class": "node " + n.kind, "data-id": n.id, transform: "translate(" + pos[n.id].x + "," + pos[n.id].y + ")" }, group);
      el("rect", { width: W, height: H }, g);
      var t = el("text", { x: 10, y: 15 }, g);
      t.textContent = n.name.length > 24 ? n.name.slice(0, 23) + "…" : n.name;
      var k = el("text", { x: 10, y: 29, "class": "meta", fill: "#6b7280", "font-size": "10" }, g);
      k.textContent = n.kind + (n.kind === "model" ? " · " + n.materialized : "");
      el("text", { x: 4, y: H + 13, "class": "cols" }, g);
      g.addEventListener("click", function () { select(n.id); });
      nodeEls[n.id] = g;
    });
  }

  function clearMarks() {
    Object.keys(nodeEls).forEach(function (id) {
      var g = nodeEls[id];
      g.classList.remove("selected", "match", "dim", "up", "down");
      g.querySelector(".cols").textContent = "";
    });
    edgeEls.forEach(function (e) { e.el.classList.remove("hot", "up", "down"); });
  }

  function status(r) { return r ? '<span class="status ' + esc(r.status) + '">' + esc(r.status) + "</span>" : ""; }

  function select(id) {
    var n = byId[id];
    if (!n) return;
    clearMarks();
    nodeEls[id].classList.add("selected");
    edgeEls.forEach(function (e) { if (e.from === id || e.to === id) e.el.classList.add("hot"); });
    var g = nodeEls[id], pane = document.getElementById("graph-pane");
    pane.scrollLeft = Math.max(0, pos[id].x - pane.clientWidth / 2); pane.scrollTop = Math.max(0, pos[id].y - pane.clientHeight / 3);
    var h = '<h2 id="node-name">' + esc(n.name) + '</h2><span class="kind">' + esc(n.kind) + "</span> " +
      '<span class="meta">' + esc(n.materialized) + " · " + esc(n.relation) + " · " + esc(n.file) + "</span>";
    if (n.last_run) h += '<p class="meta">Last run: ' + status(n.last_run) + " " + esc(n.last_run.at) +
      (n.last_run.rows != null ? " · " + n.last_run.rows + " rows" : "") + "</p>";
    h += n.description ? "<p>" + esc(n.description) + "</p>" : '<p class="hint">No description.</p>';
    if (n.columns.length) {
      h += "<h3>Columns</h3><table><tr><th>name</th><th>type</th><th>description</th><th>tests</th></tr>";
      n.columns.forEach(function (c) {
        h += '<tr><td><button class="col" data-col="' + esc(c.name) + '" title="Show lineage">' + esc(c.name) + "</button></td>" +
          '<td class="type">' + esc(c.type || "") + "</td><td>" + esc(c.description) + "</td><td>" +
          (c.tests || []).map(function (t) { return esc(t.name) + " " + status(t.last_run); }).join("<br>") + "</td></tr>";
      });
      h += "</table>";
    }
    if (n.tests && n.tests.length) {
      h += "<h3>Tests</h3><ul>" + n.tests.map(function (t) { return "<li>" + esc(t.name) + " " + status(t.last_run) + "</li>"; }).join("") + "</ul>";
    }
    (n.lineage_problems || []).forEach(function (p) { h += '<p class="lineage"><span class="unknown">' + esc(p) + "</span></p>"; });
    h += '<div id="column-lineage"></div>';
    if (n.sql) h += "<details><summary>SQL</summary><pre>" + esc(n.sql) + "</pre></details>";
    if (n.compiled) h += "<details><summary>Compiled SQL</summary><pre>" + esc(n.compiled) + "</pre></details>";
    var d = document.getElementById("details");
    d.innerHTML = h;
    d.querySelectorAll("button.col").forEach(function (b) {
      b.addEventListener("click", function () { showColumn(id, b.getAttribute("data-col")); });
    });
    if (location.hash.indexOf("#node=") !== 0 || decodeURIComponent(location.hash.slice(6)) !== id) {
      history.replaceState(null, "", "#node=" + encodeURIComponent(id));
    }
  }

  function columnOf(id, name) {
    var n = byId[id];
    if (!n) return null;
    for (var i = 0; i < n.columns.length; i++) if (n.columns[i].name.toLowerCase() === name.toLowerCase()) return n.columns[i];
    return null;
  }

  function upstream(id, col, seen) {
    var c = columnOf(id, col), key = id + "\u0000" + col.toLowerCase();
    if (!c || seen[key]) return [];
    seen[key] = true;
    return (c.sources || []).map(function (s) {
      var next = columnOf(s[0], s[1]);
      return { node: s[0], col: s[1], how: s[2], unknown: next && next.unknown, up: upstream(s[0], s[1], seen) };
    });
  }
  function downstream(id, col, seen) {
    var key = id + "\u0000" + col.toLowerCase();
    if (seen[key]) return [];
    seen[key] = true;
    return (readers[key] || []).map(function (r) { return { node: r[0], col: r[1], how: r[2], up: downstream(r[0], r[1], seen) }; });
  }
  function mark(tree, cls, labels) {
    tree.forEach(function (t) {
      if (nodeEls[t.node]) nodeEls[t.node].classList.add(cls);
      (labels[t.node] = labels[t.node] || {})[t.col] = true;
      mark(t.up, cls, labels);
    });
  }
  function list(tree, arrow) {
    if (!tree.length) return "";
    return "<ul>" + tree.map(function (t) {
      return "<li>" + arrow + " <b>" + esc(short(t.node)) + "." + esc(t.col) + '</b> <span class="how">(' + esc(t.how) + ")</span>" +
        (t.unknown ? ' <span class="unknown">unknown: ' + esc(t.unknown) + "</span>" : "") + list(t.up, arrow) + "</li>";
    }).join("") + "</ul>";
  }

  function showColumn(id, col) {
    if (!byId[id]) return;
    if (!document.getElementById("node-name") || location.hash.indexOf(encodeURIComponent(id)) < 0) select(id);
    clearMarks();
    nodeEls[id].classList.add("selected");
    var up = upstream(id, col, {}), down = downstream(id, col, {}), labels = {};
    mark(up, "up", labels);
    mark(down, "down", labels);
    (labels[id] = labels[id] || {})[col] = true;
    Object.keys(labels).forEach(function (n) {
      if (nodeEls[n]) nodeEls[n].querySelector(".cols").textContent = Object.keys(labels[n]).join(", ");
    });
    edgeEls.forEach(function (e) {
      if (labels[e.from] && labels[e.to]) {
        e.el.classList.add(nodeEls[e.to].classList.contains("down") ? "down" : "up");
      }
    });
    var c = columnOf(id, col);
    var h = '<h3 id="lineage-title">Lineage of ' + esc(short(id)) + "." + esc(col) + "</h3>";
    if (c && c.unknown) h += '<p class="unknown">unknown: ' + esc(c.unknown) + "</p>";
    h += '<div class="lineage"><b>Upstream</b>' + (up.length ? list(up, "←") : '<p class="hint">no upstream columns</p>') +
      "<b>Downstream</b>" + (down.length ? list(down, "→") : '<p class="hint">nothing reads it</p>') + "</div>";
    document.getElementById("column-lineage").innerHTML = h;
    history.replaceState(null, "", "#column=" + encodeURIComponent(id) + "|" + encodeURIComponent(col));
  }

  /* search over names, descriptions and column names */
  var input = document.getElementById("search"), results = document.getElementById("results");
  function search(q) {
    q = q.trim().toLowerCase();
    results.innerHTML = "";
    clearMarks();
    if (!q) return [];
    var hits = data.nodes.filter(function (n) {
      return n.name.toLowerCase().indexOf(q) >= 0 || (n.description || "").toLowerCase().indexOf(q) >= 0 ||
        n.columns.some(function (c) { return c.name.toLowerCase().indexOf(q) >= 0; });
    });
    data.nodes.forEach(function (n) { nodeEls[n.id].classList.add(hits.indexOf(n) >= 0 ? "match" : "dim"); });
    hits.slice(0, 30).forEach(function (n) {
      var li = document.createElement("li");
      li.setAttribute("data-id", n.id);
      li.innerHTML = esc(n.name) + "<small>" + esc(n.kind) + "</small>";
      li.addEventListener("mousedown", function (e) { e.preventDefault(); results.innerHTML = ""; select(n.id); });
      results.appendChild(li);
    });
    return hits;
  }
  input.addEventListener("input", function () { search(input.value); });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter") { var first = results.querySelector("li"); if (first) { results.innerHTML = ""; select(first.getAttribute("data-id")); } }
    if (e.key === "Escape") { input.value = ""; search(""); }
  });
  input.addEventListener("blur", function () { setTimeout(function () { results.innerHTML = ""; }, 150); });

  document.getElementById("title").textContent = data.project;
  document.title = data.project + " · docs";
  document.getElementById("generated").textContent = "generated " + data.generated_at;
  draw();

  /* deep links: #node=ID, #column=ID|COL, #search=TEXT */
  function fromHash() {
    var h = location.hash;
    if (h.indexOf("#node=") === 0) select(decodeURIComponent(h.slice(6)));
    else if (h.indexOf("#column=") === 0) {
      var parts = decodeURIComponent(h.slice(8)).split("|");
      select(parts[0]);
      showColumn(parts[0], parts[1] || "");
    } else if (h.indexOf("#search=") === 0) { input.value = decodeURIComponent(h.slice(8)); search(input.value); }
  }
  fromHash();
})();
