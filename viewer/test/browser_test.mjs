// End-to-end browser test of the viewer in headless Chromium (Debian's chromium, driven by
// playwright-core): runs a scenario (with its detections, then `skyshield track` on them for the
// tracks layer), serves it with `skyshield view`, loads the page and checks that the entities shown
// are the run's, that the layers a trainer needs are there (labels, interceptor-to-target lines,
// radar domes, tracks against truth), that the clock reads mission seconds, that the event list
// follows the clock, that the filters hide what they name, that 2-D mode keeps the framing, that the
// scale bar shows a round distance, and that the console has no errors; prints where the load time
// goes and saves screenshots at three moments (first launch, busiest, last launch).
// Exit 77 (ctest: skipped) when Chromium or the built viewer is absent.
// Usage: node browser_test.mjs SKYSHIELD SCENARIO OUTDIR SCREENSHOT.png  (also SCREENSHOT-early.png, -late.png)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checker, launchBrowser, requireBrowser, runScenario, startServer } from './harness.mjs';
import { parseCsv } from '../src/csv.js';

const [skyshield, scenario, outdir, screenshot] = process.argv.slice(2);
if (!screenshot) {
  console.error('usage: node browser_test.mjs SKYSHIELD SCENARIO OUTDIR SCREENSHOT.png');
  process.exit(2);
}
const chromium = await requireBrowser();
const { check, failures } = checker();

// The run, and the tracker on its detections (tracks.csv beside the run's outputs).
runScenario(skyshield, scenario, outdir, ['--detections']);
const tracked = spawnSync(skyshield, ['track', join(outdir, 'detections.csv'), '--truth', join(outdir, 'truth.csv'), '--out', outdir],
  { encoding: 'utf8' });
if (tracked.status !== 0) {
  console.error(tracked.stdout, tracked.stderr);
  process.exit(1);
}
const summary = JSON.parse(readFileSync(join(outdir, 'summary.json'), 'utf8'));
const flown = summary.threats.filter((t) => t.outcome !== 'not_launched').length;
const czml = JSON.parse(readFileSync(join(outdir, 'replay.czml'), 'utf8'));
const trackIds = new Set(parseCsv(readFileSync(join(outdir, 'tracks.csv'), 'utf8')).map((r) => r.track));
const threatIds = new Set(czml.filter((p) => p.properties?.category === 'threat').map((p) => p.id));
const withLine = czml.filter((p) => p.properties?.category === 'interceptor' && threatIds.has(`threat/${p.properties.target}`)).length;
const radars = czml.filter((p) => p.properties?.category === 'site' && p.properties.kind === 'radar').length;

// The server.
const { server, url } = await startServer(skyshield, outdir);

