// Builds the offline viewer into dist/: our page (src/) plus CesiumJS's prebuilt library, workers
// and assets (node_modules/cesium/Build/Cesium, including the Natural Earth II imagery it ships).
// No network at run time: no ion token, no online imagery or terrain.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
console.log(`viewer build: wrote ${dist} (CesiumJS from ${cesium})`);
