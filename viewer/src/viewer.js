// The skyshield replay viewer: a run's replay.czml on an offline CesiumJS globe (Natural Earth II
// imagery shipped with Cesium, no ion token, no network), with the clock in mission seconds and the
// timeline, a side panel of the summary, the events (following the clock; click one to go to it),
// layer switches and filters by battalion and class, labels, interceptor-to-target lines, radar
// coverage domes, tracks against truth (tracks.csv, when present), a scale bar, and a framing kept
// across the 2-D / 3-D switch. ?run=PATH names the run's directory (default "run", which
// `skyshield view OUTDIR` serves). Names from the run's files go in as text only (dom.js).
import { parseCsv } from './csv.js';
import { keepFraming, missionClock, scaleBar } from './clock.js';
import { coverageDomes, declutterSites, engagementLines, labelMovers, trackLayer } from './layers.js';
import { fillEvents, fillFilters, fillSummary, layerSwitches } from './panel.js';

const Cesium = window.Cesium;
const run = new URLSearchParams(location.search).get('run') ?? 'run';
// Where the load time goes (ms since navigation start), read by the browser test.
const state = { ready: false, error: null, timings: { script: performance.now() } };
window.skyshield = state;  // for the browser test
const mark = (name) => { state.timings[name] = Math.round(performance.now()); };
const prop = (e, name) => e.properties?.[name]?.getValue();

async function optionalText(path) {
  const r = await fetch(path).catch(() => null);  // absent: the server answers 404, and the layer says so
  return r?.ok ? r.text() : null;
}

async function main() {
  // The run's files load while Cesium builds the globe.
  const files = Promise.all([
    fetch(`${run}/replay.czml`).then((r) => { if (!r.ok) throw new Error(`${run}/replay.czml: HTTP ${r.status}`); return r.json(); }),
    fetch(`${run}/summary.json`).then((r) => r.json()),
    fetch(`${run}/events.csv`).then((r) => r.text()),
    optionalText(`${run}/tracks.csv`),
  ]);
  const viewer = new Cesium.Viewer('globe', {
    baseLayer: Cesium.ImageryLayer.fromProviderAsync(
      Cesium.TileMapServiceImageryProvider.fromUrl(Cesium.buildModuleUrl('Assets/Textures/NaturalEarthII'))),
    baseLayerPicker: false, geocoder: false, navigationHelpButton: false, fullscreenButton: false,
    sceneModePicker: true, homeButton: true, animation: true, timeline: true, infoBox: true, selectionIndicator: true,
    // Load time (issue 34: ~36 s to a loaded globe in headless Chromium): render only when something
    // changes (the clock, the camera, a tile), not 60 times a second, which on a software renderer
    // took the CPU the tile workers need; no sky or ground atmosphere or fog (nothing to see on the
    // Natural Earth imagery); coarser globe tiles (screen-space error 4 px instead of 2).
    requestRenderMode: true, skyAtmosphere: false,
  });
  viewer.scene.fog.enabled = false;
  viewer.scene.globe.showGroundAtmosphere = false;
  viewer.scene.globe.maximumScreenSpaceError = 4;
  state.viewer = viewer;
  mark('viewer');
  const [czml, summary, eventsText, tracksText] = await files;
  mark('files');
  const dataSource = await Cesium.CzmlDataSource.load(czml);
  await viewer.dataSources.add(dataSource);
  mark('czml');
  const start = dataSource.clock.startTime;
  viewer.clock.shouldAnimate = false;
  document.getElementById('title').textContent = `skyshield: ${dataSource.name}`;
  const entities = dataSource.entities.values;
  const of = (category) => entities.filter((e) => prop(e, 'category') === category);
  const sites = of('site'), threats = of('threat'), interceptors = of('interceptor');

  fillSummary(summary);
  fillEvents(viewer, dataSource, parseCsv(eventsText), start, state);
  missionClock(viewer, start, state);
  // Layers.
  state.stacked = declutterSites(sites, start);
  labelMovers([...threats, ...interceptors]);
  const lines = new Cesium.CustomDataSource('lines'), domes = new Cesium.CustomDataSource('coverage');
  const tracks = tracksText ? new Cesium.CustomDataSource('tracks') : null;
  const lineCount = engagementLines(lines, dataSource, interceptors);
  coverageDomes(domes, sites.filter((s) => prop(s, 'kind') === 'radar'), start);
  const trackCount = tracks ? trackLayer(tracks, parseCsv(tracksText), start) : 0;
  for (const s of [lines, domes, tracks]) if (s) await viewer.dataSources.add(s);
  layerSwitches(viewer, { lines, domes, tracks });
  fillFilters(viewer, [dataSource, lines, domes, ...(tracks ? [tracks] : [])], state);
  document.getElementById('tracks-note').textContent = tracks ? `${trackCount} tracks from tracks.csv (cyan)` :
    'no tracks.csv in the run folder (skyshield run --detections, then skyshield track DETECTIONS --truth TRUTH --out RUNDIR)';
  mark('layers');

  // The view: the defended area and the battalions, kept in 2-D and on Home.
  const points = sites.map((s) => Cesium.Cartographic.fromCartesian(s.position.getValue(start)));
  const box = Cesium.Rectangle.fromCartographicArray(points);
  const pad = Cesium.Math.toRadians(1.2);
  const rectangle = new Cesium.Rectangle(box.west - pad, box.south - pad, box.east + pad, box.north + pad);
  state.frame = keepFraming(viewer, rectangle);
  state.rectangle = rectangle;
  scaleBar(viewer, document.getElementById('scale'), state);

  state.dataSource = dataSource;
  state.overlays = { lines, domes, tracks };
  state.entities = entities.length;
  state.counts = { site: sites.length, threat: threats.length, interceptor: interceptors.length, event: of('event').length,
    lines: lineCount, domes: domes.entities.values.length, tracks: trackCount,
    labelled: [...threats, ...interceptors].filter((e) => e.label).length };
  document.getElementById('status').textContent =
    `seed ${summary.seed}, ${summary.end_time_s.toFixed(0)} s: ${threats.length} threats, ${interceptors.length} interceptors, ` +
    `${sites.length} sites. Press play (bottom left) or drag the timeline.`;
  mark('ready');
  state.ready = true;
  viewer.scene.postRender.addEventListener(function first() {
    mark('firstFrame');
    viewer.scene.postRender.removeEventListener(first);
  });
}

main().catch((e) => {
  state.error = String(e?.stack ?? e);
  document.getElementById('status').textContent = `could not load the replay from ${run}/: ${e}`;
  console.error(e);
});