const browser = await launchBrowser(chromium);
const window2D = 2;  // Cesium.SceneMode.SCENE2D
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  const cesiumJs = page.waitForResponse((r) => r.url().endsWith('/cesium/Cesium.js'));
  const t0 = Date.now();
  const index = await page.goto(url);
  check(/default-src 'self'/.test(index.headers()['content-security-policy'] ?? ''), 'the page comes with a Content-Security-Policy');
  const cesiumHeaders = await (await cesiumJs).allHeaders();
  check(cesiumHeaders['content-encoding'] === 'gzip',
    `Cesium.js comes gzip-compressed (${cesiumHeaders['content-length'] ?? '?'} bytes on the wire)`);
  await page.waitForFunction(() => window.skyshield?.ready || window.skyshield?.error, null, { timeout: 180000 });
  const loadMs = Date.now() - t0;
  await page.waitForFunction(() => window.skyshield?.timings?.firstFrame || window.skyshield?.error, null, { timeout: 60000 })
    .catch(() => console.log('(no first-frame timing from the page)'));
  const state = await page.evaluate(() => ({ error: window.skyshield.error, entities: window.skyshield.entities,
    counts: window.skyshield.counts, timings: window.skyshield.timings, filters: window.skyshield.filters,
    stacked: window.skyshield.stacked }));
  console.log(`load: page.goto -> ready ${loadMs} ms; in the page (ms since navigation): ${JSON.stringify(state.timings)}`);
  check(!state.error, `the replay loads${state.error ? ': ' + state.error : ''}`);
  check(state.entities === czml.length - 1, `entities shown = CZML packets (${state.entities} = ${czml.length - 1})`);
  const sites = czml.filter((p) => p.properties?.category === 'site').length;
  check(state.counts.site === sites && sites > 0, `sites shown: ${state.counts.site}`);
  check(state.counts.threat === flown, `threats shown = threats that flew in the run (${state.counts.threat} = ${flown})`);
  check(state.counts.interceptor === summary.interceptors.fired,
    `interceptors shown = interceptors fired (${state.counts.interceptor} = ${summary.interceptors.fired})`);
  check(state.counts.labelled === state.counts.threat + state.counts.interceptor,
    `every threat and interceptor is labelled (${state.counts.labelled})`);
  check(state.stacked > 0, `co-located site labels are stacked apart (${state.stacked} moved)`);
  check(state.counts.lines === withLine && withLine > 0,
    `one interceptor-to-target line per interceptor fired at a threat that flew (${state.counts.lines} = ${withLine})`);
  check(state.counts.domes === radars && radars > 0, `one coverage dome per radar (${state.counts.domes} = ${radars})`);
  check(state.counts.tracks === trackIds.size && trackIds.size > 0, `tracks shown = tracks in tracks.csv (${state.counts.tracks} = ${trackIds.size})`);

  // The clock and the timeline read mission seconds, not a calendar date.
  const labels = await page.evaluate(() => ({
    clock: window.skyshield.clockLabel(),
    ticks: [...document.querySelectorAll('.cesium-timeline-ticLabel')].map((e) => e.textContent),
  }));
  check(/^T\+\d+ s/.test(labels.clock), `the clock reads mission time ("${labels.clock}")`);
  check(labels.ticks.length > 0 && labels.ticks.every((t) => /^-?\d+ s$/.test(t)), `the timeline reads seconds (${labels.ticks.slice(0, 4).join(', ')} ...)`);

  // The timeline: a click half-way along it moves the clock there.
  const bar = await page.locator('.cesium-timeline-bar').boundingBox();
  await page.mouse.click(bar.x + bar.width * 0.5, bar.y + bar.height / 2);
  const moved = await page.evaluate(() => {
    const v = window.skyshield.viewer;
    return { t: window.Cesium.JulianDate.secondsDifference(v.clock.currentTime, v.clock.startTime),
      span: window.Cesium.JulianDate.secondsDifference(v.clock.stopTime, v.clock.startTime) };
  });
  check(moved.t > 0.3 * moved.span && moved.t < 0.7 * moved.span,
    `a click at the timeline's middle moves the clock to ${moved.t.toFixed(0)} s of ${moved.span.toFixed(0)} s`);

  // Moments: first launch, busiest (most threats and interceptors in flight), last intercept.
  const setClock = (s) => page.evaluate((at) => {
    const Cz = window.Cesium, v = window.skyshield.viewer;
    v.clock.currentTime = Cz.JulianDate.addSeconds(v.clock.startTime, at, new Cz.JulianDate());
    v.scene.requestRender();
  }, s);
  const events = parseCsv(readFileSync(join(outdir, 'events.csv'), 'utf8'));
  const firstLaunch = Number(events.find((e) => e.event === 'launch').t_s);
  const lastIntercept = Number(events.filter((e) => e.event === 'intercept').at(-1).t_s);
  const lastLaunch = Number(events.filter((e) => e.event === 'launch').at(-1).t_s);
  const busiest = await page.evaluate(() => {
    const Cz = window.Cesium, v = window.skyshield.viewer, ds = window.skyshield.dataSource;
    const moving = ds.entities.values.filter((e) => ['threat', 'interceptor'].includes(e.properties?.category?.getValue()));
    const span = Cz.JulianDate.secondsDifference(v.clock.stopTime, v.clock.startTime);
    let best = 0, bestCount = -1;
    for (let s = 0; s <= span; s += 5) {
      const t = Cz.JulianDate.addSeconds(v.clock.startTime, s, new Cz.JulianDate());
      const n = moving.filter((e) => e.isAvailable(t)).length;
      if (n > bestCount) { best = s; bestCount = n; }
    }
    return { at: best, count: bestCount };
  });

  // The event list follows the clock: at the first launch + 0.5 s the highlighted event is the
  // latest main event at or before that time, and it is scrolled into the list's view.
  await setClock(firstLaunch + 0.5);
  await page.waitForFunction((t) => window.skyshield.currentEvent && Math.abs(window.skyshield.currentEvent.t - t) < 0.51,
    firstLaunch + 0.5, { timeout: 60000 }).catch(() => {});
  const follow = await page.evaluate(() => {
    const list = document.getElementById('events'), li = list.querySelector('li.current');
    if (!li) return null;
    const a = li.getBoundingClientRect(), b = list.getBoundingClientRect();
    return { t: Number(li.dataset.t), visible: a.top >= b.top - 1 && a.bottom <= b.bottom + 1, n: list.querySelectorAll('li.current').length };
  });
  const expected = Math.max(...events.filter((e) => ['launch', 'intercept', 'miss', 'self_destruct', 'leak', 'impact', 'radar_lost',
    'handover', 'reload'].includes(e.event) && Number(e.t_s) <= firstLaunch + 0.5).map((e) => Number(e.t_s)));
  check(follow && follow.n === 1 && Math.abs(follow.t - expected) < 1e-6 && follow.visible,
    `the event list highlights the latest event at the clock (${follow?.t} s = ${expected} s, in view: ${follow?.visible})`);
  await setClock(lastIntercept + 0.5);
  await page.waitForFunction((t) => window.skyshield.currentEvent && window.skyshield.currentEvent.t >= t - 0.6,
    lastIntercept + 0.5, { timeout: 60000 }).catch(() => {});
  const late = await page.evaluate(() => window.skyshield.currentEvent?.t ?? -1);
  check(late >= lastIntercept - 1e-6, `... and moves with it (${late} s at the last intercept, ${lastIntercept} s)`);

  // Filters: a class off hides exactly its interceptors; a battalion off hides its interceptors.
  const filtered = await page.evaluate(() => {
    const s = window.skyshield, ds = s.dataSource;
    const before = s.visible('interceptor');
    const cls = s.filters.classes.find((c) => ds.entities.values.some((e) => e.properties?.category?.getValue() === 'interceptor' &&
      e.properties.kind.getValue() === c));
    const ofClass = ds.entities.values.filter((e) => e.properties?.category?.getValue() === 'interceptor' && e.properties.kind.getValue() === cls).length;
    const box = document.querySelector(`#filter-classes input[data-name="${cls}"]`);
    box.click();
    const afterClass = s.visible('interceptor');
    box.click();
    const bn = document.querySelector('#filter-battalions input');
    bn.click();
    const afterBattalion = s.visible('interceptor'), sitesLeft = s.visible('site');
    bn.click();
    return { before, cls, ofClass, afterClass, afterBattalion, sitesLeft, restored: s.visible('interceptor'), battalions: s.filters.battalions };
  });
  check(filtered.afterClass === filtered.before - filtered.ofClass && filtered.ofClass > 0,
    `class filter: ${filtered.cls} off hides its ${filtered.ofClass} interceptors (${filtered.before} -> ${filtered.afterClass})`);
  check(filtered.battalions.length >= 1 && (filtered.battalions.length > 1 || filtered.afterBattalion === 0) &&
    filtered.afterBattalion < filtered.before && filtered.restored === filtered.before,
    `battalion filter: ${filtered.battalions[0]} off leaves ${filtered.afterBattalion} of ${filtered.before} interceptors, ${filtered.sitesLeft} sites`);

  // Screenshots at three moments.
  mkdirSync(dirname(screenshot), { recursive: true });
  const shot = async (s, path) => {
    await setClock(s);
    await page.waitForTimeout(3000);  // let the imagery and the frame render
    await page.screenshot({ path });
    console.log(`screenshot at ${s.toFixed(0)} s: ${path}`);
  };
  const base = screenshot.replace(/\.png$/, '');
  await shot(firstLaunch + 5, `${base}-early.png`);
  await shot(busiest.at, screenshot);
  console.log(`(busiest: ${busiest.count} objects in flight at ${busiest.at} s)`);
  await shot(lastLaunch + 10, `${base}-late.png`);

  // The scale bar: a 1, 2 or 5 x 10^n distance drawn 50 to 150 px wide.
  const scale = await page.evaluate(() => ({ ...window.skyshield.scale, text: document.querySelector('#scale .text').textContent,
    hidden: document.getElementById('scale').hidden }));
  const mant = scale.metres / 10 ** Math.floor(Math.log10(scale.metres));
  check(!scale.hidden && [1, 2, 5].some((k) => Math.abs(mant - k) < 1e-9) && scale.px >= 50 && scale.px <= 150,
    `scale bar: ${scale.text} over ${scale.px?.toFixed(0)} px`);

  // 2-D mode keeps the framing: after the switch the camera is over the defended area and the view
  // is at most 4 times its width (Cesium's own 2-D morph shows the whole map).
  const framed = await page.evaluate(() => new Promise((done) => {
    const Cz = window.Cesium, s = window.skyshield, v = s.viewer;
    const remove = v.scene.morphComplete.addEventListener(() => {
      remove();
      const r = s.rectangle, c = v.camera.positionCartographic, f = v.camera.frustum;
      const areaWidth = r.width * Cz.Ellipsoid.WGS84.maximumRadius * Math.cos(Cz.Rectangle.center(r).latitude);
      done({ mode: v.scene.mode, inside: Cz.Rectangle.contains(r, new Cz.Cartographic(c.longitude, c.latitude)),
        width: (f.right - f.left) / 1e3, want: areaWidth / 1e3 });
    });
    v.scene.morphTo2D(0);
  }));
  check(framed.mode === window2D && framed.inside && framed.width < 4 * framed.want,
    `2-D mode keeps the framing (view ${framed.width.toFixed(0)} km wide for a ${framed.want.toFixed(0)} km area, camera over it)`);
  check(errors.length === 0, `no console errors${errors.length ? ':\n  ' + errors.join('\n  ') : ''}`);
} finally {
  await browser.close();
  server.kill('SIGINT');
}
process.exit(failures.length ? 1 : 0);
