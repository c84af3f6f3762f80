/* litopys: helpers shared by the page scripts.
 * Every page script reads only its page's JSON twin (body[data-json]) and
 * writes text with textContent, never innerHTML, so no stored text runs. */
(function () {
  'use strict';

  const GS_COLOURS = ['#b2182b', '#d6604d', '#f4a582', '#bdbdbd', '#92c5de', '#4393c3', '#2166ac'];

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function setStatus(text) {
    const node = document.getElementById('status');
    if (node) node.textContent = text;
  }

  function fetchTwin(url) {
    const target = url || document.body.dataset.json;
    return fetch(target, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) {
        return r.json().then(function (data) {
          if (!r.ok) throw new Error(data && data.error ? data.error : 'HTTP ' + r.status);
          return data;
        });
      });
  }

  /* Goldstein weight (-10..10) -> one of seven colours, conflict red to cooperation blue. */
  function gsColour(value) {
    const bucket = Math.max(-3, Math.min(3, Math.round((value / 10) * 3)));
    return GS_COLOURS[bucket + 3];
  }

  function names(parts) {
    return (parts || []).map(function (p) { return p.name; }).join(', ') || '—';
  }

  window.litopys = { el: el, setStatus: setStatus, fetchTwin: fetchTwin, gsColour: gsColour, names: names };
})();
