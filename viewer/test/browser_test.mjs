// End-to-end browser test of the viewer in headless Chromium (Debian's chromium, driven by
// playwright-core): runs a scenario, serves it with `skyshield view`, loads the page and checks that
// the replay loads, that the entities shown are the run's (its sites, every threat that flew, every
// interceptor fired), that the timeline moves the clock when clicked, and that the console has no
// errors; saves a screenshot. Exit 77 (ctest: skipped) when Chromium or the built viewer is absent.
// Usage: node browser_test.mjs SKYSHIELD SCENARIO OUTDIR SCREENSHOT.png
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [skyshield, scenario, outdir, screenshot] = process.argv.slice(2);
if (!screenshot) {
  console.error('usage: node browser_test.mjs SKYSHIELD SCENARIO OUTDIR SCREENSHOT.png');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const skip = (why) => { console.log(`SKIPPED: ${why}`); process.exit(77); };
if (!existsSync(chromiumPath)) skip(`no Chromium at ${chromiumPath} (Debian package chromium; ./test.sh installs it)`);
if (!existsSync(join(here, '..', 'dist', 'index.html'))) skip('the viewer is not built (cd viewer && npm ci && npm run build; ./test.sh does)');
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  skip('playwright-core is not installed (cd viewer && npm ci)');
}

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

// The run.
const ran = spawnSync(skyshield, ['run', scenario, '--out', outdir], { encoding: 'utf8' });
if (ran.status !== 0) {
  console.error(ran.stdout, ran.stderr);
  process.exit(1);
}
const summary = JSON.parse(readFileSync(join(outdir, 'summary.json'), 'utf8'));
const flown = summary.threats.filter((t) => t.outcome !== 'not_launched').length;

// The server.
const server = spawn(skyshield, ['view', outdir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let text = '';
  server.stdout.on('data', (d) => {
    text += d;
    const m = text.match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (m) resolve(m[0]);
  });
  server.on('exit', (code) => reject(new Error(`skyshield view exited (${code}): ${text}`)));
  setTimeout(() => reject(new Error('skyshield view printed no URL')), 20000);
});

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  // WebGL without a GPU: SwiftShader, Chromium's software renderer.
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(url);
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
