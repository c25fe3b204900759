/* lgkg viewer. All graph text (labels, aliases, quotes, document names) is data: it is read
 * from the JSON block with JSON.parse and only ever reaches the page through textContent /
 * createTextNode, or the vis-network canvas. Never innerHTML, never a vis "title" string. */
(function () {
  'use strict';

  function mark(name) { if (window.performance && performance.mark) performance.mark(name); }
  mark('lgkg-start');
  var DATA = JSON.parse(document.getElementById('lgkg-data').textContent);
  var VIS = DATA.vis;
  var NODES = VIS.nodes;
  var EDGES = VIS.edges;
  var INFO = DATA.info;
  var N = NODES.length;
  var E = EDGES.length;
  var GLYPH = {dot: '\u25CF', square: '\u25A0', triangle: '\u25B2', diamond: '\u25C6', star: '\u2605',
               hexagon: '\u2B22', triangleDown: '\u25BC', ellipse: '\u2B2C', box: '\u25AC'};
  var RELATION_SHOWN_MAX = 60;

  // ---- helpers ----------------------------------------------------------------------------
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(n) { return Number(n).toLocaleString('en-US'); }

  var classById = {}, relById = {};
  DATA.classes.forEach(function (c) { classById[c.id] = c; });
  DATA.relations.forEach(function (r) { relById[r.id] = r; });

  // ---- indexes ------------------------------------------------------------------------------
  var indexOf = new Map();
  NODES.forEach(function (n, i) { indexOf.set(n.id, i); });
  var edgeFrom = new Int32Array(E), edgeTo = new Int32Array(E);
  var incident = [];
  for (var i = 0; i < N; i++) incident.push([]);
  EDGES.forEach(function (e, k) {
    edgeFrom[k] = indexOf.get(e.from);
    edgeTo[k] = indexOf.get(e.to);
    incident[edgeFrom[k]].push(k);
    if (edgeTo[k] !== edgeFrom[k]) incident[edgeTo[k]].push(k);
  });
  var SKIP = /[\s\u3000\u300A\u300B\u3008\u3009\u201C\u201D\u2018\u2019"'\u300C\u300D\u300E\u300F]/g;
  function norm(s) { return String(s).normalize('NFKC').toLowerCase().replace(SKIP, ''); }
  var hayLabel = NODES.map(function (n) { return norm(n.label); });
  var hayAlias = INFO.map(function (x) { return (x.aliases || []).map(norm).join('\u0001'); });

  // ---- state ----------------------------------------------------------------------------------
  var startSet = DATA.start ? new Set(DATA.start) : null;
  var state = {
    all: !startSet,                         // large graphs start from a filtered view
    classes: new Set(DATA.classes.map(function (c) { return c.id; })),
    relations: new Set(DATA.relations.map(function (r) { return r.id; })),
    docs: new Set(DATA.sources.map(function (s, k) { return k; }).filter(function (k) { return DATA.sources[k].doc; })),
    revealed: new Set(),                    // asked for by search or panel: shown whatever the filters
    selected: -1
  };
  var posX = new Float64Array(N), posY = new Float64Array(N);
  NODES.forEach(function (n, i) { posX[i] = n.x; posY[i] = n.y; });
  var shownNode = new Uint8Array(N), shownEdge = new Uint8Array(E), everDrawn = new Uint8Array(N);
  var placedAround = new Uint32Array(N);
  var nShown = 0, eShown = 0;

  function nodeVisible(i) {
    if (state.revealed.has(i)) return true;
    if (!state.all && !startSet.has(i)) return false;
    if (!state.classes.has(NODES[i].group)) return false;
    var docs = INFO[i].docs || [];
    if (docs.length === 0) return true;
    for (var k = 0; k < docs.length; k++) if (state.docs.has(docs[k])) return true;
    return false;
  }
  function edgeVisible(k, want) {
    if (!want[edgeFrom[k]] || !want[edgeTo[k]]) return false;
    if (!state.relations.has(EDGES[k].rel)) return false;
    var ev = DATA.evidence[k];
    if (ev.length === 0) return true;
    for (var j = 0; j < ev.length; j++) {
      var src = ev[j][0];
      if (src < 0 || !DATA.sources[src].doc || state.docs.has(src)) return true;
    }
    return false;
  }

  // ---- the network ----------------------------------------------------------------------------
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();

  function nodeItem(i) {
    var n = Object.assign({}, NODES[i]);
    n.x = posX[i]; n.y = posY[i];
    return n;
  }
  function edgeItem(k) { return Object.assign({}, EDGES[k]); }

  function rememberPositions() {
    if (!window.network) return;
    var p = window.network.getPositions();
    Object.keys(p).forEach(function (id) {
      var i = indexOf.get(id);
      if (i !== undefined) { posX[i] = p[id].x; posY[i] = p[id].y; }
    });
  }

  // a node shown for the first time next to one already drawn sits beside it
  function placeNear(i) {
    var best = -1;
    incident[i].forEach(function (k) {
      var j = edgeFrom[k] === i ? edgeTo[k] : edgeFrom[k];
      if (shownNode[j] && (best < 0 || (NODES[j].value || 0) > (NODES[best].value || 0))) best = j;
    });
    if (best < 0) return;
    var m = ++placedAround[best], a = m * 2.399963, r = 42 * (1.5 + Math.sqrt(m));   // a sunflower around it
    posX[i] = posX[best] + r * Math.cos(a);
    posY[i] = posY[best] + r * Math.sin(a);
  }

  function applyView(fresh) {
    rememberPositions();
    var want = new Uint8Array(N);
    for (var i = 0; i < N; i++) want[i] = nodeVisible(i) ? 1 : 0;
    var addN = [], delN = [], addE = [], delE = [];
    for (i = 0; i < N; i++) {
      if (want[i] && !shownNode[i]) addN.push(i);
      else if (!want[i] && shownNode[i]) delN.push(NODES[i].id);
    }
    addN.forEach(function (i) { if (!fresh && !everDrawn[i]) placeNear(i); everDrawn[i] = 1; });
    var wantE = new Uint8Array(E);
    for (var k = 0; k < E; k++) {
      wantE[k] = edgeVisible(k, want) ? 1 : 0;
      if (wantE[k] && !shownEdge[k]) addE.push(edgeItem(k));
      else if (!wantE[k] && shownEdge[k]) delE.push(k);
    }
    if (delE.length) edges.remove(delE);
    if (delN.length) nodes.remove(delN);
    if (addN.length) nodes.add(addN.map(nodeItem));
    if (addE.length) edges.add(addE);
    shownNode = want; shownEdge = wantE;
    nShown = 0; eShown = 0;
    for (i = 0; i < N; i++) nShown += want[i];
    for (k = 0; k < E; k++) eShown += wantE[k];
    if (state.selected >= 0 && !shownNode[state.selected]) clearSelection();
    else if (state.selected >= 0) highlight(state.selected);
    updateStatus();
  }

  // ---- neighbourhood highlight ----------------------------------------------------------------
  // A veil over the drawing, then the selected entity, its neighbours and their relations drawn
  // again on top (with the relation names). Cost is the neighbourhood's size, not the graph's:
  // no DataSet update, so it stays instant with thousands of entities on screen.
  var veil = null;
  function highlight(i) {
    var near = new Set([NODES[i].id]), rels = [];
    incident[i].forEach(function (k) {
      if (!shownEdge[k]) return;
      rels.push(k);
      near.add(NODES[edgeFrom[k]].id);
      near.add(NODES[edgeTo[k]].id);
    });
    veil = {nodes: Array.from(near), edges: rels};
    if (window.network) window.network.redraw();
  }
  function unhighlight() {
    if (!veil) return;
    veil = null;
    if (window.network) window.network.redraw();
  }
  function drawVeil(ctx) {
    var net = window.network, body = net.body;
    if (!veil || !body || !body.nodes || !body.edges) return;
    var c = net.canvas.frame.canvas;
    var tl = net.DOMtoCanvas({x: 0, y: 0}), br = net.DOMtoCanvas({x: c.clientWidth, y: c.clientHeight});
    ctx.save();
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    ctx.fillRect(tl.x, tl.y, br.x - tl.x, br.y - tl.y);
    ctx.restore();
    veil.edges.forEach(function (k) {
      var e = body.edges[k];
      if (e && e.connected && typeof e.draw === 'function') { e.draw(ctx); if (e.drawArrows) e.drawArrows(ctx); }
    });
    var scale = net.getScale(), size = 11 / Math.min(scale, 1);
    if (size * scale >= 6 && veil.edges.length <= 400) drawRelationNames(ctx, body, scale, size);
    var labels = [];
    veil.nodes.forEach(function (id) {
      var n = body.nodes[id];
      if (!n || typeof n.draw !== 'function') return;
      var r = n.draw(ctx);
      if (r && r.drawExternalLabel) labels.push(r.drawExternalLabel);
    });
    labels.forEach(function (f) { f(); });
  }
  function drawRelationNames(ctx, body, scale, size) {   // at edge midpoints, under the nodes' labels
    ctx.save();
    ctx.font = size + 'px ' + VIS.options.edges.font.face;
    ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
    ctx.lineWidth = 3 / Math.min(scale, 1); ctx.strokeStyle = '#ffffff'; ctx.fillStyle = '#555555';
    var boxes = [];
    veil.edges.forEach(function (k) {
      var e = body.edges[k];
      if (!e || !e.from || !e.to) return;
      var dx = e.to.x - e.from.x, dy = e.to.y - e.from.y;
      if (Math.sqrt(dx * dx + dy * dy) * scale < 90) return;   // too short on screen for a name
      var x = e.from.x + dx / 2, y = e.from.y + dy / 2, t = relById[EDGES[k].rel].zh;
      var w = ctx.measureText(t).width / 2 + size / 2, h = size;
      for (var j = 0; j < boxes.length; j++) {                   // never on top of another name
        if (Math.abs(boxes[j][0] - x) < w + boxes[j][2] && Math.abs(boxes[j][1] - y) < h) return;
      }
      boxes.push([x, y, w]);
      ctx.strokeText(t, x, y); ctx.fillText(t, x, y);
    });
    ctx.restore();
  }

  // ---- selection and the side panel -------------------------------------------------------------
  var panel = $('panel'), body = $('panel-body');

  function selectNode(i, focus) {
    if (!shownNode[i]) {
      state.revealed.add(i);
      applyView(false);
    }
    state.selected = i;
    window.network.selectNodes([NODES[i].id]);
    highlight(i);
    showNode(i);
    if (focus) {
      var scale = Math.max(window.network.getScale(), 1.1);
      // centre it in the part of the canvas the side panel leaves free
      var offset = {x: panel.hidden ? 0 : -panel.offsetWidth / 2, y: 0};
      window.network.focus(NODES[i].id, {scale: scale, offset: offset,
                                         animation: {duration: 450, easingFunction: 'easeInOutQuad'}});
    }
  }
  function clearSelection() {
    state.selected = -1;
    if (window.network) window.network.unselectAll();
    unhighlight();
    panel.hidden = true;
    body.replaceChildren();
  }

  function swatch(cls) {
    var c = classById[cls] || {};
    var s = el('span', 'glyph', GLYPH[c.shape] || GLYPH.dot);
    s.style.color = c.colour || '#999';
    s.setAttribute('aria-hidden', 'true');
    return s;
  }
  function sourceName(src) { return src < 0 ? 'no source' : DATA.sources[src].label; }

  // the quote as text, with the two ends' names marked (<mark> elements holding text nodes)
  function quoteBlock(q, names) {
    var bq = el('blockquote', 'quote');
    var ranges = [];
    names.forEach(function (t) {
      if (!t || t.length < 2) return;
      var at = q.indexOf(t);
      while (at >= 0) { ranges.push([at, at + t.length]); at = q.indexOf(t, at + t.length); }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var pos = 0;
    ranges.forEach(function (r) {
      if (r[0] < pos) return;
      if (r[0] > pos) bq.appendChild(document.createTextNode(q.slice(pos, r[0])));
      bq.appendChild(el('mark', null, q.slice(r[0], r[1])));
      pos = r[1];
    });
    if (pos < q.length) bq.appendChild(document.createTextNode(q.slice(pos)));
    return bq;
  }
  function namesOf(i) {
    var out = [NODES[i].label].concat(INFO[i].aliases || []);
    return out.map(function (s) { return s.replace(/^[\u201C\u300A"]+|[\u201D\u300B"]+$/g, ''); });
  }
  function nodeLink(j) {
    var b = el('button', 'link', NODES[j].label);
    b.type = 'button';
    b.addEventListener('click', function () { selectNode(j, true); });
    return b;
  }

  function relationBlock(k, i) {
    var box = el('div', 'rel');
    box.dataset.edge = String(k);
    var head = el('div', 'rel-head');
    var rel = relById[EDGES[k].rel];
    var out = edgeFrom[k] === i;
    var other = out ? edgeTo[k] : edgeFrom[k];
    head.appendChild(el('span', 'rel-name', out ? rel.id + ' ' + rel.zh + ' \u2192' : '\u2190 ' + rel.id + ' ' + rel.zh));
    head.appendChild(swatch(NODES[other].group));
    head.appendChild(nodeLink(other));
    if (!shownNode[other]) head.appendChild(el('span', 'hidden-note', '(hidden)'));
    box.appendChild(head);
    var names = namesOf(i).concat(namesOf(other));
    DATA.evidence[k].forEach(function (ev) {
      box.appendChild(quoteBlock(DATA.quotes[ev[1]], names));
      box.appendChild(el('div', 'source', sourceName(ev[0])));
    });
    return box;
  }

  function showNode(i) {
    var n = NODES[i], x = INFO[i];
    body.replaceChildren();
    body.appendChild(el('h2', 'title', n.label));
    var kind = el('div', 'kind');
    kind.appendChild(swatch(n.group));
    var c = classById[n.group];
    kind.appendChild(el('span', null, n.group + ' ' + c.zh + (x.type && x.type !== n.group ? ' \u00B7 ' + x.type : '')));
    body.appendChild(kind);
    body.appendChild(el('div', 'iri', n.id));
    if (x.aliases && x.aliases.length) {
      body.appendChild(el('h3', null, 'Also called 别名'));
      var ul = el('ul');
      x.aliases.forEach(function (a) { ul.appendChild(el('li', null, a)); });
      body.appendChild(ul);
    }
    if (x.props && x.props.length) {
      body.appendChild(el('h3', null, 'Properties'));
      var pl = el('ul');
      x.props.forEach(function (p) { pl.appendChild(el('li', null, p[0] + ': ' + p[1])); });
      body.appendChild(pl);
    }
    if (x.figures && x.figures.length) {  // [year, measure, value, unit]: the reports' figures about it
      body.appendChild(el('h3', null, 'Figures 数据 (' + x.figures.length + ')'));
      var fl = el('ul', 'figures');
      x.figures.forEach(function (f) {
        fl.appendChild(el('li', null, (f[0] ? f[0] + ' ' : '') + f[1] + ': ' + f[2] + (f[3] ? ' ' + f[3] : '')));
      });
      body.appendChild(fl);
    }
    body.appendChild(el('h3', null, 'Documents 来源 (' + (x.docs || []).length + ')'));
    var dl = el('ul');
    (x.docs || []).forEach(function (d) { dl.appendChild(el('li', null, sourceName(d))); });
    body.appendChild(dl);

    var rels = incident[i].slice().sort(function (a, b) {
      var ra = EDGES[a].rel, rb = EDGES[b].rel;
      var oa = edgeFrom[a] === i ? 0 : 1, ob = edgeFrom[b] === i ? 0 : 1;
      if (oa !== ob) return oa - ob;
      if (ra !== rb) return ra < rb ? -1 : 1;
      var la = NODES[oa === 0 ? edgeTo[a] : edgeFrom[a]].label, lb = NODES[ob === 0 ? edgeTo[b] : edgeFrom[b]].label;
      return la < lb ? -1 : la > lb ? 1 : a - b;
    });
    body.appendChild(el('h3', null, 'Relations 关系 (' + rels.length + ')'));
    var hiddenNb = new Set();
    rels.forEach(function (k) { var j = edgeFrom[k] === i ? edgeTo[k] : edgeFrom[k]; if (!shownNode[j]) hiddenNb.add(j); });
    if (hiddenNb.size) {
      var more = el('button', null, 'Show ' + hiddenNb.size + ' hidden neighbour' + (hiddenNb.size > 1 ? 's' : ''));
      more.type = 'button';
      more.addEventListener('click', function () {
        hiddenNb.forEach(function (j) { state.revealed.add(j); });
        applyView(false);
        selectNode(i, false);
      });
      body.appendChild(more);
    }
    var list = el('div', 'rels');
    body.appendChild(list);
    var shown = 0;
    function render(upto) {
      for (; shown < Math.min(upto, rels.length); shown++) list.appendChild(relationBlock(rels[shown], i));
    }
    render(RELATION_SHOWN_MAX);
    if (rels.length > shown) {
      var rest = el('button', null, 'Show all ' + rels.length + ' relations');
      rest.type = 'button';
      rest.addEventListener('click', function () { render(rels.length); rest.remove(); });
      body.appendChild(rest);
    }
    panel.hidden = false;
    panel.scrollTop = 0;
  }

  function showEdge(k) {
    state.selected = -1;
    unhighlight();
    body.replaceChildren();
    var rel = relById[EDGES[k].rel];
    body.appendChild(el('h2', 'title', rel.id + ' ' + rel.zh));
    var p = el('p');
    p.appendChild(swatch(NODES[edgeFrom[k]].group));
    p.appendChild(nodeLink(edgeFrom[k]));
    p.appendChild(el('span', 'rel-name', ' \u2192 '));
    p.appendChild(swatch(NODES[edgeTo[k]].group));
    p.appendChild(nodeLink(edgeTo[k]));
    body.appendChild(p);
    body.appendChild(el('h3', null, 'Evidence 依据'));
    var names = namesOf(edgeFrom[k]).concat(namesOf(edgeTo[k]));
    DATA.evidence[k].forEach(function (ev) {
      body.appendChild(quoteBlock(DATA.quotes[ev[1]], names));
      body.appendChild(el('div', 'source', sourceName(ev[0])));
    });
    panel.hidden = false;
  }
  $('panel-close').addEventListener('click', clearSelection);

  // ---- search ----------------------------------------------------------------------------------
  var search = $('search'), results = $('results');
  var hits = [], active = 0, timer = 0;

  function find(q) {
    var nq = norm(q);
    if (!nq) return [];
    var found = [];
    for (var i = 0; i < N; i++) {
      var at = hayLabel[i].indexOf(nq), rank;
      if (at >= 0) rank = hayLabel[i] === nq ? 0 : at === 0 ? 1 : 2;
      else if (hayAlias[i].indexOf(nq) >= 0) rank = 3;
      else continue;
      found.push([rank, hayLabel[i].length, i]);
    }
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return found.slice(0, 50).map(function (f) { return f[2]; });
  }
  function renderResults() {
    results.replaceChildren();
    if (!search.value.trim()) return;
    if (!hits.length) { results.appendChild(el('li', 'none', 'No match')); return; }
    hits.forEach(function (i, r) {
      var li = el('li', r === active ? 'active' : null);
      var b = el('button');
      b.type = 'button';
      b.dataset.node = NODES[i].id;
      b.appendChild(swatch(NODES[i].group));
      b.appendChild(document.createTextNode(' ' + NODES[i].label));
      if (!shownNode[i]) b.appendChild(el('span', 'hint', 'hidden'));
      b.addEventListener('click', function () { choose(r); });
      li.appendChild(b);
      results.appendChild(li);
    });
  }
  function runSearch() {
    hits = find(search.value);
    active = 0;
    renderResults();
  }
  function choose(r) {
    if (!hits.length) return;
    active = Math.max(0, Math.min(r, hits.length - 1));
    renderResults();
    selectNode(hits[active], true);
  }
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(runSearch, N > 3000 ? 80 : 40);
  });
  search.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') { clearTimeout(timer); hits = find(search.value); choose(active); ev.preventDefault(); }
    else if (ev.key === 'ArrowDown') { active = Math.min(active + 1, hits.length - 1); renderResults(); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp') { active = Math.max(active - 1, 0); renderResults(); ev.preventDefault(); }
    else if (ev.key === 'Escape') { search.value = ''; hits = []; renderResults(); }
  });

  // ---- filters, legend, status ----------------------------------------------------------------
  function checkbox(container, key, set, value, checked, glyph, name, zh, count) {
    var label = el('label');
    var box = el('input');
    box.type = 'checkbox';
    box.checked = checked;
    box.dataset[key] = String(value);
    box.addEventListener('change', function () {
      if (box.checked) set.add(value); else set.delete(value);
      applyView(false);
    });
    label.appendChild(box);
    if (glyph) label.appendChild(glyph);
    var nm = label.appendChild(el('span', 'name', name));
    nm.title = name;
    if (zh) label.appendChild(el('span', 'muted', zh));
    label.appendChild(el('span', 'count', fmt(count)));
    container.appendChild(label);
    return box;
  }
  DATA.classes.forEach(function (c) {
    checkbox($('classes'), 'cls', state.classes, c.id, true, swatch(c.id), c.id, c.zh, c.count);
  });
  DATA.relations.forEach(function (r) {
    var line = el('span', 'line');
    line.style.borderColor = r.colour;
    line.setAttribute('aria-hidden', 'true');
    checkbox($('relations'), 'rel', state.relations, r.id, true, line, r.id, r.zh, r.count);
  });
  var docBoxes = [];
  DATA.sources.forEach(function (s, k) {
    if (s.doc) docBoxes.push(checkbox($('docs'), 'doc', state.docs, k, true, null, s.label, null, s.count));
  });
  function setAllDocs(on) {
    docBoxes.forEach(function (b) {
      b.checked = on;
      var k = Number(b.dataset.doc);
      if (on) state.docs.add(k); else state.docs.delete(k);
    });
    applyView(false);
  }
  $('docs-all').addEventListener('click', function () { setAllDocs(true); });
  $('docs-none').addEventListener('click', function () { setAllDocs(false); });

  var banner = $('banner');
  function updateStatus() {
    $('stats').textContent = 'Showing ' + fmt(nShown) + ' of ' + fmt(N) + ' entities \u00B7 ' +
      fmt(eShown) + ' of ' + fmt(E) + ' relations';
    if (startSet && !state.all) {
      banner.replaceChildren();
      var places = 0, allPlaces = (classById.Place || {}).count || 0;
      startSet.forEach(function (i) { if (NODES[i].group === 'Place') places++; });
      banner.appendChild(el('span', null,
        'Large graph: ' + fmt(N) + ' entities, ' + fmt(E) + ' relations. To stay responsive this view starts ' +
        'with the ' + fmt(startSet.size) + ' best connected (' + (places === allPlaces ? 'every place' :
        fmt(places) + ' of ' + fmt(allPlaces) + ' places') + '). Search finds every entity and brings it in.'));
      var b = el('button', null, 'Show all (slower)');
      b.type = 'button';
      b.id = 'show-all';
      b.addEventListener('click', function () { state.all = true; applyView(false); window.network.fit(); });
      banner.appendChild(b);
      banner.hidden = false;
    } else {
      banner.hidden = true;
    }
  }

  $('fit').addEventListener('click', function () { window.network.fit({animation: {duration: 300}}); });
  $('reset').addEventListener('click', function () {
    state.revealed.clear();
    state.all = !startSet;
    state.classes = new Set(DATA.classes.map(function (c) { return c.id; }));
    state.relations = new Set(DATA.relations.map(function (r) { return r.id; }));
    document.querySelectorAll('#classes input, #relations input').forEach(function (b) { b.checked = true; });
    search.value = ''; hits = []; renderResults();
    clearSelection();
    setAllDocs(true);
    window.network.fit();
  });

  // ---- start --------------------------------------------------------------------------------
  var loading = $('loading'), bar = $('bar'), progress = $('progress');
  applyView(true);
  var container = $('net');
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, VIS.options);
  window.network = network;
  mark('lgkg-network');

  function ready() {
    if (window.lgkgReady) return;
    loading.hidden = true;
    window.lgkgReady = true;
    document.documentElement.dataset.ready = 'true';
    mark('lgkg-ready');
  }
  var layingOut = true;
  network.on('stabilizationProgress', function (p) {
    var pct = Math.round(100 * p.iterations / p.total) + '%';
    progress.textContent = pct;
    bar.style.width = pct;
  });
  // entities with no relation at all: a tidy block beside the connected graph
  function parkLoners() {
    var P = network.getPositions(), loners = [], x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (var i = 0; i < N; i++) {
      if (!shownNode[i]) continue;
      if (incident[i].length === 0) { loners.push(i); continue; }
      var q = P[NODES[i].id];
      if (q.x < x0) x0 = q.x; if (q.x > x1) x1 = q.x; if (q.y < y0) y0 = q.y; if (q.y > y1) y1 = q.y;
    }
    if (!loners.length) return;
    if (x0 === Infinity) { x0 = x1 = y0 = y1 = 0; }
    var cellW = 190, cellH = 46;
    var rows = Math.max(8, Math.floor((y1 - y0) / cellH));
    var cols = Math.ceil(loners.length / rows);
    rows = Math.ceil(loners.length / cols);
    var top = (y0 + y1) / 2 - rows * cellH / 2;
    nodes.update(loners.map(function (i, k) {
      posX[i] = x1 + 160 + Math.floor(k / rows) * cellW;
      posY[i] = top + (k % rows) * cellH;
      return {id: NODES[i].id, x: posX[i], y: posY[i]};
    }));
  }
  network.on('stabilizationIterationsDone', function () {
    mark('lgkg-stabilized');
    network.setOptions({physics: {enabled: false}});   // stabilised: stop, nothing keeps moving
    parkLoners();
    network.fit();
    layingOut = false;
    network.once('afterDrawing', ready);
    network.redraw();
  });
  network.on('afterDrawing', drawVeil);
  network.on('click', function (p) {
    if (p.nodes.length) selectNode(indexOf.get(p.nodes[0]), false);
    else if (p.edges.length) showEdge(Number(p.edges[0]));
    else clearSelection();
  });
  $('relayout').addEventListener('click', function () {
    var moving = 0;
    for (var i = 0; i < N; i++) if (shownNode[i] && incident[i].length) moving++;
    if (layingOut || moving === 0) return;
    layingOut = true;
    loading.hidden = false;
    network.setOptions({physics: {enabled: true}});
    network.stabilize(VIS.options.physics.stabilization.iterations);
  });
  var movers = 0;
  for (var m = 0; m < N; m++) if (shownNode[m] && incident[m].length) movers++;
  if (movers === 0) {   // nothing for physics to do (no entity, or none with a relation)
    network.setOptions({physics: {enabled: false}});
    parkLoners();
    network.fit();
    layingOut = false;
    ready();
  }

  window.lgkg = {data: DATA, state: state, nodes: nodes, edges: edges, find: find, select: selectNode,
                 indexOf: function (iri) { return indexOf.get(iri); }, apply: applyView};
})();
