/* Network page: Cytoscape.js over /network.json (same query string). */
(function () {
  'use strict';
  const L = window.litopys;

  /* The polity-level network: a person counts for the polity it acts for; persons
   * without a polity are left out; parallel edges add up (Goldstein: weighted mean). */
  function polities(data) {
    const nodes = new Map();
    const into = new Map();
    let hidden = 0;
    data.nodes.forEach(function (n) {
      if (n.type === 'PERSON') {
        if (n.affiliation) into.set(n.id, n.affiliation.id);
        else { hidden += 1; return; }
        const a = n.affiliation;
        const node = nodes.get(a.id) || { id: a.id, name: a.name, type: a.type, events: 0, persons: 0 };
        node.events += n.events;
        node.persons += 1;
        nodes.set(a.id, node);
      } else {
        const node = nodes.get(n.id) || { id: n.id, name: n.name, type: n.type, events: 0, persons: 0 };
        node.events += n.events;
        nodes.set(n.id, node);
        into.set(n.id, n.id);
      }
    });
    const edges = new Map();
    data.edges.forEach(function (e) {
      const s = into.get(e.source);
      const t = into.get(e.target);
      if (!s || !t || s === t) return;
      const key = s + '\u0000' + t;
      const edge = edges.get(key) || { source: s, target: t, count: 0, weight: 0 };
      edge.count += e.count;
      edge.weight += e.goldstein * e.count;
      edges.set(key, edge);
    });
    const edgeList = Array.from(edges.values()).filter(function (e) { return e.count > 0; });
    edgeList.forEach(function (e) { e.goldstein = e.weight / e.count; });
    // actors with no link at this level would only crowd the picture
    const linked = new Set();
    edgeList.forEach(function (e) { linked.add(e.source); linked.add(e.target); });
    const kept = Array.from(nodes.values()).filter(function (n) { return linked.has(n.id); });
    hidden += nodes.size - kept.length;
    return { nodes: edgeList.length ? kept : Array.from(nodes.values()), edges: edgeList,
             events: data.events, hidden: edgeList.length ? hidden : 0 };
  }

  function draw(raw) {
    const level = new URLSearchParams(window.location.search).get('level') === 'person' ? 'person' : 'polity';
    const data = level === 'person' ? raw : polities(raw);
    document.getElementById('network').dataset.level = level;
    const maxNode = Math.max(1, ...data.nodes.map(function (n) { return n.events; }));
    const maxEdge = Math.max(1, ...data.edges.map(function (e) { return e.count; }));
    const elements = [];
    data.nodes.forEach(function (n) {
      elements.push({ group: 'nodes', data: { id: n.id, name: n.name, type: n.type, events: n.events } });
    });
    data.edges.forEach(function (e, i) {
      elements.push({ group: 'edges', data: { id: 'e' + i, source: e.source, target: e.target,
        count: e.count, goldstein: e.goldstein, colour: L.gsColour(e.goldstein),
        label: e.count > 1 ? String(e.count) : '' } });
    });
    const cy = cytoscape({
      container: document.getElementById('network'),
      elements: elements,
      style: [
        { selector: 'node', style: {
          'label': 'data(name)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3,
          'width': 'mapData(events, 1, ' + maxNode + ', 14, 54)',
          'height': 'mapData(events, 1, ' + maxNode + ', 14, 54)',
          'background-color': '#607d8b', 'text-wrap': 'ellipsis', 'text-max-width': 140 } },
        { selector: 'node[type = "GPE"]', style: { 'background-color': '#c0392b', 'shape': 'round-rectangle' } },
        { selector: 'node[type = "PERSON"]', style: { 'background-color': '#8e44ad' } },
        { selector: 'node[type = "ORG"]', style: { 'background-color': '#16a085', 'shape': 'diamond' } },
        { selector: 'edge', style: {
          'width': 'mapData(count, 1, ' + maxEdge + ', 1.5, 10)',
          'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)',
          'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'opacity': 0.85,
          'label': 'data(label)', 'font-size': 9, 'color': '#333', 'text-background-color': '#fff',
          'text-background-opacity': 0.8, 'text-background-padding': 1 } },
        { selector: 'node:active, node:selected', style: { 'border-width': 3, 'border-color': '#f0b400' } },
      ],
      layout: { name: data.nodes.length > 400 ? 'concentric' : 'cose', animate: false, randomize: false, padding: 30 },
    });
    cy.on('tap', 'node', function (evt) {
      window.location.href = '/actors/' + encodeURIComponent(evt.target.id());
    });
    let msg = data.nodes.length + ' actors, ' + data.edges.length + ' links from ' + data.events + ' events';
    if (level === 'polity') msg += ' (persons counted for their polity' + (data.hidden ? '; ' + data.hidden + ' without a link or a polity left out' : '') + ')';
    L.setStatus(msg);
    document.getElementById('network').dataset.ready = 'true';
    window.litopysNetwork = cy;
  }

  L.fetchTwin().then(draw).catch(function (err) {
    L.setStatus('Could not load the network: ' + err.message);
  });
})();
