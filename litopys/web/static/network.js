/* Network page: Cytoscape.js over /network.json (same query string). */
(function () {
  'use strict';
  const L = window.litopys;

  function draw(data) {
    const maxNode = Math.max(1, ...data.nodes.map(function (n) { return n.events; }));
    const maxEdge = Math.max(1, ...data.edges.map(function (e) { return e.count; }));
    const elements = [];
    data.nodes.forEach(function (n) {
      elements.push({ group: 'nodes', data: { id: n.id, name: n.name, type: n.type, events: n.events } });
    });
    data.edges.forEach(function (e, i) {
      elements.push({ group: 'edges', data: { id: 'e' + i, source: e.source, target: e.target,
        count: e.count, goldstein: e.goldstein, colour: L.gsColour(e.goldstein) } });
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
          'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'opacity': 0.85 } },
        { selector: 'node:active, node:selected', style: { 'border-width': 3, 'border-color': '#f0b400' } },
      ],
      layout: { name: data.nodes.length > 400 ? 'concentric' : 'cose', animate: false, randomize: false, padding: 30 },
    });
    cy.on('tap', 'node', function (evt) {
      window.location.href = '/actors/' + encodeURIComponent(evt.target.id());
    });
    L.setStatus(data.nodes.length + ' actors, ' + data.edges.length + ' links from ' + data.events + ' events');
    document.getElementById('network').dataset.ready = 'true';
    window.litopysNetwork = cy;
  }

  L.fetchTwin().then(draw).catch(function (err) {
    L.setStatus('Could not load the network: ' + err.message);
  });
})();
