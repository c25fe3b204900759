/* lgkg viewer. All graph text (labels, aliases, quotes, document titles, figures) is data: it is
 * read from the JSON blocks with JSON.parse and only ever reaches the page through textContent /
 * createTextNode, or the vis-network canvas. Never innerHTML, never a vis "title" string (the
 * hover tooltip is our own element, filled with text).
 *
 * The data comes in blocks (kg/export/viewer_chunks.py): the core, parsed at load, holds the
 * first view's entities; the search keys and chunks of entities (the others, every entity's
 * details and the evidence of no document) are parsed the first time they are needed, through
 * node(i), info(i), inc(i) and evidence(k). Each document's evidence and figures are a block of
 * their own (kg/export/viewer_blocks.py), naming entities by IRI: an entity's details list the
 * blocks naming it, and evidence(k) and figures(i) join those on demand. So opening the page
 * costs the first view, not the corpus. */
(function () {
  'use strict';

  function mark(name) { if (window.performance && performance.mark) performance.mark(name); }
  mark('lgkg-start');
  function block(id) { return JSON.parse(document.getElementById(id).textContent); }
  var DATA = block('lgkg-data');
  var VIS = {options: DATA.options};
  var GROUPS = DATA.groups || [];
  var N = DATA.n;
  var E = DATA.e;
  var G = GROUPS.length;
  var GLYPH = {dot: '\u25CF', square: '\u25A0', triangle: '\u25B2', diamond: '\u25C6', star: '\u2605',
               hexagon: '\u2B22', triangleDown: '\u25BC', ellipse: '\u2B2C', box: '\u25AC'};
  var SECTION_OPEN_MAX = 12;      // a relation section of the panel starts open up to this many

  // ---- helpers ----------------------------------------------------------------------------
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function button(text, id) {
    var b = el('button', null, text);
    b.type = 'button';
    if (id) b.id = id;
    return b;
  }
  function fmt(n) { return Number(n).toLocaleString('en-US'); }

  var classById = {}, relById = {};
  DATA.classes.forEach(function (c) { classById[c.id] = c; });
  DATA.relations.forEach(function (r) { relById[r.id] = r; });

  // ---- entities, read from the blocks on demand ------------------------------------------------
  var NODES = new Array(N), INFO = new Array(N), incident = new Array(N), DEG = new Int32Array(N);
  var EDGES = new Array(E), EVIDENCE = new Array(E), QUOTES = [], quoteAt = new Map();
  var ORPHAN_EV = new Array(E), FIGS = new Array(N);   // evidence of no document (chunks); joined figures
  var MEASURES = new Map(Object.entries(DATA.measures || {})), DOCS = new Map();
  var edgeFrom = new Int32Array(E).fill(-1), edgeTo = new Int32Array(E).fill(-1);
  var indexOf = new Map();                  // IRI → index, for the entities read so far
  var collapsed = new Uint8Array(N);
  var posX = new Float64Array(N), posY = new Float64Array(N);
  var CHUNKS = DATA.chunks, chunkRead = new Uint8Array(CHUNKS.length);
  var i;
  function install(j, rec) {                // an entity's light record: what drawing it needs
    if (NODES[j]) return;
    NODES[j] = rec.node;
    DEG[j] = rec.deg;
    collapsed[j] = rec.col ? 1 : 0;
    posX[j] = rec.node.x; posY[j] = rec.node.y;
    indexOf.set(rec.node.id, j);
    incident[j] = rec.edges.map(function (e) {
      var k = e[0];
      if (!EDGES[k]) { EDGES[k] = {rel: e[3]}; edgeFrom[k] = e[1]; edgeTo[k] = e[2]; }
      return k;
    });
  }
  function chunkOf(j) {                     // the last chunk starting at or before j
    var lo = 0, hi = CHUNKS.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (CHUNKS[mid][0] <= j) lo = mid; else hi = mid - 1; }
    return lo;
  }
  function readChunk(c) {
    if (chunkRead[c]) return;
    chunkRead[c] = 1;
    var blk = block('lgkg-chunk-' + c);
    blk.entities.forEach(function (x) {
      if (x.light) install(x.i, x.light);
      INFO[x.i] = x.info;
      x.ev.forEach(function (ke) {
        ORPHAN_EV[ke[0]] = ke[1].map(function (ev) { return [ev[0], blk.quotes[ev[1]]]; });
      });
    });
  }
  function quoteIndex(text) {               // one page-wide copy of each quote
    var q = quoteAt.get(text);
    if (q === undefined) { q = QUOTES.length; QUOTES.push(text); quoteAt.set(text, q); }
    return q;
  }
  // an IRI as blocks write it: without the graph's namespace when under it (one holding ':' is whole)
  function fullIri(w) { return w.indexOf(':') < 0 ? DATA.base + w : w; }
  // a document's block, parsed once: its quotes by (subject, relation, object), its figures by
  // entity (a block names entities and measures by IRI, relations by their place in the legend)
  function docBlock(b) {
    var d = DOCS.get(b);
    if (d) return d;
    var blk = block('lgkg-doc-' + b), ev = new Map(), figs = new Map(), iris = blk.i.map(fullIri);
    blk.e.forEach(function (r) {
      var key = iris[r[0]] + '\u0000' + DATA.relations[r[1]].id + '\u0000' + iris[r[2]], list = ev.get(key);
      if (!list) ev.set(key, list = []);
      list.push(blk.q[r[3]]);
    });
    blk.f.forEach(function (r) {
      var iri = iris[r[0]], list = figs.get(iri);
      if (!list) figs.set(iri, list = []);
      list.push([r[1] < 0 ? '' : MEASURES.get(fullIri(blk.m[r[1]])) || '', r[2], r[3], r[4], b]);
    });
    d = {ev: ev, figs: figs};
    DOCS.set(b, d);
    return d;
  }
  // strings in code point order, as the build sorts them (UTF-16 order differs past U+FFFF)
  function cmpText(a, b) {
    if (a === b) return 0;
    for (var j = 0, n = Math.min(a.length, b.length); j < n; j++) {
      var x = a.codePointAt(j), y = b.codePointAt(j);
      if (x !== y) return x - y;
      if (x > 0xFFFF) j++;
    }
    return a.length - b.length;
  }
  function cmpRow(a, b) {                   // figure rows: as the build's lists sort
    for (var j = 0; j < a.length; j++) {
      var c = typeof a[j] === 'number' ? a[j] - b[j] : cmpText(a[j], b[j]);
      if (c) return c;
    }
    return 0;
  }
  // relation k's evidence: its quotes of no document and those of the blocks naming both ends,
  // as [source, quote number] by source (none last), then quote
  function evidence(k) {
    if (EVIDENCE[k]) return EVIDENCE[k];
    var s = edgeFrom[k], o = edgeTo[k], xs = info(s), found = (ORPHAN_EV[k] || []).slice();
    var both = new Set(info(o).blk || []), key = node(s).id + '\u0000' + EDGES[k].rel + '\u0000' + node(o).id;
    (xs.blk || []).forEach(function (b) {
      if (!both.has(b)) return;
      var qs = docBlock(b).ev.get(key);
      if (qs) qs.forEach(function (q) { found.push([b, q]); });
    });
    found.sort(function (a, b) { return (a[0] < 0) - (b[0] < 0) || a[0] - b[0] || cmpText(a[1], b[1]); });
    EVIDENCE[k] = found.map(function (x) { return [x[0], quoteIndex(x[1])]; });
    return EVIDENCE[k];
  }
  // entity i's figures: its own (of no document) and those of the blocks naming it, sorted
  function figures(i) {
    if (FIGS[i]) return FIGS[i];
    var x = info(i), iri = node(i).id, out = (x.figs || []).slice();
    (x.blk || []).forEach(function (b) {
      var rows = docBlock(b).figs.get(iri);
      if (rows) out = out.concat(rows);
    });
    FIGS[i] = out.sort(cmpRow);
    return FIGS[i];
  }
  function node(j) { if (!NODES[j]) readChunk(chunkOf(j)); return NODES[j]; }
  function info(j) { if (!INFO[j]) readChunk(chunkOf(j)); return INFO[j]; }
  function inc(j) { node(j); return incident[j]; }
  // an IRI's entity: chunks hold consecutive IRIs in sorted order, so one chunk to read
  function lookup(iri) {
    var j = indexOf.get(iri);
    if (j !== undefined || typeof iri !== 'string' || !CHUNKS.length) return j;
    var lo = 0, hi = CHUNKS.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (CHUNKS[mid][1] <= iri) lo = mid; else hi = mid - 1; }
    readChunk(lo);
    j = indexOf.get(iri);
    if (/[\uD800-\uDFFF]/.test(iri)) {   // astral characters: UTF-16 order may differ from the build's
      for (var c = 0; j === undefined && c < CHUNKS.length; c++) { readChunk(c); j = indexOf.get(iri); }
    }
    return j;
  }
  DATA.entities.forEach(function (x) { install(x[0], x[1]); });

  // groups: a hub's neighbours by relation and class, and the entities with no relation
  var edgeGroups = [], memberGroups = [], hubGroups = [];
  for (i = 0; i < E; i++) edgeGroups.push(null);
  for (i = 0; i < N; i++) { memberGroups.push([]); hubGroups.push([]); }
  GROUPS.forEach(function (grp, g) {
    grp.edges.forEach(function (k) { (edgeGroups[k] = edgeGroups[k] || []).push(g); });
    grp.members.forEach(function (j) { memberGroups[j].push(g); });
    if (grp.hub >= 0) hubGroups[grp.hub].push(g);
  });
  function groupId(g) { return 'group:' + g; }
  function groupEdgeId(g) { return 'group-edge:' + g; }
  function groupLinkId(g, j) { return 'group-link:' + g + ':' + j; }
  function groupOf(id) { return typeof id === 'string' && id.indexOf('group:') === 0 ? Number(id.slice(6)) : -1; }
  // the group a group edge or member link stands for (-1: a relation of the graph)
  function groupOfEdge(id) { return typeof id === 'string' && id.indexOf('group-') === 0 ? Number(id.split(':')[1]) : -1; }
  function groupName(g) {
    var grp = GROUPS[g], c = classById[grp.cls];
    return fmt(grp.members.length) + ' ' + c.zh + ' \u00B7 ' + (grp.rel ? relById[grp.rel].zh : '\u65E0\u5173\u7CFB');
  }

  // ---- state ----------------------------------------------------------------------------------
  var startSet = DATA.start ? new Set(DATA.start) : null;
  var allDocs = DATA.sources.map(function (s, k) { return k; }).filter(function (k) { return DATA.sources[k].doc; });
  var state = {
    all: !startSet,                         // large graphs start from a filtered view
    classes: new Set(DATA.classes.map(function (c) { return c.id; })),
    relations: new Set(DATA.relations.map(function (r) { return r.id; })),
    docs: new Set(allDocs),
    revealed: new Set(),                    // asked for by search, a link or the panel: shown whatever the filters
    expanded: new Set(),                    // groups opened on demand
    selected: -1
  };
  var gX = new Float64Array(G), gY = new Float64Array(G);
  GROUPS.forEach(function (grp, g) { gX[g] = grp.x; gY[g] = grp.y; });
  var shownNode = new Uint8Array(N), shownEdge = new Uint8Array(E), shownGroup = new Uint8Array(G);
  var shownLinks = new Map();
  var everDrawn = new Uint8Array(N), placedAround = new Uint32Array(N);
  var nShown = 0, eShown = 0;

  function docsAll() { return state.docs.size >= allDocs.length; }   // no document filtered out
  // `opened`: in an expanded group (then shown even outside a large graph's first view)
  function passesFilters(i, opened) {
    if (!state.all && !startSet.has(i) && !opened) return false;
    if (!state.classes.has(node(i).group)) return false;
    if (docsAll()) return true;
    var docs = info(i).docs || [];
    if (docs.length === 0) return true;
    for (var k = 0; k < docs.length; k++) if (state.docs.has(docs[k])) return true;
    return false;
  }
  function inOpenGroup(i) {
    var gs = memberGroups[i];
    for (var k = 0; k < gs.length; k++) if (state.expanded.has(gs[k])) return true;
    return false;
  }
  function nodeVisible(i) {
    if (state.revealed.has(i)) return true;
    var open = inOpenGroup(i);
    if (!passesFilters(i, open)) return false;
    return !collapsed[i] || open;
  }
  function groupVisible(g, want) {
    var grp = GROUPS[g];
    if (state.expanded.has(g) || !state.classes.has(grp.cls)) return false;
    if (grp.hub >= 0 && (!want[grp.hub] || !state.relations.has(grp.rel))) return false;
    // drawn while it stands for a member the filters let through (a member drawn for relations of
    // its own hangs from it, so it stays beside the hub)
    for (var k = 0; k < grp.members.length; k++) if (passesFilters(grp.members[k])) return true;
    return false;
  }
  function edgeVisible(k, want) {
    if (!want[edgeFrom[k]] || !want[edgeTo[k]]) return false;
    if (!state.relations.has(EDGES[k].rel)) return false;
    var gs = edgeGroups[k];
    if (gs) {
      var open = state.revealed.has(edgeFrom[k]) || state.revealed.has(edgeTo[k]);
      for (var j = 0; !open && j < gs.length; j++) open = state.expanded.has(gs[j]);
      if (!open) return false;
    }
    if (docsAll()) return true;
    var ev = evidence(k);
    if (ev.length === 0) return true;
    for (j = 0; j < ev.length; j++) {
      var src = ev[j][0];
      if (src < 0 || !DATA.sources[src].doc || state.docs.has(src)) return true;
    }
    return false;
  }

  // ---- the network ----------------------------------------------------------------------------
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();

  function nodeItem(i) {
    var n = Object.assign({}, node(i));
    n.x = posX[i]; n.y = posY[i];
    return n;
  }
  function edgeItem(k) {
    var rel = EDGES[k].rel;
    return {arrows: 'to', color: {color: relById[rel].colour}, from: node(edgeFrom[k]).id, id: k, rel: rel,
            to: node(edgeTo[k]).id};
  }
  function tint(hex) {          // the class colour, lighter: a group's background
    var v = parseInt(hex.slice(1), 16), r = v >> 16, gg = (v >> 8) & 255, b = v & 255;
    function mix(c) { return Math.round(c + (255 - c) * 0.82); }
    return 'rgb(' + mix(r) + ',' + mix(gg) + ',' + mix(b) + ')';
  }
  // A group's label grows with the group, like an entity's, but its size on screen stays between
  // GROUP_PX_MIN (the whole graph in view never leaves an empty box) and GROUP_PX_MAX (zoomed in,
  // a box never swallows its neighbours). The box is its label plus a margin, and the box is what
  // a click hits: vis-network's scaling.label.maxVisible only fades a label, it shrinks neither
  // the text nor the box, so a value-scaled group drew boxes of 500 and more canvas units that
  // covered the groups beside them (a click on one expanded another). The font is set here, for
  // the view's zoom (see the beforeDrawing handler), not left to vis's value scaling.
  var GROUP_PX_MIN = 8, GROUP_PX_MAX = 20;
  var groupScale = 1;           // the zoom the shown groups' fonts were sized for
  function groupFont(g) {
    var size = 3 * Math.min(18, Math.max(12, 1 + 3 * Math.log2(1 + GROUPS[g].members.length)));
    size = Math.min(Math.max(size, GROUP_PX_MIN / groupScale), GROUP_PX_MAX / groupScale);
    return {color: '#333333', strokeWidth: 0, size: size};
  }
  function groupItem(g) {
    var grp = GROUPS[g], c = classById[grp.cls];
    return {id: groupId(g), label: '\uFF0B ' + groupName(g), shape: 'box', x: gX[g], y: gY[g],
            physics: grp.hub >= 0, borderWidth: 1.5, shapeProperties: {borderDashes: [4, 3]},
            color: {background: tint(c.colour), border: c.colour,
                    highlight: {background: tint(c.colour), border: '#222222'},
                    hover: {background: tint(c.colour), border: '#222222'}},
            font: groupFont(g), margin: 6};
  }
  // before each frame: the shown groups' fonts for the zoom about to be drawn (so what a click
  // hits is what is drawn), updated only when the zoom changed
  function sizeGroupsForZoom(scale) {
    if (Math.abs(scale - groupScale) <= 0.005 * groupScale) return;
    groupScale = scale;
    var upd = [];
    for (var g = 0; g < G; g++) if (shownGroup[g]) upd.push({id: groupId(g), font: groupFont(g)});
    if (upd.length) nodes.update(upd);
  }
  function groupEdgeItem(g) {
    var grp = GROUPS[g], hub = node(grp.hub).id;
    return {id: groupEdgeId(g), from: grp.out ? hub : groupId(g), to: grp.out ? groupId(g) : hub,
            rel: grp.rel, dashes: [6, 4], width: 2, color: {color: relById[grp.rel].colour}};
  }

  // a shown member of a group still shown hangs from the group's node (hub → group → member)
  function groupLinkItem(g, j) {
    var grp = GROUPS[g], m = node(j).id;
    return {id: groupLinkId(g, j), from: grp.out ? groupId(g) : m, to: grp.out ? m : groupId(g), rel: grp.rel,
            dashes: [2, 4], color: {color: relById[grp.rel].colour, opacity: 0.6}};
  }

  function rememberPositions() {
    if (!window.network) return;
    var p = window.network.getPositions();
    Object.keys(p).forEach(function (id) {
      var g = groupOf(id);
      if (g >= 0) { gX[g] = p[id].x; gY[g] = p[id].y; return; }
      var i = indexOf.get(id);
      if (i !== undefined) { posX[i] = p[id].x; posY[i] = p[id].y; }
    });
  }

  // a node shown for the first time next to one already drawn sits beside it
  function placeNear(i) {
    var best = -1;
    inc(i).forEach(function (k) {
      var j = edgeFrom[k] === i ? edgeTo[k] : edgeFrom[k];
      if (shownNode[j] && (best < 0 || (node(j).value || 0) > (node(best).value || 0))) best = j;
    });
    if (best < 0) return;
    var m = ++placedAround[best], a = m * 2.399963, r = 42 * (1.5 + Math.sqrt(m));   // a sunflower around it
    posX[i] = posX[best] + r * Math.cos(a);
    posY[i] = posY[best] + r * Math.sin(a);
  }
  // an expanded group's members: a sunflower (or, without relations, a grid) where the group was
  function placeMembers(g) {
    var grp = GROUPS[g], todo = grp.members.filter(function (j) { return !everDrawn[j]; });
    todo.forEach(function (j, m) {
      node(j);                              // read first: reading sets the built position
      if (grp.hub < 0) {
        var rows = Math.max(8, Math.ceil(Math.sqrt(todo.length * 4)));
        posX[j] = gX[g] + Math.floor(m / rows) * 190;
        posY[j] = gY[g] + (m % rows) * 34;
      } else {
        var a = (m + 1) * 2.399963, r = 34 * Math.sqrt(m + 1);
        posX[j] = gX[g] + r * Math.cos(a);
        posY[j] = gY[g] + r * Math.sin(a);
      }
      everDrawn[j] = 1;
    });
  }

  function applyView(fresh) {
    rememberPositions();
    var want = new Uint8Array(N);
    for (var i = 0; i < N; i++) want[i] = nodeVisible(i) ? 1 : 0;
    var addN = [], delN = [], addE = [], delE = [];
    for (i = 0; i < N; i++) {
      if (want[i] && !shownNode[i]) addN.push(i);
      else if (!want[i] && shownNode[i]) delN.push(node(i).id);
    }
    addN.forEach(function (i) { if (!fresh && !everDrawn[i]) placeNear(i); everDrawn[i] = 1; });
    // the relations of the entities shown (the others cannot be drawn): bounded by the view
    var wantE = new Uint8Array(E), k;
    for (i = 0; i < N; i++) {
      if (!want[i]) continue;
      inc(i).forEach(function (k) { if (!wantE[k] && edgeVisible(k, want)) wantE[k] = 1; });
    }
    for (k = 0; k < E; k++) {
      if (wantE[k] && !shownEdge[k]) addE.push(edgeItem(k));
      else if (!wantE[k] && shownEdge[k]) delE.push(k);
    }
    var wantG = new Uint8Array(G), addG = [], delG = [], addGE = [], delGE = [];
    for (var g = 0; g < G; g++) {
      wantG[g] = groupVisible(g, want) ? 1 : 0;
      if (wantG[g] && !shownGroup[g]) { addG.push(groupItem(g)); if (GROUPS[g].hub >= 0) addGE.push(groupEdgeItem(g)); }
      else if (!wantG[g] && shownGroup[g]) { delG.push(groupId(g)); if (GROUPS[g].hub >= 0) delGE.push(groupEdgeId(g)); }
    }
    var wantL = new Map(), addL = [], delL = [];
    for (g = 0; g < G; g++) {
      if (!wantG[g] || GROUPS[g].hub < 0) continue;
      GROUPS[g].members.forEach(function (j) { if (want[j]) wantL.set(groupLinkId(g, j), [g, j]); });
    }
    wantL.forEach(function (gj, id) { if (!shownLinks.has(id)) addL.push(groupLinkItem(gj[0], gj[1])); });
    shownLinks.forEach(function (gj, id) { if (!wantL.has(id)) delL.push(id); });
    if (delL.length) edges.remove(delL);
    if (delE.length) edges.remove(delE);
    if (delGE.length) edges.remove(delGE);
    if (delN.length) nodes.remove(delN);
    if (delG.length) nodes.remove(delG);
    if (addN.length) nodes.add(addN.map(nodeItem));
    if (addG.length) nodes.add(addG);
    if (addE.length) edges.add(addE);
    if (addGE.length) edges.add(addGE);
    if (addL.length) edges.add(addL);
    shownNode = want; shownEdge = wantE; shownGroup = wantG; shownLinks = wantL;
    nShown = 0; eShown = 0;
    for (i = 0; i < N; i++) nShown += want[i];
    for (k = 0; k < E; k++) eShown += wantE[k];
    if (state.selected >= 0 && !shownNode[state.selected]) clearSelection();
    else if (state.selected >= 0) highlight(state.selected);
    updateStatus();
  }

  function expandGroup(g) {
    rememberPositions();
    placeMembers(g);
    state.expanded.add(g);
    applyView(false);
  }
  function collapseGroup(g) {
    state.expanded.delete(g);
    GROUPS[g].members.forEach(function (j) { if (j !== state.selected) state.revealed.delete(j); });
    applyView(false);
  }

  // ---- neighbourhood highlight ----------------------------------------------------------------
  // A veil over the drawing, then the selected entity, its neighbours and their relations drawn
  // again on top (with the relation names). Cost is the neighbourhood's size, not the graph's:
  // no DataSet update, so it stays instant with thousands of entities on screen.
  var veil = null;
  function highlight(i) {
    var near = new Set([node(i).id]), rels = [];
    inc(i).forEach(function (k) {
      if (!shownEdge[k]) return;
      rels.push({id: k, rel: EDGES[k].rel});
      near.add(node(edgeFrom[k]).id);
      near.add(node(edgeTo[k]).id);
    });
    hubGroups[i].concat(memberGroups[i]).forEach(function (g) {
      if (!shownGroup[g] || GROUPS[g].hub < 0) return;
      rels.push({id: groupEdgeId(g), rel: GROUPS[g].rel});
      if (shownLinks.has(groupLinkId(g, i))) rels.push({id: groupLinkId(g, i), rel: GROUPS[g].rel});
      near.add(groupId(g));
      near.add(node(GROUPS[g].hub).id);
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
    veil.edges.forEach(function (r) {
      var e = body.edges[r.id];
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
    veil.edges.forEach(function (r) {
      var e = body.edges[r.id];
      if (!e || !e.from || !e.to) return;
      var dx = e.to.x - e.from.x, dy = e.to.y - e.from.y;
      if (Math.sqrt(dx * dx + dy * dy) * scale < 90) return;   // too short on screen for a name
      var x = e.from.x + dx / 2, y = e.from.y + dy / 2, t = relById[r.rel].zh;
      var w = ctx.measureText(t).width / 2 + size / 2, h = size;
      for (var j = 0; j < boxes.length; j++) {                   // never on top of another name
        if (Math.abs(boxes[j][0] - x) < w + boxes[j][2] && Math.abs(boxes[j][1] - y) < h) return;
      }
      boxes.push([x, y, w]);
      ctx.strokeText(t, x, y); ctx.fillText(t, x, y);
    });
    ctx.restore();
  }

  // ---- links: graph.html#<URL-encoded IRI> -----------------------------------------------------
  function iriFromHash() {
    var h = location.hash.slice(1);
    if (!h) return null;
    try { return decodeURIComponent(h); } catch (e) { return null; }
  }
  function setAddress(i) {
    var want = i >= 0 ? '#' + encodeURIComponent(node(i).id) : '';
    if (location.hash === want || (!want && !location.hash)) return;
    try {
      history.replaceState(null, '', want || location.pathname + location.search);
    } catch (e) {
      if (want) location.hash = want;
    }
  }
  function selectFromAddress() {
    var iri = iriFromHash(), i = iri === null ? undefined : lookup(iri);
    if (i !== undefined && i !== state.selected) selectNode(i, true);
  }
  window.addEventListener('hashchange', selectFromAddress);

  // ---- selection and the side panel -------------------------------------------------------------
  var panel = $('panel'), body = $('panel-body');

  function selectNode(i, focus) {
    if (!shownNode[i]) {
      state.revealed.add(i);
      applyView(false);
    }
    state.selected = i;
    window.network.selectNodes([node(i).id]);
    highlight(i);
    showNode(i);
    setAddress(i);
    if (focus) {
      var scale = Math.max(window.network.getScale(), 0.9);
      // centre it in the part of the canvas the side panel leaves free
      var offset = {x: panel.hidden ? 0 : -panel.offsetWidth / 2, y: 0};
      window.network.focus(node(i).id, {scale: scale, offset: offset,
                                         animation: {duration: 450, easingFunction: 'easeInOutQuad'}});
    }
  }
  function clearSelection() {
    state.selected = -1;
    if (window.network) window.network.unselectAll();
    unhighlight();
    panel.hidden = true;
    body.replaceChildren();
    setAddress(-1);
  }

  function swatch(cls) {
    var c = classById[cls] || {};
    var s = el('span', 'glyph', GLYPH[c.shape] || GLYPH.dot);
    s.style.color = c.colour || '#999';
    s.setAttribute('aria-hidden', 'true');
    return s;
  }
  function sourceName(src) {
    if (src < 0) return 'no source';
    var s = DATA.sources[src];
    return s.year ? s.label + ' (' + s.year + ')' : s.label;
  }

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
    var out = [node(i).label].concat(info(i).aliases || []);
    return out.map(function (s) { return s.replace(/^[\u201C\u300A"]+|[\u201D\u300B"]+$/g, ''); });
  }
  function nodeLink(j) {
    var b = el('button', 'link', node(j).label);
    b.type = 'button';
    b.addEventListener('click', function () { selectNode(j, true); });
    return b;
  }

  function relationBlock(k, i) {
    var box = el('div', 'rel');
    box.dataset.edge = String(k);
    var head = el('div', 'rel-head');
    var other = edgeFrom[k] === i ? edgeTo[k] : edgeFrom[k];
    head.appendChild(swatch(node(other).group));
    head.appendChild(nodeLink(other));
    if (!shownNode[other]) head.appendChild(el('span', 'hidden-note', '(hidden)'));
    box.appendChild(head);
    var names = namesOf(i).concat(namesOf(other));
    evidence(k).forEach(function (ev) {
      box.appendChild(quoteBlock(QUOTES[ev[1]], names));
      box.appendChild(el('div', 'source', sourceName(ev[0])));
    });
    return box;
  }

  function section(title) {
    body.appendChild(el('h3', null, title));
  }
  function figuresTable(figs) {
    var t = el('table', 'figs');
    var head = el('tr');
    ['Measure \u6307\u6807', 'Year \u5E74\u4EFD', 'Value \u6570\u503C'].forEach(function (h) { head.appendChild(el('th', null, h)); });
    t.appendChild(head);
    figs.forEach(function (f) {
      var tr = el('tr');
      tr.appendChild(el('td', null, f[0]));
      tr.appendChild(el('td', 'num', f[1]));
      tr.appendChild(el('td', 'num', f[2] + (f[3] ? ' ' + f[3] : '')));
      tr.title = sourceName(f[4]);
      t.appendChild(tr);
    });
    return t;
  }
  function groupsBlock(i) {
    var box = el('div', 'groups');
    hubGroups[i].forEach(function (g) {
      var row = el('div', 'group-row');
      row.appendChild(swatch(GROUPS[g].cls));
      row.appendChild(el('span', 'name', groupName(g)));
      var open = state.expanded.has(g);
      var b = button(open ? 'Collapse \u6536\u8D77' : 'Expand \u5C55\u5F00');
      b.dataset.group = String(g);
      b.addEventListener('click', function () {
        if (state.expanded.has(g)) collapseGroup(g); else expandGroup(g);
        if (state.selected === i) showNode(i);
      });
      row.appendChild(b);
      box.appendChild(row);
    });
    return box;
  }

  function showNode(i) {
    var n = node(i), x = info(i);
    body.replaceChildren();
    body.appendChild(el('h2', 'title', n.label));
    var kind = el('div', 'kind');
    kind.appendChild(swatch(n.group));
    var c = classById[n.group];
    kind.appendChild(el('span', null, n.group + ' ' + c.zh + (x.type && x.type !== n.group ? ' \u00B7 ' + x.type : '')));
    body.appendChild(kind);
    body.appendChild(el('div', 'iri', n.id));
    if (x.aliases && x.aliases.length) {
      section('Also called \u522B\u540D');
      var ul = el('ul');
      x.aliases.forEach(function (a) { ul.appendChild(el('li', null, a)); });
      body.appendChild(ul);
    }
    if (x.props && x.props.length) {
      section('Properties');
      var pl = el('ul');
      x.props.forEach(function (p) { pl.appendChild(el('li', null, p[0] + ': ' + p[1])); });
      body.appendChild(pl);
    }
    var figs = figures(i);
    if (figs.length) {
      section('Figures \u6570\u636E (' + figs.length + ')');
      body.appendChild(figuresTable(figs));
    }
    section('Documents \u6765\u6E90 (' + (x.docs || []).length + ')');
    var dl = el('ul', 'docs');
    (x.docs || []).forEach(function (d) { dl.appendChild(el('li', null, sourceName(d))); });
    body.appendChild(dl);
    if (hubGroups[i].length) {
      section('Grouped neighbours \u5206\u7EC4');
      body.appendChild(groupsBlock(i));
    }

    section('Relations \u5173\u7CFB (' + inc(i).length + ')');
    var hiddenNb = new Set();
    inc(i).forEach(function (k) { var j = edgeFrom[k] === i ? edgeTo[k] : edgeFrom[k]; if (!shownNode[j]) hiddenNb.add(j); });
    if (hiddenNb.size && hiddenNb.size <= 200) {
      var more = button('Show ' + hiddenNb.size + ' hidden neighbour' + (hiddenNb.size > 1 ? 's' : ''));
      more.addEventListener('click', function () {
        hiddenNb.forEach(function (j) { state.revealed.add(j); });
        applyView(false);
        selectNode(i, false);
      });
      body.appendChild(more);
    }
    // one section per relation and direction, each listing its neighbours by name
    var sections = new Map();
    inc(i).forEach(function (k) {
      var key = EDGES[k].rel + (edgeFrom[k] === i ? ' \u2192' : ' \u2190');
      if (!sections.has(key)) sections.set(key, []);
      sections.get(key).push(k);
    });
    var keys = Array.from(sections.keys()).sort();
    keys.forEach(function (key) {
      var ks = sections.get(key), rel = relById[key.split(' ')[0]], out = key.slice(-1) === '\u2192';
      ks.sort(function (a, b) {
        var la = node(out ? edgeTo[a] : edgeFrom[a]).label, lb = node(out ? edgeTo[b] : edgeFrom[b]).label;
        return la < lb ? -1 : la > lb ? 1 : a - b;
      });
      var det = el('details', 'rel-section');
      var sum = el('summary');
      var line = el('span', 'line');
      line.style.borderColor = rel.colour;
      sum.appendChild(line);
      sum.appendChild(el('span', 'rel-name', (out ? '' : '\u2190 ') + rel.id + ' ' + rel.zh + (out ? ' \u2192' : '') + ' (' + ks.length + ')'));
      det.appendChild(sum);
      var filled = false;
      function fill() { if (filled) return; filled = true; ks.forEach(function (k) { det.appendChild(relationBlock(k, i)); }); }
      det.addEventListener('toggle', function () { if (det.open) fill(); });
      if (ks.length <= SECTION_OPEN_MAX || keys.length === 1 && ks.length <= 60) { det.open = true; fill(); }
      body.appendChild(det);
    });
    panel.hidden = false;
    panel.classList.remove('folded');
    panel.scrollTop = 0;
  }

  function showEdge(k) {
    state.selected = -1;
    unhighlight();
    setAddress(-1);
    body.replaceChildren();
    var rel = relById[EDGES[k].rel];
    body.appendChild(el('h2', 'title', rel.id + ' ' + rel.zh));
    var p = el('p');
    p.appendChild(swatch(node(edgeFrom[k]).group));
    p.appendChild(nodeLink(edgeFrom[k]));
    p.appendChild(el('span', 'rel-name', ' \u2192 '));
    p.appendChild(swatch(node(edgeTo[k]).group));
    p.appendChild(nodeLink(edgeTo[k]));
    body.appendChild(p);
    section('Evidence \u4F9D\u636E');
    var names = namesOf(edgeFrom[k]).concat(namesOf(edgeTo[k]));
    evidence(k).forEach(function (ev) {
      body.appendChild(quoteBlock(QUOTES[ev[1]], names));
      body.appendChild(el('div', 'source', sourceName(ev[0])));
    });
    panel.hidden = false;
    panel.classList.remove('folded');
  }
  $('panel-close').addEventListener('click', clearSelection);
  $('panel-fold').addEventListener('click', function () {
    var folded = panel.classList.toggle('folded');
    $('panel-fold').setAttribute('aria-expanded', folded ? 'false' : 'true');
    $('panel-fold').textContent = folded ? '\u00AB' : '\u00BB';
  });

  // ---- search ----------------------------------------------------------------------------------
  // Keys were made when the page was built (kg/export/viewer_search.py): letters and digits,
  // simplified characters, pinyin initials and syllables. A query is folded the same way.
  var KEYS = null, FOLD = null;            // the search block, parsed at the first search
  function readKeys() { if (!KEYS) { var s = block('lgkg-search'); KEYS = s.keys; FOLD = s.fold; } }
  var NONWORD = /[^\p{L}\p{N}]/gu, LATIN = /^[a-z0-9]+$/;
  var search = $('search'), results = $('results');
  var hits = [], active = 0, timer = 0;

  function queryKey(q) {
    readKeys();
    var s = String(q).normalize('NFKC').toLowerCase().replace(NONWORD, ''), out = '';
    for (var ch of s) out += FOLD[ch] || ch;
    return out;
  }
  // the shortest stretch of `hay` holding the characters of `q` in order (-1: none)
  function inOrderSpan(hay, q) {
    var best = -1, start = hay.indexOf(q[0]);
    while (start >= 0) {
      var p = start;
      for (var j = 1; j < q.length && p >= 0; j++) p = hay.indexOf(q[j], p + 1);
      if (p < 0) break;
      if (best < 0 || p - start + 1 < best) best = p - start + 1;
      start = hay.indexOf(q[0], start + 1);
    }
    return best;
  }
  // rank: 0 exact, 1 prefix, 2 inside the name, 3 inside another name, 4/5 the characters in order
  // with a few between (聊城司法局 → 聊城市司法局), 6/7 pinyin initials or syllables
  function score(i, q, latin) {
    var key = KEYS[i], label = key[0], alias = key[1];
    if (label === q) return [0, 0];
    if (label.indexOf(q) === 0) return [1, label.length - q.length];
    if (label.indexOf(q) > 0) return [2, label.length - q.length];
    if (alias.indexOf(q) >= 0) return [3, 0];
    if (q.length >= 2) {
      var room = Math.max(2, Math.ceil(q.length / 2));
      var span = inOrderSpan(label, q);
      if (span > 0 && span - q.length <= room) return [4, span - q.length];
      if (alias) {
        var best = -1;
        alias.split('\u0001').forEach(function (a) {
          var s = inOrderSpan(a, q);
          if (s > 0 && (best < 0 || s < best)) best = s;
        });
        if (best > 0 && best - q.length <= room) return [5, best - q.length];
      }
    }
    if (latin && q.length >= 2) {
      if (key[2].indexOf(q) === 0 || key[3].indexOf(q) === 0) return [6, 0];
      if (key[2].indexOf(q) > 0 || key[3].indexOf(q) > 0) return [7, 0];
    }
    return null;
  }
  function find(q) {
    var nq = queryKey(q);
    if (!nq) return [];
    var latin = LATIN.test(nq), found = [];
    for (var i = 0; i < N; i++) {
      var s = score(i, nq, latin);
      if (s) found.push([s[0], s[1], -KEYS[i][4], KEYS[i][0].length, i]);
    }
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3] || a[4] - b[4]; });
    return found.slice(0, 50).map(function (f) { return f[4]; });
  }
  function closeResults() {
    results.replaceChildren();
    results.hidden = true;
    search.setAttribute('aria-expanded', 'false');
    search.removeAttribute('aria-activedescendant');
  }
  function renderResults() {
    results.replaceChildren();
    if (!search.value.trim()) { closeResults(); return; }
    results.hidden = false;
    results.dataset.query = search.value;     // which query the list answers (scripts and tests wait on it)
    search.setAttribute('aria-expanded', 'true');
    if (!hits.length) { results.appendChild(el('li', 'none', 'No match \u65E0\u7ED3\u679C')); return; }
    hits.forEach(function (i, r) {
      var li = el('li', r === active ? 'active' : null);
      li.id = 'result-' + r;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', r === active ? 'true' : 'false');
      var b = el('button');
      b.type = 'button';
      b.tabIndex = -1;
      b.dataset.node = node(i).id;
      b.appendChild(swatch(node(i).group));
      b.appendChild(document.createTextNode(' ' + node(i).label));
      if (!shownNode[i]) b.appendChild(el('span', 'hint', collapsed[i] ? 'grouped' : 'hidden'));
      b.addEventListener('mousedown', function (ev) { ev.preventDefault(); });   // keep the focus in the field
      b.addEventListener('click', function () { choose(r); });
      li.appendChild(b);
      results.appendChild(li);
    });
    search.setAttribute('aria-activedescendant', 'result-' + active);
    var act = results.children[active];
    if (act && act.scrollIntoView) act.scrollIntoView({block: 'nearest'});
  }
  function runSearch() {
    hits = find(search.value);
    active = 0;
    renderResults();
  }
  function choose(r) {
    if (!hits.length) return;
    active = Math.max(0, Math.min(r, hits.length - 1));
    var i = hits[active];
    closeResults();                        // the list collapses once a result is chosen
    selectNode(i, true);
  }
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(runSearch, N > 3000 ? 80 : 40);
  });
  search.addEventListener('focus', function () { if (search.value.trim() && results.hidden) runSearch(); });
  search.addEventListener('blur', function () { setTimeout(closeResults, 150); });
  search.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') {
      clearTimeout(timer);
      if (results.hidden) { hits = find(search.value); active = 0; }
      choose(active);
      ev.preventDefault();
    } else if (ev.key === 'ArrowDown') {
      if (results.hidden) runSearch(); else { active = Math.min(active + 1, hits.length - 1); renderResults(); }
      ev.preventDefault();
    } else if (ev.key === 'ArrowUp') { active = Math.max(active - 1, 0); renderResults(); ev.preventDefault(); }
    else if (ev.key === 'Escape') {
      if (!results.hidden) closeResults(); else { search.value = ''; hits = []; }
      ev.preventDefault();
    }
  });
  closeResults();

  // ---- filters, legend, documents, status -------------------------------------------------------
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
    if (count !== null) label.appendChild(el('span', 'count', fmt(count)));
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
    if (!s.doc) return;
    var b = checkbox($('docs'), 'doc', state.docs, k, true, null, s.label, s.year ? String(s.year) : null, s.count);
    var lab = b.parentNode;
    lab.classList.add('doc');
    lab.title = s.label + (s.year ? ' \u00B7 ' + s.year : '') + (s.by ? ' \u00B7 ' + s.by : '') + ' \u00B7 ' + s.id;
    if (s.year) lab.querySelector('.muted').classList.add('year');
    docBoxes.push(b);
  });
  function setDocs(pick) {
    docBoxes.forEach(function (b) {
      var k = Number(b.dataset.doc), on = pick(DATA.sources[k]);
      b.checked = on;
      if (on) state.docs.add(k); else state.docs.delete(k);
    });
    applyView(false);
  }
  function setAllDocs(on) { yearBox.value = ''; setDocs(function () { return on; }); }
  $('docs-all').addEventListener('click', function () { setAllDocs(true); });
  $('docs-none').addEventListener('click', function () { setAllDocs(false); });
  // the year filter: the documents about one year (only when some document has a year)
  var yearBox = $('year');
  var years = Array.from(new Set(allDocs.map(function (k) { return DATA.sources[k].year; })
    .filter(function (y) { return y; }))).sort();
  if (years.length) {
    years.forEach(function (y) {
      var o = el('option', null, String(y));
      o.value = String(y);
      yearBox.appendChild(o);
    });
    if (allDocs.some(function (k) { return !DATA.sources[k].year; })) {
      var o = el('option', null, 'no year \u672A\u6CE8\u660E');
      o.value = 'none';
      yearBox.appendChild(o);
    }
    $('year-row').hidden = false;
  }
  yearBox.addEventListener('change', function () {
    var v = yearBox.value;
    setDocs(function (s) { return v === '' || (v === 'none' ? !s.year : String(s.year) === v); });
  });

  var banner = $('banner');
  function updateStatus() {
    var open = 0;
    for (var g = 0; g < G; g++) open += shownGroup[g];
    $('stats').textContent = 'Showing ' + fmt(nShown) + ' of ' + fmt(N) + ' entities \u00B7 ' +
      fmt(eShown) + ' of ' + fmt(E) + ' relations' + (open ? ' \u00B7 ' + fmt(open) + ' groups' : '');
    if (startSet && !state.all) {
      banner.replaceChildren();
      var places = 0, allPlaces = (classById.Place || {}).count || 0;
      startSet.forEach(function (i) { if (node(i).group === 'Place') places++; });
      banner.appendChild(el('span', null,
        'Large graph: ' + fmt(N) + ' entities, ' + fmt(E) + ' relations. To stay responsive this view starts ' +
        'with the ' + fmt(startSet.size) + ' best connected (' + (places === allPlaces ? 'every place' :
        fmt(places) + ' of ' + fmt(allPlaces) + ' places') + '). Search finds every entity and brings it in.'));
      var b = button('Show all (slower)', 'show-all');
      b.addEventListener('click', function () { state.all = true; applyView(false); window.network.fit(); });
      banner.appendChild(b);
      banner.hidden = false;
    } else {
      banner.hidden = true;
    }
  }

  // ---- hover tooltips (our own element, text only) -----------------------------------------------
  var tip = $('tip');
  function showTip(lines, pointer) {
    tip.replaceChildren();
    lines.forEach(function (t, k) { tip.appendChild(el('div', k ? null : 'tip-title', t)); });
    var box = $('stage').getBoundingClientRect();
    tip.hidden = false;
    var x = Math.min(pointer.x + 14, box.width - tip.offsetWidth - 6), y = pointer.y + 14;
    if (y + tip.offsetHeight > box.height - 6) y = pointer.y - tip.offsetHeight - 10;
    tip.style.left = Math.max(4, x) + 'px';
    tip.style.top = Math.max(4, y) + 'px';
  }
  function hideTip() { tip.hidden = true; }
  function nodeTip(id) {
    var g = groupOf(id);
    if (g >= 0) {
      var grp = GROUPS[g];
      return [groupName(g), grp.hub >= 0 ? (grp.out ? node(grp.hub).label + ' \u2192 ' + relById[grp.rel].id + ' \u2192 ' +
        classById[grp.cls].id : classById[grp.cls].id + ' \u2192 ' + relById[grp.rel].id + ' \u2192 ' + node(grp.hub).label)
        : 'entities without any relation', 'click to expand \u70B9\u51FB\u5C55\u5F00'];
    }
    var i = indexOf.get(id), x = info(i), c = classById[node(i).group];
    var lines = [node(i).label, c.id + ' ' + c.zh + ' \u00B7 ' + fmt(inc(i).length) + ' relations \u00B7 ' +
      fmt((x.docs || []).length) + ' documents'];
    if (x.aliases && x.aliases.length) lines.push('also: ' + x.aliases.slice(0, 3).join(' / ') + (x.aliases.length > 3 ? ' \u2026' : ''));
    return lines;
  }
  function edgeTip(id) {
    var g = groupOfEdge(id);
    if (g >= 0) return nodeTip(groupId(g));
    var k = Number(id), rel = relById[EDGES[k].rel];
    return [node(edgeFrom[k]).label + ' \u2192 ' + node(edgeTo[k]).label, rel.id + ' ' + rel.zh + ' \u00B7 ' +
      evidence(k).length + ' quote' + (evidence(k).length === 1 ? '' : 's')];
  }

  // ---- export of what is on screen -----------------------------------------------------------
  function download(blob, name) {
    var a = el('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }
  function csvCell(v) {
    var s = String(v === undefined || v === null ? '' : v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;          // a spreadsheet must not run a label as a formula
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function visibleCsv() {
    var rows = [['subject', 'relation', 'object', 'subject_class', 'object_class', 'subject_iri', 'object_iri', 'quotes']];
    var linked = new Uint8Array(N);
    for (var k = 0; k < E; k++) {
      if (!shownEdge[k]) continue;
      var s = edgeFrom[k], o = edgeTo[k];
      linked[s] = linked[o] = 1;
      rows.push([node(s).label, EDGES[k].rel, node(o).label, node(s).group, node(o).group, node(s).id, node(o).id,
                 evidence(k).map(function (ev) { return QUOTES[ev[1]]; }).join(' | ')]);
    }
    for (var i = 0; i < N; i++) {
      if (shownNode[i] && !linked[i]) rows.push([node(i).label, '', '', node(i).group, '', node(i).id, '', '']);
    }
    return '\uFEFF' + rows.map(function (r) { return r.map(csvCell).join(','); }).join('\r\n') + '\r\n';
  }
  $('export-csv').addEventListener('click', function () {
    download(new Blob([visibleCsv()], {type: 'text/csv;charset=utf-8'}), 'lgkg-visible.csv');
  });
  $('export-png').addEventListener('click', function () {
    var src = window.network.canvas.frame.canvas, out = document.createElement('canvas');
    out.width = src.width; out.height = src.height;
    var ctx = out.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(src, 0, 0);
    out.toBlob(function (b) { download(b, 'lgkg-visible.png'); }, 'image/png');
  });

  // ---- buttons ------------------------------------------------------------------------------
  $('fit').addEventListener('click', function () { window.network.fit({animation: {duration: 300}}); });
  $('reset').addEventListener('click', function () {
    state.revealed.clear();
    state.expanded.clear();
    state.all = !startSet;
    state.classes = new Set(DATA.classes.map(function (c) { return c.id; }));
    state.relations = new Set(DATA.relations.map(function (r) { return r.id; }));
    document.querySelectorAll('#classes input, #relations input').forEach(function (b) { b.checked = true; });
    search.value = ''; hits = []; closeResults();
    clearSelection();
    setAllDocs(true);
    window.network.fit();
  });
  var physicsButton = $('physics');
  function setPhysics(on) {
    physicsButton.setAttribute('aria-pressed', on ? 'true' : 'false');
    physicsButton.textContent = on ? 'Physics: on' : 'Physics: off';
    window.network.setOptions({physics: {enabled: on}});
    if (on) window.network.startSimulation();
  }

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
    selectFromAddress();                 // graph.html#<IRI>: that entity, selected, its panel open
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
  // the groups of entities without relations: a labelled column beside the drawing
  function parkLoneGroups() {
    var P = network.getPositions(), x1 = -Infinity, y0 = Infinity, y1 = -Infinity, lone = [];
    Object.keys(P).forEach(function (id) {
      var g = groupOf(id);
      if (g >= 0 && GROUPS[g].hub < 0) { lone.push(g); return; }
      var q = P[id];
      if (q.x > x1) x1 = q.x;
      if (q.y < y0) y0 = q.y;
      if (q.y > y1) y1 = q.y;
    });
    if (!lone.length || x1 === -Infinity) return;
    var step = Math.max(60, (y1 - y0) / 12), top = (y0 + y1) / 2 - step * (lone.length - 1) / 2;
    nodes.update(lone.map(function (g, k) {
      gX[g] = x1 + 260; gY[g] = top + k * step;
      return {id: groupId(g), x: gX[g], y: gY[g]};
    }));
  }
  network.on('stabilizationIterationsDone', function () {
    mark('lgkg-stabilized');
    setPhysics(false);   // stabilised: stop, nothing keeps moving
    parkLoneGroups();
    network.fit();
    layingOut = false;
    loading.hidden = true;
    network.once('afterDrawing', ready);
    network.redraw();
  });
  network.on('beforeDrawing', function () { sizeGroupsForZoom(network.getScale()); });
  network.on('afterDrawing', drawVeil);
  network.on('click', function (p) {
    hideTip();
    if (p.nodes.length) {
      var g = groupOf(p.nodes[0]);
      if (g >= 0) {
        expandGroup(g);
        if (state.selected >= 0) { network.selectNodes([node(state.selected).id]); showNode(state.selected); }
        else network.unselectAll();
      }
      else selectNode(indexOf.get(p.nodes[0]), false);
    } else if (p.edges.length && groupOfEdge(p.edges[0]) < 0) showEdge(Number(p.edges[0]));
    else clearSelection();
  });
  network.on('hoverNode', function (p) { showTip(nodeTip(p.node), p.pointer.DOM); });
  network.on('hoverEdge', function (p) { showTip(edgeTip(p.edge), p.pointer.DOM); });
  network.on('blurNode', hideTip);
  network.on('blurEdge', hideTip);
  network.on('dragStart', hideTip);
  network.on('zoom', hideTip);
  container.addEventListener('mouseleave', hideTip);   // vis sends no blur when the pointer leaves the canvas
  function moving() {
    var m = 0;
    nodes.forEach(function (n) { if (n.physics !== false) m++; });
    return m;
  }
  $('relayout').addEventListener('click', function () {
    if (layingOut || moving() === 0) return;
    layingOut = true;
    loading.hidden = false;
    network.setOptions({physics: {enabled: true}});
    network.stabilize(VIS.options.physics.stabilization.iterations);
  });
  physicsButton.addEventListener('click', function () {
    if (!layingOut) setPhysics(physicsButton.getAttribute('aria-pressed') !== 'true');
  });
  if (moving() === 0) {   // nothing for physics to do (no entity, or none with a relation)
    setPhysics(false);
    network.fit();
    layingOut = false;
    ready();
  }

  window.lgkg = {data: DATA, n: N, state: state, nodes: nodes, edges: edges, find: find, select: selectNode,
                 expand: expandGroup, collapse: collapseGroup, csv: visibleCsv,
                 indexOf: lookup, apply: applyView,
                 // the joined data read so far (tests): entity i's node, details and relations
                 entity: function (j) { return {node: node(j), info: info(j), edges: inc(j), deg: DEG[j]}; },
                 evidence: function (k) { return evidence(k).map(function (ev) { return [ev[0], QUOTES[ev[1]]]; }); },
                 figures: figures,
                 read: function () { return chunkRead.reduce(function (a, b) { return a + b; }, 0); },
                 docsRead: function () { return DOCS.size; }};
})();
