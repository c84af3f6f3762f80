/* Reader page: marks the sentence of #event-<id>; hover or click a span for details
 * (read from /documents/<id>.json). */
(function () {
  'use strict';
  const L = window.litopys;
  let data = null;

  function markFromHash() {
    document.querySelectorAll('.sent.marked').forEach(function (n) { n.classList.remove('marked'); });
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    const target = document.getElementById(id);
    if (!target) {
      // a long document is paged: ask the server for the page that shows this event
      const params = new URLSearchParams(window.location.search);
      if (id.startsWith('event-') && !params.has('event') && !params.has('page')) {
        window.location.replace('?event=' + encodeURIComponent(id.slice(6)) + '#' + id);
      }
      return;
    }
    const sentence = target.closest('.sent') || target;
    sentence.classList.add('marked');
    sentence.scrollIntoView({ block: 'center' });
  }

  function row(dl, term, value) {
    if (value === undefined || value === null || value === '') return;
    dl.appendChild(L.el('dt', term));
    dl.appendChild(L.el('dd', value));
  }

  function showInfo(mark) {
    const body = document.getElementById('info-body');
    body.replaceChildren();
    const dl = L.el('dl');
    if (data && mark.dataset.event) {
      const ev = data.events.find(function (e) { return e.local_id === mark.dataset.event; });
      if (ev) {
        row(dl, 'Event', ev.cameo + ' ' + ev.cameo_label);
        row(dl, 'Source', L.names(ev.source));
        row(dl, 'Target', L.names(ev.target));
        row(dl, 'Date', (ev.date_text ? ev.date_text + ' = ' : '') + (ev.date || 'undated') +
          (ev.date_source === 'narrative' ? ' (≈ з контексту)' : ''));
        row(dl, 'Mode', ev.mode);
        if (ev.confidence !== null && ev.confidence !== undefined) {
          row(dl, 'Confidence', Number(ev.confidence).toFixed(2) + ' (' + (ev.provenance || '?') + ')');
        }
        if (ev.corrected) row(dl, 'Corrected', '✎');
        row(dl, 'Goldstein', ev.goldstein);
      }
    }
    if (data && mark.dataset.entity) {
      const ent = data.entities.find(function (e) { return e.id === mark.dataset.entity; });
      if (ent) {
        row(dl, 'Entity', ent.name + ' (' + ent.type + ')');
        row(dl, 'Forms', ent.mentions.join(' · '));
        row(dl, 'Offices', ent.roles.join(' · '));
        if (ent.confidence !== null && ent.confidence !== undefined) {
          row(dl, 'Confidence', Number(ent.confidence).toFixed(2) + ' (' + (ent.provenance || '?') + ')');
        }
        const link = L.el('a', 'actor page');
        link.setAttribute('href', '/actors/' + encodeURIComponent(ent.id));
        dl.appendChild(L.el('dt', ''));
        const dd = L.el('dd');
        dd.appendChild(link);
        dl.appendChild(dd);
      }
    }
    if (mark.classList.contains('timex') && data) {
      const start = Number(mark.dataset.start);
      row(dl, 'Time', mark.title.split('\n').filter(function (l) { return l.indexOf('timex:') === 0; }).join(' ').replace('timex: ', ''));
    }
    body.appendChild(dl);
    document.querySelectorAll('mark.active').forEach(function (n) { n.classList.remove('active'); });
    mark.classList.add('active');
  }

  const text = document.getElementById('text');
  text.addEventListener('mouseover', function (e) {
    const mark = e.target.closest('mark');
    if (mark) showInfo(mark);
  });
  text.addEventListener('click', function (e) {
    const mark = e.target.closest('mark');
    if (mark) showInfo(mark);
  });
  window.addEventListener('hashchange', markFromHash);
  markFromHash();
  L.fetchTwin().then(function (d) { data = d; document.body.dataset.ready = 'true'; })
    .catch(function () { /* the page stays readable without the twin */ });
})();
