// Times the timeline page in headless Chromium: run by tests/web/test_timeline_speed.py
// with LITOPYS_BASE_URL over a store of 10,000 events. Prints one JSON line per run:
// first-contentful-paint (the page), data (the twin parsed), created (vis-timeline
// built) and items (the first items on screen), all in ms from navigation start.
import { chromium } from 'playwright-core';

const BASE = process.env.LITOPYS_BASE_URL;
const RUNS = Number(process.env.LITOPYS_RUNS || 3);
const browser = await chromium.launch({
  executablePath: process.env.LITOPYS_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  for (let r = 0; r < RUNS; r++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${BASE}/timeline`);
    await page.waitForSelector('#timeline[data-ready="true"] .vis-item', { timeout: 120000 });
    // the frame that shows the items
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));
    const m = await page.evaluate(() => {
      const at = (name) => {
        const e = performance.getEntriesByName(name)[0];
        return e ? Math.round(e.startTime) : null;
      };
      return {
        fcp: at('first-contentful-paint'), data: at('litopys:data'),
        created: at('litopys:created'), items: Math.round(performance.now()),
        in_view: document.querySelectorAll('#timeline .vis-item').length,
        total: window.litopysTimeline.itemsData.length,
      };
    });
    const t = Date.now();
    await page.evaluate(() => new Promise((ok) => {
      window.litopysTimeline.zoomOut(0.5, { animation: false });
      requestAnimationFrame(() => setTimeout(ok, 0));
    }));
    m.zoom_out = Date.now() - t;
    console.log(JSON.stringify(m));
    await page.close();
  }
} finally {
  await browser.close();
}
