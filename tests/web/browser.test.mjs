// End-to-end browser tests: headless Debian Chromium driven by playwright-core.
// Run by tests/web/test_browser.py, which starts two servers and passes
// LITOPYS_BASE_URL (over the store the pipeline made from the seed text),
// LITOPYS_FIXTURE_URL (over the hand-built store with script payloads),
// LITOPYS_DOCS (JSON {name: id} of the hand-built documents) and LITOPYS_SHOTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.LITOPYS_BASE_URL;
const FIXTURE = process.env.LITOPYS_FIXTURE_URL || BASE;
const DOCS = JSON.parse(process.env.LITOPYS_DOCS || '{}');
const SHOTS = process.env.LITOPYS_SHOTS || 'browser-shots';
const CHROMIUM = process.env.LITOPYS_CHROMIUM || '/usr/bin/chromium';
const SKIP = !BASE ? 'LITOPYS_BASE_URL not set (run through tests/web/test_browser.py)'
  : !existsSync(CHROMIUM) ? `${CHROMIUM} missing (apt-get install chromium)` : false;

let browser;

before(async () => {
  if (SKIP) return;
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => { if (browser) await browser.close(); });

/* A page that records dialogs, console errors, page errors and non-local requests. */
async function watchedPage() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(BASE) && !url.startsWith(FIXTURE) && !url.startsWith('data:')) problems.push(`request: ${r.url()}`);
  });
  return { page, problems };
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

