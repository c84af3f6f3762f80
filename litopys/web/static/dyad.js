/* Dyad page: Goldstein weight over time with Chart.js, from /dyad.json. */
(function () {
  'use strict';
  const L = window.litopys;

  function yearFraction(iso) {
    const d = new Date(iso + 'T00:00:00Z');
    const y = d.getUTCFullYear();
    const start = Date.UTC(y, 0, 1);
    const end = Date.UTC(y + 1, 0, 1);
    return y + (d.getTime() - start) / (end - start);
  }

  function point(s) {
    const mid = s.date_end && s.date_end !== s.date
      ? (yearFraction(s.date) + yearFraction(s.date_end)) / 2 : yearFraction(s.date);
    return { x: mid, y: s.goldstein, label: s.label, url: s.url };
  }

  function draw(data) {
    const canvas = document.getElementById('chart');
    const series = data.series;
    const dirs = [['a→b', data.a.name + ' → ' + data.b.name, 'triangle', 0],
                  ['b→a', data.b.name + ' → ' + data.a.name, 'triangle', 180],
                  ['mixed', 'mixed', 'circle', 0]];
    const datasets = [{
      type: 'line', label: 'all events', data: series.map(point),
      borderColor: '#9aa5ae', borderWidth: 1, pointRadius: 0, tension: 0.2, order: 2,
    }];
    dirs.forEach(function (d) {
      const pts = series.filter(function (s) { return s.direction === d[0]; }).map(point);
      if (!pts.length) return;
      datasets.push({
        type: 'scatter', label: d[1], data: pts, pointStyle: d[2], rotation: d[3],
        pointRadius: 7, pointHoverRadius: 9, order: 1,
        backgroundColor: pts.map(function (p) { return L.gsColour(p.y); }),
        borderColor: '#333', borderWidth: 1,
      });
    });
    const chart = new Chart(canvas, {
      data: { datasets: datasets },
      options: {
        maintainAspectRatio: false, animation: false, parsing: true,
        scales: {
          x: { type: 'linear', title: { display: true, text: 'year' },
               ticks: { callback: function (v) { return Number.isInteger(v) ? String(v) : ''; } } },
          y: { min: -10, max: 10, title: { display: true, text: 'Goldstein (conflict − / cooperation +)' } },
        },
        plugins: {
          tooltip: { callbacks: { label: function (ctx) { return ctx.raw.label || ''; } } },
        },
        onClick: function (evt, active) {
          if (!active.length) return;
          const p = datasets[active[0].datasetIndex].data[active[0].index];
          if (p && p.url) window.location.href = p.url;
        },
      },
    });
    L.setStatus(series.length + ' dated events');
    canvas.dataset.ready = 'true';
    window.litopysChart = chart;
  }

  L.fetchTwin().then(draw).catch(function (err) {
    L.setStatus('Could not load the chart: ' + err.message);
  });
})();
