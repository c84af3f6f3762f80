// Corrections in Chromium (playwright-core, /usr/bin/chromium), run by
// tests/web/test_browser.py::test_browser_corrections in two phases over a copy of the
// seed store:
//   LITOPYS_EDIT_PHASE=edit   — correct an event's date and source in the reader of the
//       `serve --edit` server (LITOPYS_EDIT_URL), reload, see it marked; a cross-origin
//       POST (from the page of the other server, LITOPYS_NOEDIT_URL) is refused; the
//       server without --edit has no write route.
//   LITOPYS_EDIT_PHASE=verify — after `extract --refresh`: the correction is still there
//       and still marked, in the reader and on the timeline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const EDIT = process.env.LITOPYS_EDIT_URL;
const NOEDIT = process.env.LITOPYS_NOEDIT_URL;
const PHASE = process.env.LITOPYS_EDIT_PHASE || 'edit';
const STATE = process.env.LITOPYS_EDIT_STATE;  // a JSON file passing the chosen event on
const SHOTS = process.env.LITOPYS_SHOTS || 'browser-shots';
const CHROMIUM = process.env.LITOPYS_CHROMIUM || '/usr/bin/chromium';
const SKIP = !EDIT || !NOEDIT || !STATE ? 'run through tests/web/test_browser.py'
  : !existsSync(CHROMIUM) ? `${CHROMIUM} missing` : false;
const NEW_DATE = '1936-02';

let browser;
before(async () => {
  if (SKIP) return;
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
});
after(async () => { if (browser) await browser.close(); });

async function watchedPage() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  return { page, problems };
}

async function docId(page) {
  const index = await (await page.request.get(`${EDIT}/index.json`)).json();
  return index.documents[0].id;
}

test(`corrections in the reader (${PHASE})`, { skip: SKIP }, async () => {
  const { page, problems } = await watchedPage();
  const id = await docId(page);
  if (PHASE === 'edit') {
    const twin = await (await page.request.get(`${EDIT}/documents/${id}.json`)).json();
    const ev = twin.events.find((e) => e.date && e.source.length && e.date !== NEW_DATE);
    const other = twin.entities.find((e) => !ev.source.some((p) => p.id === e.id));
    writeFileSync(STATE, JSON.stringify({ local_id: ev.local_id, start: ev.start, source: other.id }));

    await page.goto(`${EDIT}/documents/${id}`);
    await page.waitForSelector('#edit-panel[data-ready="true"]', { state: 'attached' });
    await page.click(`mark[data-event="${ev.local_id}"] >> nth=0`);
    await page.locator('#edit-event').waitFor({ state: 'visible' });
    await page.fill('#edit-event input[name="date"]', NEW_DATE);
    await page.selectOption('#edit-event select[name="source"]', [other.id]);
    await Promise.all([page.waitForNavigation(), page.click('#edit-save')]);
    await page.reload();
    const mark = page.locator(`mark[data-event="${ev.local_id}"] >> nth=0`);
    assert.match(await mark.getAttribute('class'), /\bcorrected\b/);
    assert.match(await mark.getAttribute('title'), new RegExp(`${NEW_DATE}.*corrected`, 's'));
    await page.screenshot({ path: join(SHOTS, 'reader-corrected.png'), fullPage: true });

    // a page of another origin posts to the edit server: refused, nothing changes
    await page.goto(`${NOEDIT}/`);
    const token = await (async () => {
      const html = await (await page.request.get(`${EDIT}/documents/${id}`)).text();
      return html.match(/name="csrf-token" content="([^"]+)"/)[1];
    })();
    const outcome = await page.evaluate(async ([url, tok]) => {
      const out = [];
      try {
        const r = await fetch(url, { method: 'POST', mode: 'no-cors', body: '{"event": "e1"}',
          headers: { 'content-type': 'text/plain' } });
        out.push(`no-cors:${r.type}`);
      } catch (e) { out.push(`no-cors:error`); }
      try {
        const r = await fetch(url, { method: 'POST', body: '{"event": "e1"}',
          headers: { 'content-type': 'application/json', 'x-csrf-token': tok } });
        out.push(`cors:${r.status}`);
      } catch (e) { out.push('cors:blocked'); }
      return out;
    }, [`${EDIT}/edit/documents/${id}/event_delete`, token]);
    assert.equal(outcome[1], 'cors:blocked', outcome.join(' '));
    const direct = await page.request.post(`${EDIT}/edit/documents/${id}/event_delete`, {
      data: { event: 'e1' }, headers: { origin: NOEDIT, 'x-csrf-token': token } });
    assert.equal(direct.status(), 403);
    const after = await (await page.request.get(`${EDIT}/documents/${id}.json`)).json();
    assert.ok(after.events.some((e) => e.local_id === 'e1'), 'e1 must survive the cross-origin posts');
    // the server without --edit has no write route at all
    for (const kind of ['event_update', 'event_delete', 'event_add', 'entity_delete', 'entity_merge', 'mention_link']) {
      const r = await page.request.post(`${NOEDIT}/edit/documents/${id}/${kind}`, {
        data: { event: 'e1', mode: 'negated' }, headers: { origin: NOEDIT, 'x-csrf-token': token } });
      assert.ok([404, 405].includes(r.status()), `${kind}: ${r.status()}`);
    }
    const list = await (await page.request.get(`${EDIT}/corrections.json`)).json();
    assert.equal(list.count, 1);
  } else {
    const state = JSON.parse(readFileSync(STATE, 'utf-8'));
    await page.goto(`${EDIT}/documents/${id}`);
    await page.waitForSelector('#edit-panel[data-ready="true"]', { state: 'attached' });
    const mark = page.locator(`mark[data-event="${state.local_id}"] >> nth=0`);
    assert.match(await mark.getAttribute('class'), /\bcorrected\b/);
    const twin = await (await page.request.get(`${EDIT}/documents/${id}.json`)).json();
    const ev = twin.events.find((e) => e.local_id === state.local_id);
    assert.equal(ev.start, state.start);
    assert.equal(ev.date, NEW_DATE);
    assert.deepEqual(ev.source.map((p) => p.id), [state.source]);
    const timeline = await (await page.request.get(`${EDIT}/timeline.json?date_source=human`)).json();
    assert.equal(timeline.items.length, 1);
    assert.ok(timeline.items[0].corrected && timeline.items[0].confidence === 1);
    await page.goto(`${EDIT}/corrections`);
    assert.equal(await page.locator('table.corrections tbody tr.active').count(), 1);
    await page.screenshot({ path: join(SHOTS, 'corrections.png'), fullPage: true });
    // undo in the browser: the machine's value and no mark come back
    await Promise.all([page.waitForNavigation(), page.click('button.undo')]);
    assert.equal(await page.locator('table.corrections tbody tr.undone').count(), 1);
    const back = (await (await page.request.get(`${EDIT}/documents/${id}.json`)).json())
      .events.find((e) => e.local_id === state.local_id);
    assert.notEqual(back.date, NEW_DATE);
    assert.ok(!back.corrected);
  }
  assert.deepEqual(problems, []);
  await page.close();
});
