// Shared by the viewer's browser tests: skip rules (exit 77 = ctest skipped), running a scenario,
// `skyshield view` as a child (its URL read from its output) and headless Chromium (Debian's chromium,
// driven by playwright-core; WebGL through SwiftShader). VIEWER_DIST=DIR serves another built viewer.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const viewerDist = process.env.VIEWER_DIST ?? join(here, '..', 'dist');

export function skip(why) {
  console.log(`SKIPPED: ${why}`);
  process.exit(77);
}

// Skips unless Chromium, the built viewer and playwright-core are there; returns playwright's chromium.
export async function requireBrowser() {
  if (!existsSync(chromiumPath)) skip(`no Chromium at ${chromiumPath} (Debian package chromium; ./test.sh installs it)`);
  if (!existsSync(join(viewerDist, 'index.html'))) skip('the viewer is not built (cd viewer && npm ci && npm run build; ./test.sh does)');
  try {
    return (await import('playwright-core')).chromium;
  } catch {
    return skip('playwright-core is not installed (cd viewer && npm ci)');
  }
}

export function runScenario(skyshield, scenario, outdir, extra = []) {
  const ran = spawnSync(skyshield, ['run', scenario, '--out', outdir, ...extra], { encoding: 'utf8' });
  if (ran.status !== 0) {
    console.error(ran.stdout, ran.stderr);
    process.exit(1);
  }
}

// `skyshield view OUTDIR --port 0`; resolves to { server, url } once it prints its URL.
export async function startServer(skyshield, outdir) {
  const args = ['view', outdir, '--port', '0'];
  if (process.env.VIEWER_DIST) args.push('--viewer', viewerDist);
  const server = spawn(skyshield, args, { stdio: ['ignore', 'pipe', 'inherit'] });
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
  return { server, url };
}

export function launchBrowser(chromium) {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // WebGL without a GPU: SwiftShader, Chromium's software renderer.
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
  });
}

export function checker() {
  const failures = [];
  const check = (ok, what) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failures.push(what);
  };
  return { check, failures };
}
