// Stored XSS (issue 27): a run whose names are markup, as a shared scenario or a doctored output folder
// can make them, must show as text. Runs a scenario, rewrites its outputs so that every event's entity,
// a layer name and a threat's CZML name and description are `<img src=x onerror=...>`, serves them with
// `skyshield view` and checks in headless Chromium that the side panel shows the names literally and
// holds no element made from them, and that no handler ran, neither in the page nor in Cesium's info
// box (a sandboxed iframe without scripts). Exit 77 (ctest: skipped) when Chromium or the viewer is absent.
// Usage: node hostile_names_test.mjs SKYSHIELD SCENARIO OUTDIR
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checker, launchBrowser, requireBrowser, runScenario, startServer } from './harness.mjs';

const [skyshield, scenario, outdir] = process.argv.slice(2);
if (!outdir) {
  console.error('usage: node hostile_names_test.mjs SKYSHIELD SCENARIO OUTDIR');
  process.exit(2);
}
const chromium = await requireBrowser();
const { check, failures } = checker();
const HOSTILE = '<img src=x onerror=top.__pwned=(top.__pwned||0)+1>';  // no comma or quote: a plain CSV cell

runScenario(skyshield, scenario, outdir);
// events.csv: every row's entity (the panel's bold name) and detail.
const [head, ...rows] = readFileSync(join(outdir, 'events.csv'), 'utf8').split('\n');
const columns = head.split(',');
const entity = columns.indexOf('entity');
if (entity < 0 || rows.length < 2) throw new Error(`events.csv has no entity column or no events: ${head}`);
writeFileSync(join(outdir, 'events.csv'), [head, ...rows.map((r) => {
  if (!r) return r;
  const cells = r.split(',');  // the first columns hold no quoted commas (t_s, event, entity)
  cells[entity] = HOSTILE;
  return cells.join(',');
})].join('\n'));
// summary.json: a layer named with markup.
const summary = JSON.parse(readFileSync(join(outdir, 'summary.json'), 'utf8'));
summary.layers.push(HOSTILE);
summary.total.killed_by_layer[HOSTILE] = 1;
writeFileSync(join(outdir, 'summary.json'), JSON.stringify(summary));
// replay.czml: a threat's name and its info-box description.
const czml = JSON.parse(readFileSync(join(outdir, 'replay.czml'), 'utf8'));
const threat = czml.find((p) => p.properties?.category === 'threat');
if (!threat) throw new Error('replay.czml has no threat');
threat.name = HOSTILE;
threat.description = `<p>${HOSTILE}</p>`;
writeFileSync(join(outdir, 'replay.czml'), JSON.stringify(czml));

const { server, url } = await startServer(skyshield, outdir);
const browser = await launchBrowser(chromium);
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
  await page.goto(url);
  await page.waitForFunction(() => window.skyshield?.ready || window.skyshield?.error, null, { timeout: 180000 });
  check(!(await page.evaluate(() => window.skyshield.error)), 'the doctored replay loads');
  // The panel: built synchronously before `ready`, so these need no waiting.
  const panel = await page.evaluate((hostile) => {
    const events = document.getElementById('events'), summary = document.getElementById('summary');
    document.getElementById('all-events').click();  // every event, not only the main ones
    return {
      images: document.querySelectorAll('#panel img').length,
      bold: [...events.querySelectorAll('li b')].map((b) => b.textContent),
      summaryHasText: summary.textContent.includes(`by ${hostile}`),
      summaryCells: summary.querySelectorAll('td').length,
    };
  }, HOSTILE);
  check(panel.images === 0, `no element made from a name in the side panel (${panel.images} <img>)`);
  check(panel.bold.length > 0 && panel.bold.every((t) => t === HOSTILE),
    `every event shows the entity name as text (${panel.bold.length} events)`);
  check(panel.summaryHasText, 'the summary shows the layer name as text');
  // The info box: select the threat; Cesium writes its description into a sandboxed iframe.
  await page.evaluate((hostile) => {
    const s = window.skyshield;
    s.viewer.selectedEntity = s.dataSource.entities.values.find((e) => e.name === hostile);
  }, HOSTILE);
  const frame = page.frameLocator('iframe.cesium-infoBox-iframe');
  await frame.locator('img').first().waitFor({ state: 'attached', timeout: 60000 });
  const sandbox = await page.locator('iframe.cesium-infoBox-iframe').getAttribute('sandbox');
  check(sandbox !== null && !sandbox.includes('allow-scripts'), `the info box iframe runs no script (sandbox="${sandbox}")`);
  // Wait until that image has failed to load (its onerror would have run by then), then look.
  await frame.locator('img').first().evaluate((img) => img.complete || new Promise((done) => {
    img.addEventListener('error', done);
    img.addEventListener('load', done);
  }));
  const pwned = await page.evaluate(() => window.__pwned ?? 0);
  check(pwned === 0, `no onerror handler ran (${pwned} ran)`);
} finally {
  await browser.close();
  server.kill('SIGINT');
}
process.exit(failures.length ? 1 : 0);
