// End-to-end browser tests: headless Debian Chromium driven by playwright-core.
// Run by tests/web/test_browser.py, which builds the database, starts the server
// and passes LITOPYS_BASE_URL, LITOPYS_DOCS (JSON {name: id}) and LITOPYS_SHOTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.LITOPYS_BASE_URL;
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
    if (!r.url().startsWith(BASE) && !r.url().startsWith('data:')) problems.push(`request: ${r.url()}`);
  });
  return { page, problems };
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

test('timeline draws items; clicking the October 1935 event shows its evidence and the reader marks it', { skip: SKIP }, async () => {
  const { page, problems } = await watchedPage();
  const t0 = Date.now();
  await page.goto(`${BASE}/timeline`);
  await page.waitForSelector('#timeline[data-ready="true"] .vis-item');
  const items = await page.locator('#timeline .vis-item').count();
  assert.ok(items >= 6, `expected timeline items, got ${items}`);
  console.log(`timeline ready in ${Date.now() - t0} ms with ${items} items`);
  await shot(page, 'timeline');

  // filter by an actor through the shared filter form
  await page.fill('input[name="actor"]', 'Богомолов');
  await Promise.all([page.waitForNavigation(), page.click('form.filters button[type="submit"]')]);
  assert.match(page.url(), /actor=/);
  await page.waitForSelector('#timeline[data-ready="true"] .vis-item');
  assert.equal(await page.locator('#timeline .vis-item').count(), 1);
  await page.locator('#timeline .vis-item', { hasText: 'зустрівся' }).click();
  const panel = page.locator('#evidence');
  await panel.waitFor({ state: 'visible' });
  assert.match(await page.textContent('#ev-text'), /зустрівся з Чан Кайши/);
  assert.match(await page.textContent('#ev-date'), /жовтні 1935/);
  await shot(page, 'timeline-evidence');

  await Promise.all([page.waitForNavigation(), page.click('#ev-link')]);
  assert.match(page.url(), /\/documents\/[0-9a-f]+#event-e3$/);
  const marked = page.locator('.sent.marked');
  await marked.waitFor();
  assert.match(await marked.textContent(), /У жовтні 1935 р\. радянський повпред Богомолов зустрівся/);
  await shot(page, 'reader-marked');
  assert.deepEqual(problems, []);
  await page.close();
});

test('network draws actors; clicking one opens its page', { skip: SKIP }, async () => {
  const { page, problems } = await watchedPage();
  await page.goto(`${BASE}/network`);
  await page.waitForSelector('#network[data-ready="true"]');
  const n = await page.evaluate(() => window.litopysNetwork.nodes().length);
  assert.ok(n >= 6, `nodes: ${n}`);
  await shot(page, 'network');
  const pos = await page.evaluate(() => {
    const node = window.litopysNetwork.getElementById('Q15180');
    const box = document.getElementById('network').getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  });
  await Promise.all([page.waitForNavigation(), page.mouse.click(pos.x, pos.y)]);
  assert.match(decodeURIComponent(page.url()), /\/actors\/Q15180$/);
  assert.match(await page.textContent('h1'), /СРСР/);
  await shot(page, 'actor');
  assert.deepEqual(problems, []);
  await page.close();
});

test('dyad USSR–China draws its chart and events', { skip: SKIP }, async () => {
  const { page, problems } = await watchedPage();
  await page.goto(`${BASE}/dyad?a=Q15180&b=Q13426199`);
  await page.waitForSelector('#chart[data-ready="true"]');
  const points = await page.evaluate(() => window.litopysChart.data.datasets[0].data.length);
  assert.ok(points >= 3, `points: ${points}`);
  assert.ok(await page.locator('table.events tbody tr').count() >= 4);
  await shot(page, 'dyad');
  assert.deepEqual(problems, []);
  await page.close();
});

test('reader: hovering a span shows its canonical entity', { skip: SKIP }, async () => {
  const { page, problems } = await watchedPage();
  await page.goto(`${BASE}/documents/${DOCS.diplomacy}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.hover('mark[data-entity="Q15180"] >> nth=1');
  assert.match(await page.textContent('#info-body'), /СРСР \(GPE\)/);
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
    await page.goto(`${BASE}${p}`);
    await page.waitForLoadState('networkidle');
    const injected = await page.evaluate(() =>
      document.querySelectorAll('main img, main script, main iframe, [onerror], [onload]').length);
    assert.equal(injected, 0, `injected elements on ${p}`);
  }
  await page.goto(`${BASE}/documents/${DOCS.payload}`);
  assert.match(await page.textContent('#text'), /<script>alert\(1\)<\/script>/);
  await shot(page, 'payload-reader');
  await page.goto(`${BASE}/timeline?document=${DOCS.payload}`);
  await page.waitForSelector('#timeline[data-ready="true"] .vis-item');
  await page.locator('#timeline .vis-item').first().click();
  await page.locator('#evidence').waitFor({ state: 'visible' });
  assert.match(await page.textContent('#ev-title'), /<img src=x onerror=alert\(1\)>/);
  await shot(page, 'payload-timeline');
  assert.deepEqual(problems, []);
  await page.close();
});
