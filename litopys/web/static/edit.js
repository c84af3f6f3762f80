/* Corrections in the browser (litopys serve --edit; docs/TRUST.md).
 * Loaded only when the page carries <meta name="csrf-token">. In the reader: click an
 * event to change its type, participants, date or mode, or delete it; click an entity
 * to delete it, merge it into another, or link this mention to another entity; select
 * words to add an event. On the corrections page: undo. Every write is a same-origin
 * JSON POST with the CSRF token; the page reloads to show the corrected chronicle. */
(function () {
  'use strict';
  const L = window.litopys;
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (!meta) return;
  const token = meta.getAttribute('content');

  function post(url, body) {
    return fetch(url, {
      method: 'POST', credentials: 'same-origin', referrerPolicy: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token, Accept: 'application/json' },
      body: JSON.stringify(body || {}),
    }).then(function (r) {
      return r.json().then(function (d) {
        if (!r.ok) throw new Error(d && d.error ? d.error : 'HTTP ' + r.status);
        return d;
      });
    });
  }

  // -- the corrections page: undo -------------------------------------------------
  document.querySelectorAll('button.undo').forEach(function (button) {
    button.addEventListener('click', function () {
      button.disabled = true;
      post('/edit/corrections/' + encodeURIComponent(button.dataset.id) + '/undo', {})
        .then(function () { window.location.reload(); })
        .catch(function (e) { button.disabled = false; button.title = e.message; L.setStatus(e.message); });
    });
  });

  // -- the reader ---------------------------------------------------------------------
  const text = document.getElementById('text');
  const panel = document.getElementById('edit-panel');
  if (!text || !panel) return;
  const docId = decodeURIComponent((document.body.dataset.json.match(/^\/documents\/(.+)\.json$/) || ['', ''])[1]);
  const status = document.getElementById('edit-status');
  const evForm = document.getElementById('edit-event');
  const entForm = document.getElementById('edit-entity');
  const addButton = document.getElementById('add-event');
  let data = null;
  let current = null;   // {kind: 'event', ev} | {kind: 'add', start, end} | {kind: 'entity', ent, span}
  let selected = null;  // {start, end} of the selected words

  function send(kind, body) {
    status.textContent = 'Зберігаю…';
    post('/edit/documents/' + encodeURIComponent(docId) + '/' + kind, body)
      .then(function () { window.location.reload(); })
      .catch(function (e) { status.textContent = e.message; });
  }

  function offsetOf(node, offset) {
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function fill(select, chosen) {
    select.replaceChildren();
    data.entities.forEach(function (e) {
      const opt = L.el('option', e.name + ' (' + e.type + ')');
      opt.value = e.id;
      opt.selected = chosen.indexOf(e.id) >= 0;
      select.appendChild(opt);
    });
  }

  function chosen(select) {
    return Array.from(select.selectedOptions).map(function (o) { return o.value; });
  }

  function openEvent(ev, start, end) {
    current = ev ? { kind: 'event', ev: ev } : { kind: 'add', start: start, end: end };
    document.getElementById('edit-title').textContent = ev
      ? 'Виправити подію «' + ev.trigger + '»'
      : 'Нова подія «' + data.document.text.slice(start, end) + '»';
    evForm.elements.cameo.value = ev ? ev.cameo.slice(0, 2) : '04';
    fill(evForm.elements.source, ev ? ev.source.map(function (p) { return p.id; }) : []);
    fill(evForm.elements.target, ev ? ev.target.map(function (p) { return p.id; }) : []);
    evForm.elements.date.value = ev && ev.date ? ev.date : '';
    evForm.elements.mode.value = ev ? ev.mode : 'asserted';
    document.getElementById('edit-delete').hidden = !ev;
    showForm(evForm);
  }

  function showForm(form) {
    evForm.hidden = form !== evForm;
    entForm.hidden = form !== entForm;
    panel.hidden = false;
    status.textContent = '';
    panel.scrollIntoView({ block: 'nearest' });
  }

  function openEntity(ent, span) {
    current = { kind: 'entity', ent: ent, span: span };
    document.getElementById('edit-title').textContent = 'Виправити сутність «' + ent.name + '»';
    const others = data.entities.filter(function (e) { return e.id !== ent.id; });
    [entForm.elements.into, entForm.elements.link].forEach(function (select) {
      select.replaceChildren();
      others.forEach(function (e) {
        const opt = L.el('option', e.name + ' (' + e.type + ')');
        opt.value = e.id;
        select.appendChild(opt);
      });
    });
    document.getElementById('mention-link').disabled = !span;
    showForm(entForm);
  }

  text.addEventListener('click', function (e) {
    const mark = e.target.closest('mark');
    if (!mark || !data) return;
    if (mark.dataset.event) {
      const ev = data.events.find(function (x) { return x.local_id === mark.dataset.event; });
      if (ev) openEvent(ev);
    } else if (mark.dataset.entity) {
      const ent = data.entities.find(function (x) { return x.id === mark.dataset.entity; });
      if (!ent) return;
      const at = offsetOf(mark, 0);
      const span = ent.spans.find(function (s) { return s[0] <= at && at < s[1]; }) || null;
      openEntity(ent, span);
    }
  });

  document.addEventListener('selectionchange', function () {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount || !text.contains(sel.anchorNode)) return;
    const range = sel.getRangeAt(0);
    let start = offsetOf(range.startContainer, range.startOffset);
    let end = offsetOf(range.endContainer, range.endOffset);
    const whole = data ? data.document.text : '';
    while (start < end && /\s/.test(whole.charAt(start))) start += 1;
    while (end > start && /\s/.test(whole.charAt(end - 1))) end -= 1;
    selected = end > start ? { start: start, end: end } : null;
    addButton.hidden = !selected;
  });

  addButton.addEventListener('click', function () {
    if (selected) openEvent(null, selected.start, selected.end);
  });

  evForm.addEventListener('submit', function (e) {
    e.preventDefault();
    const f = evForm.elements;
    const values = {
      cameo: f.cameo.value, source: chosen(f.source), target: chosen(f.target),
      date: f.date.value.trim() || null, mode: f.mode.value,
    };
    if (current.kind === 'add') {
      send('event_add', Object.assign({ start: current.start, end: current.end }, values));
      return;
    }
    const ev = current.ev;
    const body = { event: ev.local_id };
    if (values.cameo !== ev.cameo.slice(0, 2)) body.cameo = values.cameo;
    if (values.mode !== ev.mode) body.mode = values.mode;
    if (values.date !== (ev.date || null)) body.date = values.date;
    const ids = function (ps) { return ps.map(function (p) { return p.id; }).join('|'); };
    if (values.source.join('|') !== ids(ev.source)) body.source = values.source;
    if (values.target.join('|') !== ids(ev.target)) body.target = values.target;
    if (Object.keys(body).length === 1) { status.textContent = 'Нічого не змінено.'; return; }
    send('event_update', body);
  });

  document.getElementById('edit-delete').addEventListener('click', function () {
    if (current && current.kind === 'event') send('event_delete', { event: current.ev.local_id });
  });
  document.getElementById('entity-delete').addEventListener('click', function () {
    if (current && current.kind === 'entity') send('entity_delete', { entity: current.ent.id });
  });
  document.getElementById('entity-merge').addEventListener('click', function () {
    if (current && current.kind === 'entity') {
      send('entity_merge', { entity: current.ent.id, into: entForm.elements.into.value });
    }
  });
  document.getElementById('mention-link').addEventListener('click', function () {
    if (current && current.kind === 'entity' && current.span) {
      send('mention_link', { start: current.span[0], end: current.span[1], entity: entForm.elements.link.value });
    }
  });

  L.fetchTwin().then(function (d) { data = d; panel.dataset.ready = 'true'; })
    .catch(function (e) { status.textContent = e.message; });
})();
