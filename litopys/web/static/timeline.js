/* Timeline page: vis-timeline over /timeline.json (same query string). */
(function () {
  'use strict';
  const L = window.litopys;
  const DAY = 24 * 3600 * 1000;
  const FIRST_WINDOW = 300;

  function showEvidence(item) {
    const panel = document.getElementById('evidence');
    document.getElementById('ev-title').textContent = item.label;
    let when = (item.date_source === 'narrative' || item.corrected) && item.date_display
      ? item.date_display : (item.date_text || item.date || '');
    if (item.date_begin) {
      when += ' (' + item.date_begin + (item.date_end !== item.date_begin ? ' … ' + item.date_end : '') + ')';
    }
    if (item.confidence !== null && item.confidence !== undefined) {
      when += ' · confidence ' + Number(item.confidence).toFixed(2) + ' (' + (item.provenance || '?') + ')';
    }
    document.getElementById('ev-date').textContent = when;
    document.getElementById('ev-code').textContent = item.cameo + ' ' + (item.cameo_root_label || item.cameo_label);
    document.getElementById('ev-mode').textContent = item.mode;
    document.getElementById('ev-gs').textContent = (item.goldstein > 0 ? '+' : '') + item.goldstein;
    document.getElementById('ev-text').textContent = item.evidence;
    document.getElementById('ev-link').setAttribute('href', item.url);
    panel.hidden = false;
    panel.dataset.event = item.id;
    panel.scrollIntoView({ block: 'nearest' });
  }

  function content(item) {
    // "who → what → whom" (the label starts with ✎ when corrected)
    const span = L.el('span', (item.date_source === 'narrative' ? '≈ ' : '') + item.label);
    span.title = item.label + '\n' + (item.date_display || item.date_text || item.date || '');
    span.dataset.date = item.date || '';
    return span;
  }

  function draw(data) {
    performance.mark('litopys:data');
    const container = document.getElementById('timeline');
    const byId = new Map();
    const items = data.items.map(function (it) {
      byId.set(it.id, it);
      const out = { id: it.id, group: it.group, start: it.start, type: it.type,
                    className: it.className, content: content(it) };
      if (it.end) out.end = it.end;
      return out;
    });
    // the most active actors (groups) first
    const activity = new Map();
    data.items.forEach(function (it) { activity.set(it.group, (activity.get(it.group) || 0) + 1); });
    const groups = data.groups.slice().sort(function (a, b) {
      return (activity.get(b.id) || 0) - (activity.get(a.id) || 0);
    }).map(function (g, i) {
      return { id: g.id, order: i, content: L.el('span', g.name + ' (' + (activity.get(g.id) || 0) + ')') };
    });
    // open on the chronicle's own period, not on today; a big chronicle opens on
    // its first FIRST_WINDOW events (drawing thousands at once takes seconds)
    const starts = data.items.map(function (it) { return Date.parse(it.start); })
      .sort(function (x, y) { return x - y; });
    let lo = starts.length ? starts[0] : Infinity;
    let hi = -Infinity;
    data.items.forEach(function (it) { hi = Math.max(hi, Date.parse(it.end || it.start)); });
    if (starts.length >= 20) {
      // zoom to where the events are: a few outliers (a 17th-century aside in a text
      // about the 1930s) must not shrink the rest to a sliver
      lo = starts[Math.floor(starts.length * 0.05)];
      hi = starts[Math.ceil(starts.length * 0.95) - 1];
    }
    if (starts.length > FIRST_WINDOW) hi = starts[FIRST_WINDOW - 1];
    const pad = Math.max((hi - lo) * 0.05, 30 * DAY);
    const options = {
      stack: true,
      showCurrentTime: false,
      orientation: 'top',
      zoomMin: DAY,
      zoomMax: 400 * 365 * DAY,
      maxHeight: '72vh',
      verticalScroll: true,
      zoomKey: 'ctrlKey',
      margin: { item: { horizontal: 2, vertical: 4 } },
      groupOrder: 'order',
      xss: { disabled: false },
    };
    if (isFinite(lo)) {
      options.start = new Date(lo - pad);
      options.end = new Date(hi + pad);
    }

    performance.mark('litopys:items');
    const timeline = new vis.Timeline(container, new vis.DataSet(items),
                                      new vis.DataSet(groups), options);
    performance.mark('litopys:created');
    let drawn = false;
    timeline.on('changed', function () {
      if (drawn) return;
      drawn = true;
      performance.mark('litopys:drawn');
      container.dataset.drawn = 'true';
    });
    timeline.on('select', function (props) {
      if (props.items.length) showEvidence(byId.get(props.items[0]));
    });
    let msg = data.items.length + ' events drawn';
    if (data.undated) msg += ', ' + data.undated + ' undated not drawn';
    if (data.truncated) msg += ' (first ' + (data.items.length + data.undated) + ' of ' + data.count + ')';
    if (starts.length > FIRST_WINDOW) msg += '; opened on the first ' + FIRST_WINDOW + ', ctrl+wheel to zoom out';
    L.setStatus(msg);
    container.dataset.ready = 'true';
    window.litopysTimeline = timeline;
  }

  L.fetchTwin().then(draw).catch(function (err) {
    L.setStatus('Could not load the timeline: ' + err.message);
  });
})();
