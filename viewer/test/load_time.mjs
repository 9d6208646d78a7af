// Measures how long the viewer takes to load a run in headless Chromium (SwiftShader WebGL): page
// navigation -> the page says ready (replay and panel built), and -> the globe's imagery tiles are
// loaded. Serves OUTDIR with `skyshield view`; VIEWER_DIST=DIR measures another built viewer (e.g.
// an older one). Each load is a fresh browser context (no cache).
// Usage: node load_time.mjs SKYSHIELD OUTDIR [REPEATS=3]
import { launchBrowser, requireBrowser, startServer } from './harness.mjs';

const [skyshield, outdir, repeats = '3'] = process.argv.slice(2);
if (!outdir) {
  console.error('usage: node load_time.mjs SKYSHIELD OUTDIR [REPEATS]');
  process.exit(2);
}
const chromium = await requireBrowser();
const { server, url } = await startServer(skyshield, outdir);
const browser = await launchBrowser(chromium);
try {
  for (let i = 0; i < Number(repeats); ++i) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 800 } });
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => window.skyshield?.ready || window.skyshield?.error, null, { timeout: 300000 });
    const ready = Date.now() - t0;
    await page.waitForFunction(() => window.skyshield.viewer?.scene.globe.tilesLoaded, null, { timeout: 300000, polling: 100 });
    const tiles = Date.now() - t0;
    const timings = await page.evaluate(() => window.skyshield.timings ?? null);
    console.log(`load ${i + 1}: ready ${ready} ms, imagery loaded ${tiles} ms${timings ? ' ' + JSON.stringify(timings) : ''}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill('SIGINT');
}
