// End-to-end browser test of the viewer in headless Chromium (Debian's chromium, driven by
// playwright-core): runs a scenario, serves it with `skyshield view`, loads the page and checks that
// the replay loads, that the entities shown are the run's (its sites, every threat that flew, every
// interceptor fired), that the timeline moves the clock when clicked, and that the console has no
// errors; saves a screenshot. Exit 77 (ctest: skipped) when Chromium or the built viewer is absent.
// Usage: node browser_test.mjs SKYSHIELD SCENARIO OUTDIR SCREENSHOT.png
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checker, launchBrowser, requireBrowser, runScenario, startServer } from './harness.mjs';

const [skyshield, scenario, outdir, screenshot] = process.argv.slice(2);
if (!screenshot) {
  console.error('usage: node browser_test.mjs SKYSHIELD SCENARIO OUTDIR SCREENSHOT.png');
  process.exit(2);
}
const chromium = await requireBrowser();
const { check, failures } = checker();

// The run.
runScenario(skyshield, scenario, outdir);
const summary = JSON.parse(readFileSync(join(outdir, 'summary.json'), 'utf8'));
const flown = summary.threats.filter((t) => t.outcome !== 'not_launched').length;

// The server.
const { server, url } = await startServer(skyshield, outdir);

const browser = await launchBrowser(chromium);
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  const cesiumJs = page.waitForResponse((r) => r.url().endsWith('/cesium/Cesium.js'));
  const index = await page.goto(url);
  check(/default-src 'self'/.test(index.headers()['content-security-policy'] ?? ''), 'the page comes with a Content-Security-Policy');
  const cesiumHeaders = await (await cesiumJs).allHeaders();
  check(cesiumHeaders['content-encoding'] === 'gzip',
    `Cesium.js comes gzip-compressed (${cesiumHeaders['content-length'] ?? '?'} bytes on the wire)`);
  await page.waitForFunction(() => window.skyshield?.ready || window.skyshield?.error, null, { timeout: 180000 });
  const state = await page.evaluate(() => ({ error: window.skyshield.error, entities: window.skyshield.entities,
    counts: window.skyshield.counts }));
  check(!state.error, `the replay loads${state.error ? ': ' + state.error : ''}`);
  const czml = JSON.parse(readFileSync(join(outdir, 'replay.czml'), 'utf8'));
  check(state.entities === czml.length - 1, `entities shown = CZML packets (${state.entities} = ${czml.length - 1})`);
  const sites = summary ? czml.filter((p) => p.properties?.category === 'site').length : 0;
  check(state.counts.site === sites && sites > 0, `sites shown: ${state.counts.site}`);
  check(state.counts.threat === flown, `threats shown = threats that flew in the run (${state.counts.threat} = ${flown})`);
  check(state.counts.interceptor === summary.interceptors.fired,
    `interceptors shown = interceptors fired (${state.counts.interceptor} = ${summary.interceptors.fired})`);

  // The timeline: a click half-way along it moves the clock there.
  const bar = await page.locator('.cesium-timeline-bar').boundingBox();
  await page.mouse.click(bar.x + bar.width * 0.5, bar.y + bar.height / 2);
  const moved = await page.evaluate(() => {
    const v = window.skyshield.viewer, ds = window.skyshield.dataSource;
    const t = window.Cesium.JulianDate.secondsDifference(v.clock.currentTime, v.clock.startTime);
    const span = window.Cesium.JulianDate.secondsDifference(v.clock.stopTime, v.clock.startTime);
    const flying = ds.entities.values.filter((e) => e.properties?.category?.getValue() !== 'site' &&
      e.isAvailable(v.clock.currentTime) && e.position?.getValue(v.clock.currentTime)).length;
    return { t, span, flying };
  });
  check(moved.t > 0.3 * moved.span && moved.t < 0.7 * moved.span,
    `a click at the timeline's middle moves the clock to ${moved.t.toFixed(0)} s of ${moved.span.toFixed(0)} s`);
  // For the picture: the moment with the most threats and interceptors in flight.
  const busiest = await page.evaluate(() => {
    const C = window.Cesium, v = window.skyshield.viewer, ds = window.skyshield.dataSource;
    const moving = ds.entities.values.filter((e) => ['threat', 'interceptor'].includes(e.properties?.category?.getValue()));
    const span = C.JulianDate.secondsDifference(v.clock.stopTime, v.clock.startTime);
    let best = 0, bestCount = -1;
    for (let s = 0; s <= span; s += 5) {
      const t = C.JulianDate.addSeconds(v.clock.startTime, s, new C.JulianDate());
      const n = moving.filter((e) => e.isAvailable(t)).length;
      if (n > bestCount) { best = s; bestCount = n; }
    }
    v.clock.currentTime = C.JulianDate.addSeconds(v.clock.startTime, best, new C.JulianDate());
    return { at: best, count: bestCount };
  });
  console.log(`picture at ${busiest.at} s: ${busiest.count} objects in flight`);
  await page.waitForTimeout(4000);  // let the imagery and the frame render
  mkdirSync(dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot });
  console.log(`screenshot: ${screenshot}; ${moved.flying} objects in flight at the timeline's middle`);
  check(errors.length === 0, `no console errors${errors.length ? ':\n  ' + errors.join('\n  ') : ''}`);
} finally {
  await browser.close();
  server.kill('SIGINT');
}
process.exit(failures.length ? 1 : 0);
