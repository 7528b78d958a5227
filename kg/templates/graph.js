/* kg claim graph. Article text is only ever put into the page as text nodes (textContent,
   createTextNode); never through innerHTML or the vis tooltip. */
(function () {
  "use strict";
  // performance marks: tests/benchmarks/bench_html.py reports the time of each phase.
  performance.mark("kg-start");
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  performance.mark("kg-parsed");
  var RELATIONS = { conflict: 1, differs_scope: 1, differs_time: 1, agree: 1 };
  var CLAIMS = DATA.claims;
  var byId = {};
  var adj = {};
  var relsOf = {};
  DATA.nodes.forEach(function (n) { byId[n.id] = n; adj[n.id] = []; });
  DATA.edges.forEach(function (e) {
    adj[e.from].push(e);
    adj[e.to].push(e);
    if (RELATIONS[e.kind]) {
      (relsOf[e.from] = relsOf[e.from] || {})[e.kind] = 1;
      (relsOf[e.to] = relsOf[e.to] || {})[e.kind] = 1;
    }
  });

  var nodes = new vis.DataSet(DATA.nodes);
  // Each edge gets its kind's look; spring lengths only matter while physics runs, and every
  // option an edge carries costs vis time per edge on a large graph.
  var looks = {};
  Object.keys(DATA.edgeKinds).forEach(function (kind) {
    var look = Object.assign({}, DATA.edgeKinds[kind]);
    if (!DATA.physics) { delete look.length; }
    if (RELATIONS[kind]) { look.arrows = { to: { enabled: false } }; }
    looks[kind] = look;
  });
  var edges = new vis.DataSet(DATA.edges.map(function (e) { return Object.assign({}, looks[e.kind], e); }));
  performance.mark("kg-datasets");
  var large = !DATA.physics;
  var options = {
    groups: DATA.groups,
    nodes: { font: { face: "system-ui, sans-serif", size: 14, color: "#1b2a41" }, borderWidth: 1 },
    edges: { smooth: false, arrows: { to: { enabled: true, scaleFactor: 0.45 } }, selectionWidth: 2, hoverWidth: 0 },
    layout: { improvedLayout: false },
    physics: DATA.physics ? {
      solver: "barnesHut",
      barnesHut: { gravitationalConstant: -6000, springLength: 150, springConstant: 0.03, avoidOverlap: 0.5 },
      stabilization: { iterations: 250, updateInterval: 50, fit: false }
    } : { enabled: false },
    interaction: { hover: true, tooltipDelay: 80, multiselect: true,
                   hideEdgesOnDrag: large, hideEdgesOnZoom: large }
  };
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: [], edges: [] }, options);
  var panel = document.getElementById("kg-panel");
  var tip = document.getElementById("kg-tip");
  var status = document.getElementById("kg-status");
  window.kg = { network: network, nodes: nodes, edges: edges };

  /* ---- DOM helpers: text only ---- */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }
  function button(text, onclick, cls) {
    var b = el("button", cls || null, text);
    b.type = "button";
    b.addEventListener("click", onclick);
    return b;
  }
  function relBadge(rel) {
    var b = el("span", "kg-rel", rel.replace("_", " "));
    b.style.background = DATA.edgeKinds[rel].color;
    return b;
  }
  function safeUrl(url) { return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url); }
  function fmt(x) { return x === null || x === undefined ? "∞" : Number(x).toLocaleString("en"); }
  function interval(c) {
    var v = c.low === c.high ? fmt(c.low) : fmt(c.low) + " – " + fmt(c.high);
    return v + " " + (c.currency || c.unit) + " (" + c.qualifier.replace("_", " ") + ")";
  }

  /* ---- filters ---- */
  var f = { subject: "", speaker: "", outlet: "", relation: "", from: "", to: "", undated: true, focus: null };
  var hidden = {};
  function fill(id, options) {
    var select = document.getElementById(id);
    options.forEach(function (o) {
      var opt = el("option", null, o[1]);
      opt.value = o[0];
      select.appendChild(opt);
    });
  }
  fill("f-subject", DATA.filters.subject);
  fill("f-speaker", DATA.filters.speaker);
  fill("f-outlet", DATA.filters.outlet);
  var names = document.getElementById("kg-names");
  DATA.nodes.forEach(function (n) {
    if (!CLAIMS[n.id] && names.childNodes.length < 3000) {
      var opt = el("option");
      opt.value = n.name;
      names.appendChild(opt);
    }
  });

  function dateBounds(d) {
    // "2023", "2023-03" and "2023-03-13" as the first and last day they may mean.
    var lo = (d + "-01-01").slice(0, 10);
    var hi = d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d.slice(0, 10);
    return [lo, hi];
  }
  function claimShown(id) {
    var c = CLAIMS[id];
    if (f.focus && !f.focus[id]) { return false; }
    if (f.subject && c.su !== f.subject) { return false; }
    if (f.speaker && c.sp !== f.speaker) { return false; }
    if (f.outlet && c.ou !== f.outlet) { return false; }
    if (f.relation) {
      var rels = relsOf[id];
      if (f.relation === "none" ? rels : !(rels && rels[f.relation])) { return false; }
    }
    if (f.from || f.to) {
      if (!c.date) { return f.undated; }
      var b = dateBounds(c.date);
      if ((f.from && b[1] < f.from) || (f.to && b[0] > f.to)) { return false; }
    }
    return true;
  }
  function filtering() {
    return !!(f.focus || f.subject || f.speaker || f.outlet || f.relation || f.from || f.to);
  }
  function apply(fit) {
    var shown = {};
    var all = !filtering();
    DATA.nodes.forEach(function (n) { if (all || (CLAIMS[n.id] && claimShown(n.id))) { shown[n.id] = 1; } });
    if (!all) {
      // What a shown claim links to is shown; then what a shown article links to.
      DATA.edges.forEach(function (e) { if (!RELATIONS[e.kind] && CLAIMS[e.from] && shown[e.from]) { shown[e.to] = 1; } });
      DATA.edges.forEach(function (e) {
        if (!RELATIONS[e.kind] && byId[e.from].group === "document" && shown[e.from]) { shown[e.to] = 1; }
      });
    }
    var nodeUpdates = [];
    DATA.nodes.forEach(function (n) {
      var h = !shown[n.id];
      if (!!hidden[n.id] !== h) { hidden[n.id] = h; nodeUpdates.push({ id: n.id, hidden: h }); }
    });
    // vis does not draw an edge to a hidden node; only the relation filter hides edges itself
    // (updating fewer items keeps a 5,000-claim graph quick to filter).
    var edgeUpdates = [];
    DATA.edges.forEach(function (e) {
      if (!RELATIONS[e.kind]) { return; }
      var h = !!(f.relation && f.relation !== "none" && f.relation !== e.kind);
      if (!!hidden[e.id] !== h) { hidden[e.id] = h; edgeUpdates.push({ id: e.id, hidden: h }); }
    });
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    var count = 0;
    var total = 0;
    Object.keys(CLAIMS).forEach(function (id) { total += 1; if (shown[id]) { count += 1; } });
    status.textContent = all ? "" : "Showing " + count + " of " + total + " claims";
    if (fit) {
      var ids = Object.keys(shown);
      fitTo(ids.length && ids.length < DATA.nodes.length ? ids : undefined);
    }
  }
  function fitTo(ids) {
    network.fit(ids ? { nodes: ids, animation: false } : { animation: false });
    if (network.getScale() > 1.4) { network.moveTo({ scale: 1.4, animation: false }); }
  }
  function readFilters() {
    f.subject = document.getElementById("f-subject").value;
    f.speaker = document.getElementById("f-speaker").value;
    f.outlet = document.getElementById("f-outlet").value;
    f.relation = document.getElementById("f-relation").value;
    f.from = document.getElementById("f-from").value;
    f.to = document.getElementById("f-to").value;
    f.undated = document.getElementById("f-undated").checked;
    apply(true);
  }
  ["f-subject", "f-speaker", "f-outlet", "f-relation", "f-from", "f-to", "f-undated"].forEach(function (id) {
    document.getElementById(id).addEventListener("change", readFilters);
  });
  function reset() {
    ["f-subject", "f-speaker", "f-outlet", "f-relation", "f-from", "f-to"].forEach(function (id) {
      document.getElementById(id).value = "";
    });
    document.getElementById("f-undated").checked = true;
    f.focus = null;
    network.unselectAll();
    readFilters();
    overview();
  }
  document.getElementById("kg-reset").addEventListener("click", reset);
  document.getElementById("kg-conflicts").addEventListener("click", function () {
    document.getElementById("f-relation").value = "conflict";
    f.focus = null;
    readFilters();
    overview();
  });
  function focusClaims(ids) {
    f.focus = {};
    ids.forEach(function (id) { f.focus[id] = 1; });
    apply(true);
  }
  function focusCluster(index) {
    var cluster = DATA.clusters[index];
    focusClaims(cluster.claims);
    status.textContent = "Cluster: " + cluster.label + " (" + cluster.claims.length + " claims)";
  }

  /* ---- side panel ---- */
  function claimLink(id) {
    var c = CLAIMS[id];
    var who = [c.speaker, c.outlet, c.date].filter(Boolean).join(", ");
    return button(c.figure + (who ? " — " + who : ""), function () { select(id); }, "kg-link");
  }
  function nodeLink(id) { return button(byId[id].name, function () { select(id); }, "kg-link"); }
  function row(dl, name, value) {
    if (value === null || value === undefined || value === "") { return; }
    dl.appendChild(el("dt", null, name));
    var dd = el("dd");
    if (value instanceof Node) { dd.appendChild(value); } else { dd.textContent = String(value); }
    dl.appendChild(dd);
  }
  function showClaim(id) {
    var c = CLAIMS[id];
    clear(panel);
    panel.appendChild(el("div", "kg-kind", "claim"));
    panel.appendChild(el("h2", null, c.figure));
    panel.appendChild(el("div", "kg-muted", interval(c)));
    var quote = el("blockquote", "kg-quote");
    if (c.mark) {
      quote.appendChild(document.createTextNode(c.sentence.slice(0, c.mark[0])));
      quote.appendChild(el("mark", null, c.sentence.slice(c.mark[0], c.mark[1])));
      quote.appendChild(document.createTextNode(c.sentence.slice(c.mark[1])));
    } else {
      quote.textContent = c.sentence;
    }
    panel.appendChild(quote);
    var dl = el("dl");
    row(dl, "Speaker", c.sp ? nodeLink(c.sp) : "(the outlet itself)");
    row(dl, "Outlet", c.ou ? nodeLink(c.ou) : c.outlet);
    row(dl, "Agency", c.agency);
    row(dl, "Said on", c.saidOn || "unknown");
    row(dl, "Event on", c.eventOn);
    row(dl, "Published", c.published);
    row(dl, "Subject", c.subject);
    row(dl, "Measure", c.measure);
    row(dl, "Place", c.place);
    row(dl, "Article", nodeLink(c.dn));
    if (c.url) {
      var link = el("a", null, c.url);
      if (safeUrl(c.url)) {
        link.href = c.url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
      }
      row(dl, "URL", link);
    }
    panel.appendChild(dl);
    var comps = adj[id].filter(function (e) { return RELATIONS[e.kind]; });
    if (comps.length) {
      panel.appendChild(el("h3", null, "Compared with"));
      var ul = el("ul");
      comps.forEach(function (e) {
        var li = el("li");
        li.appendChild(relBadge(e.kind));
        li.appendChild(claimLink(e.from === id ? e.to : e.from));
        li.appendChild(el("span", "kg-reason", e.reason));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    var actions = el("div", "kg-actions");
    if (c.cluster !== undefined) {
      actions.appendChild(button("Focus this cluster", function () { focusCluster(c.cluster); }));
    } else {
      actions.appendChild(button("Focus this claim", function () { focusClaims([id]); }));
    }
    actions.appendChild(button("Show all", reset));
    panel.appendChild(actions);
  }
  function showNode(id) {
    var n = byId[id];
    clear(panel);
    panel.appendChild(el("div", "kg-kind", DATA.groups[n.group] ? n.group : "node"));
    panel.appendChild(el("h2", null, n.name));
    var doc = DATA.docs[id];
    if (doc) {
      var dl = el("dl");
      row(dl, "File", doc.doc);
      row(dl, "Published", doc.published);
      if (doc.url) {
        var link = el("a", null, doc.url);
        if (safeUrl(doc.url)) { link.href = doc.url; link.target = "_blank"; link.rel = "noopener noreferrer"; }
        row(dl, "URL", link);
      }
      panel.appendChild(dl);
    }
    var linked = adj[id].map(function (e) { return e.from === id ? e.to : e.from; });
    var claims = linked.filter(function (x) { return CLAIMS[x]; });
    var others = linked.filter(function (x) { return !CLAIMS[x]; });
    if (others.length) {
      panel.appendChild(el("h3", null, "Linked"));
      var ol = el("ul");
      others.slice(0, 100).forEach(function (x) { var li = el("li"); li.appendChild(nodeLink(x)); ol.appendChild(li); });
      panel.appendChild(ol);
    }
    if (claims.length) {
      panel.appendChild(el("h3", null, claims.length + " claims"));
      var ul = el("ul");
      claims.slice(0, 200).forEach(function (x) { var li = el("li"); li.appendChild(claimLink(x)); ul.appendChild(li); });
      panel.appendChild(ul);
      var actions = el("div", "kg-actions");
      actions.appendChild(button("Focus these claims", function () { focusClaims(claims); }));
      actions.appendChild(button("Show all", reset));
      panel.appendChild(actions);
    }
  }
  function overview() {
    clear(panel);
    var conflicting = DATA.clusters.filter(function (c) { return c.conflict > 0; });
    var differing = DATA.clusters.filter(function (c) { return !c.conflict && (c.differs_scope || c.differs_time); });
    panel.appendChild(el("h2", null, conflicting.length ? "Conflict clusters" : "No conflicts found"));
    panel.appendChild(el("p", "kg-muted", "Click a claim for its quote and sources; a cluster to focus on it."));
    function list(clusters) {
      var ul = el("ul");
      clusters.slice(0, 60).forEach(function (c) {
        var li = el("li");
        li.appendChild(button(c.label, function () { focusCluster(DATA.clusters.indexOf(c)); }, "kg-link"));
        var parts = [c.claims.length + " claims"];
        RELATIONS_ORDER.forEach(function (r) { if (c[r]) { parts.push(c[r] + " " + r.replace("_", " ")); } });
        li.appendChild(el("span", "kg-reason kg-muted", parts.join(" · ")));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    list(conflicting);
    if (differing.length) {
      panel.appendChild(el("h3", null, "Differing in scope or time"));
      list(differing);
    }
  }
  var RELATIONS_ORDER = ["conflict", "differs_scope", "differs_time", "agree"];
  function select(id) {
    if (!byId[id]) { return; }
    if (hidden[id]) { f.focus = null; reset(); }
    network.selectNodes([id]);
    if (CLAIMS[id]) { showClaim(id); } else { showNode(id); }
  }

  /* ---- search ---- */
  function search() {
    var q = document.getElementById("kg-search").value.trim().toLowerCase();
    if (!q) { return; }
    var exact = [];
    var hits = [];
    DATA.nodes.forEach(function (n) {
      var name = String(n.name).toLowerCase();
      if (name === q || String(n.label).toLowerCase() === q) { exact.push(n.id); } else if (name.indexOf(q) >= 0) { hits.push(n.id); }
    });
    hits = exact.length ? exact : hits;
    var shown = hits.filter(function (id) { return !hidden[id]; });
    if (!shown.length && hits.length) { reset(); shown = hits; }
    status.textContent = hits.length ? hits.length + (hits.length === 1 ? " match" : " matches") : "No match";
    network.selectNodes(shown);
    if (shown.length === 1) {
      network.focus(shown[0], { scale: 1.2, animation: false });
      select(shown[0]);
    } else if (shown.length) {
      fitTo(shown);
    }
  }
  document.getElementById("kg-search-go").addEventListener("click", search);
  document.getElementById("kg-search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); search(); }
  });

  /* ---- network events ---- */
  network.on("click", function (params) {
    if (params.nodes.length) { select(params.nodes[0]); return; }
    if (params.edges.length) {
      var e = edges.get(params.edges[0]);
      if (e && RELATIONS[e.kind]) { showClaim(e.from); return; }
    }
    if (!params.nodes.length && !params.edges.length) { overview(); }
  });
  function tipLines(id) {
    var c = CLAIMS[id];
    if (c) {
      return [c.figure + (c.speaker ? " — " + c.speaker : ""), [c.outlet, c.date].filter(Boolean).join(", ")];
    }
    return [byId[id].name, byId[id].group];
  }
  function showTip(lines, pointer) {
    tip.textContent = lines.filter(Boolean).join("\n");
    tip.style.left = (pointer.DOM.x + 14) + "px";
    tip.style.top = (pointer.DOM.y + 14) + "px";
    tip.hidden = false;
  }
  network.on("hoverNode", function (p) { showTip(tipLines(p.node), p.pointer); });
  network.on("hoverEdge", function (p) {
    var e = edges.get(p.edge);
    if (e && RELATIONS[e.kind]) { showTip([e.kind.replace("_", " "), e.reason], p.pointer); }
  });
  network.on("blurNode", function () { tip.hidden = true; });
  network.on("blurEdge", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });

  /* ---- start: lead with the conflict clusters ---- */
  function leadView() {
    // A small graph shows everything; a large one opens, readable, on its leading conflict
    // clusters (kg.layout puts them at the top left).
    overview();
    var lead = DATA.clusters.length && DATA.clusters[0].conflict ? DATA.clusters[0].claims : [];
    if (DATA.physics || !lead.length) { fitTo(); return; }
    var pos = network.getPositions(lead);
    var xs = lead.map(function (id) { return pos[id].x; });
    var ys = lead.map(function (id) { return pos[id].y; });
    var scale = 0.65;
    network.moveTo({
      position: { x: Math.min.apply(null, xs) - 90 + container.clientWidth / 2 / scale,
                  y: Math.min.apply(null, ys) - 60 + container.clientHeight / 2 / scale },
      scale: scale, animation: false
    });
  }
  function ready() {
    leadView();
    performance.mark("kg-leadview");
    network.once("afterDrawing", function () {
      performance.mark("kg-ready");
      window.__kgReady = true;
      document.body.setAttribute("data-ready", "1");
    });
    network.redraw();
  }
  if (DATA.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      ready();
    });
    network.setData({ nodes: nodes, edges: edges });
  } else {
    network.setData({ nodes: nodes, edges: edges });
    performance.mark("kg-setdata");
    ready();
  }
}());