test('seed timeline: clicking the October 1935 event shows its evidence and the reader marks it', { skip: SKIP }, async () => {
  const { page, problems } = await watchedPage();
  const t0 = Date.now();
  await page.goto(`${BASE}/timeline`);
  await page.waitForSelector('#timeline[data-ready="true"] .vis-item');
  const twin = await (await page.request.get(`${BASE}/timeline.json`)).json();
  const items = await page.evaluate(() => window.litopysTimeline.itemsData.length);
  assert.equal(items, twin.items.length, 'one timeline item per dated event');
  assert.ok(items >= 20, `expected the seed's events, got ${items}`);
  const drawn = await page.locator('#timeline .vis-item .vis-item-content > span').count();
  assert.ok(drawn >= 15, `drawn (the groups in view): ${drawn}`);
  console.log(`timeline ready in ${Date.now() - t0} ms with ${items} items, ${drawn} in view`);
  await shot(page, 'timeline');

  // the October 1935 event, found by its date and actors as the page shows them; the
  // actor rows are ordered by activity, so bring its row into view first
  const target = twin.items.find((it) => it.date && it.date.startsWith('1935-10') && /Богомолов/.test(it.label) && /Чан Кай/.test(it.label));
  assert.ok(target, 'the October 1935 event is in timeline.json');
  await page.evaluate((id) => window.litopysTimeline.focus(id, { animation: false }), target.id);
  await page.waitForSelector('#timeline span[data-date^="1935-10"][title*="Богомолов"]');
  const october = page.locator('#timeline .vis-item')
    .filter({ has: page.locator('span[data-date^="1935-10"][title*="Богомолов"][title*="Чан Кай"]') });
  assert.equal(await october.count(), 1);
  await october.click();
  await page.locator('#evidence').waitFor({ state: 'visible' });
  assert.match(await page.textContent('#ev-date'), /[Жж]овт\S* 1935/);
  assert.match(await page.textContent('#ev-text'), /зустріч радянського повпреда Д\. В\. Богомолова з Чан Кайши/);
  await shot(page, 'timeline-evidence');

  await Promise.all([page.waitForNavigation(), page.click('#ev-link')]);
  const m = page.url().match(/\/documents\/[0-9a-f]+#(event-e\d+)$/);
  assert.ok(m, page.url());
  const marked = page.locator('.sent.marked');
  await marked.waitFor();
  assert.equal(await marked.count(), 1);
  assert.match(await marked.textContent(), /^Жовтень 1935р\. відбулася конфіденційна зустріч/);
  assert.equal(await marked.locator(`#${m[1]}`).count(), 1, 'the marked sentence holds the event');
  await shot(page, 'reader-marked');
  assert.deepEqual(problems, []);
  await page.close();
});

test('seed timeline: filtering by an actor keeps only its events', { skip: SKIP }, async () => {
  const { page, problems } = await watchedPage();
  await page.goto(`${BASE}/timeline`);
  await page.waitForSelector('#timeline[data-ready="true"] .vis-item');
  await page.fill('input[name="actor"]', 'Литвинов');
  await Promise.all([page.waitForNavigation(), page.click('form.filters button[type="submit"]')]);
  assert.match(decodeURIComponent(page.url()), /actor=Литвинов/);
  await page.waitForSelector('#timeline[data-ready="true"] .vis-item');
  const titles = await page.locator('#timeline .vis-item .vis-item-content > span')
    .evaluateAll((spans) => spans.map((s) => s.title));
  const twin = await (await page.request.get(`${BASE}/timeline.json?actor=${encodeURIComponent('Литвинов')}`)).json();
  assert.ok(titles.length >= 2, `items: ${titles.length}`);
  assert.equal(titles.length, twin.items.length);
  for (const t of titles) assert.match(t, /Литвинов/);
  await shot(page, 'timeline-litvinov');
  assert.deepEqual(problems, []);
  await page.close();
});

test('seed network draws actors; clicking one opens its page', { skip: SKIP }, async () => {
  const { page, problems } = await watchedPage();
  // persons on demand: every actor
  await page.goto(`${BASE}/network?level=person`);
  await page.waitForSelector('#network[data-ready="true"]');
  const all = await page.evaluate(() => window.litopysNetwork.nodes().length);
  assert.ok(all >= 10, `nodes: ${all}`);
  assert.ok(await page.evaluate(() => window.litopysNetwork.getElementById('litvinov').length === 1));
  // by default the polities: fewer nodes, no persons, persons' links added to their state's
  await page.goto(`${BASE}/network`);
  await page.waitForSelector('#network[data-ready="true"]');
  const n = await page.evaluate(() => window.litopysNetwork.nodes().length);
  assert.ok(n >= 5 && n < all, `polity nodes: ${n} of ${all}`);
  assert.equal(await page.evaluate(() => window.litopysNetwork.nodes('[type = "PERSON"]').length), 0);
  assert.match(await page.textContent('#status'), /persons counted for their polity/);
  await shot(page, 'network');
  const pos = await page.evaluate(() => {
    const node = window.litopysNetwork.getElementById('ussr');
    const box = document.getElementById('network').getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  });
  await Promise.all([page.waitForNavigation(), page.mouse.click(pos.x, pos.y)]);
  assert.match(decodeURIComponent(page.url()), /\/actors\/ussr$/);
  assert.match(await page.textContent('h1'), /Радянський Союз/);
  await shot(page, 'actor');
  assert.deepEqual(problems, []);
  await page.close();
});

test('seed dyad USSR–China draws its chart and events', { skip: SKIP }, async () => {
  const { page, problems } = await watchedPage();
  await page.goto(`${BASE}/dyad?a=ussr&b=chn`);
  await page.waitForSelector('#chart[data-ready="true"]');
  const twin = await (await page.request.get(`${BASE}/dyad.json?a=ussr&b=chn`)).json();
  const points = await page.evaluate(() => window.litopysChart.data.datasets[0].data.length);
  assert.ok(points >= 5, `points: ${points}`);
  assert.equal(points, twin.series.length);
  const rows = await page.locator('table.events tbody tr').count();
  assert.ok(rows >= 5, `rows: ${rows}`);
  assert.match(await page.locator('table.events tbody').textContent(), /1935/);
  await shot(page, 'dyad');
  assert.deepEqual(problems, []);
  await page.close();
});

test('seed reader: hovering a span shows its canonical entity', { skip: SKIP }, async () => {
  const { page, problems } = await watchedPage();
  const index = await (await page.request.get(`${BASE}/index.json`)).json();
  await page.goto(`${BASE}/documents/${index.documents[0].id}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.hover('mark[data-entity="ussr"] >> nth=1');
  assert.match(await page.textContent('#info-body'), /Радянський Союз \(GPE\)/);
  await shot(page, 'reader');
  assert.deepEqual(problems, []);
  await page.close();
});

test('script payloads in a document and entity names never run', { skip: SKIP }, async () => {
  const { page, problems } = await watchedPage();
  const paths = [
    `/documents/${DOCS.payload}`, `/documents/${DOCS.payload}#event-e1`, '/', '/search',
    '/timeline', '/network', '/actors/evil:script', `/actors/${encodeURIComponent('evil:"><img src=x onerror=alert(1)>')}`,
    '/search?actor=%3Cscript%3Ealert(1)%3C/script%3E', '/dyad?a=Q13426199&b=evil:script',
  ];
  for (const p of paths) {
    await page.goto(`${FIXTURE}${p}`);
    await page.waitForLoadState('networkidle');
    const injected = await page.evaluate(() =>
      document.querySelectorAll('main img, main script, main iframe, [onerror], [onload]').length);
    assert.equal(injected, 0, `injected elements on ${p}`);
  }
  await page.goto(`${FIXTURE}/documents/${DOCS.payload}`);
  assert.match(await page.textContent('#text'), /<script>alert\(1\)<\/script>/);
  await shot(page, 'payload-reader');
  await page.goto(`${FIXTURE}/timeline?document=${DOCS.payload}`);
  await page.waitForSelector('#timeline[data-ready="true"] .vis-item');
  await page.locator('#timeline .vis-item').first().click();
  await page.locator('#evidence').waitFor({ state: 'visible' });
  assert.match(await page.textContent('#ev-title'), /<img src=x onerror=alert\(1\)>/);
  await shot(page, 'payload-timeline');
  assert.deepEqual(problems, []);
  await page.close();
});
