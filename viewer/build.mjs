// Builds the offline viewer into dist/: our page (src/) plus CesiumJS's prebuilt library, workers
// and assets (node_modules/cesium/Build/Cesium, including the Natural Earth II imagery it ships).
// No network at run time: no ion token, no online imagery or terrain. Every compressible file of 1 kB
// or more gets a gzip twin FILE.gz beside it, which `skyshield view` sends to clients that accept gzip
// (Cesium.js: 6 MB as is).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const cesium = join(here, 'node_modules', 'cesium', 'Build', 'Cesium');
if (!existsSync(cesium)) {
  console.error('viewer build: node_modules/cesium is missing; run `npm ci` in viewer/ first');
  process.exit(1);
}
const dist = join(here, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
cpSync(cesium, join(dist, 'cesium'), { recursive: true });
cpSync(join(here, 'src'), dist, { recursive: true });

const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.czml', '.svg', '.xml', '.txt', '.csv', '.wasm']);
let raw = 0, packed = 0, twins = 0;
const compress = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) compress(path);
    else if (entry.isFile() && compressible.has(extname(entry.name)) && statSync(path).size >= 1024) {
      const data = readFileSync(path);
      const gz = gzipSync(data, { level: 9 });
      if (gz.length >= data.length) continue;
      writeFileSync(`${path}.gz`, gz);
      raw += data.length; packed += gz.length; ++twins;
    }
  }
};
compress(dist);
const mb = (n) => (n / 1e6).toFixed(1);
console.log(`viewer build: wrote ${dist} (CesiumJS from ${cesium}); ${twins} gzip twins, ${mb(raw)} MB -> ${mb(packed)} MB`);
