// The skyshield replay viewer: a run's replay.czml on an offline CesiumJS globe (Natural Earth II
// imagery shipped with Cesium, no ion token, no network), with the clock and timeline, a side panel
// of the summary and the events (click one to go to it), click-to-inspect entities and the 2-D map
// mode (scene mode picker). ?run=PATH names the run's directory (default "run", which
// `skyshield view OUTDIR` serves). Names from the run's files go in as text only (dom.js).
import { element } from './dom.js';

const Cesium = window.Cesium;
const run = new URLSearchParams(location.search).get('run') ?? 'run';
const state = { ready: false, error: null };
window.skyshield = state;  // for the browser test

const MAIN_EVENTS = new Set(['launch', 'intercept', 'miss', 'self_destruct', 'leak', 'impact', 'radar_lost', 'handover',
  'reload']);

function parseCsv(text) {
  const rows = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const cells = [];
    let cur = '', quoted = false;
    for (let i = 0; i < line.length; ++i) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { cur += '"'; ++i; }
        else if (c === '"') quoted = false;
        else cur += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { cells.push(cur); cur = ''; }
      else cur += c;
    }
    cells.push(cur);
    rows.push(cells);
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

function fillSummary(summary) {
  const t = summary.total, i = summary.interceptors;
  const rows = [
    ['threats', t.count], ['killed', t.killed],
    ...summary.layers.map((l) => [`  by ${l}`, t.killed_by_layer[l] ?? 0]),
    ['leaked', t.leaked], ['still flying at the end', t.active_at_end],
    ['interceptors fired', i.fired], ['  kills', i.kills], ['  misses', i.misses], ['  self-destructs', i.self_destructs],
    ['interceptor cost (notional)', i.cost],
  ];
  document.getElementById('summary').replaceChildren(...rows.map(([k, v]) => element('tr', null, element('td', null, k),
    element('td', null, v))));
}

function fillEvents(viewer, dataSource, events, start) {
  const list = document.getElementById('events');
  const all = document.getElementById('all-events');
  const render = () => {
    const shown = events.filter((e) => all.checked || MAIN_EVENTS.has(e.event));
    list.replaceChildren(...shown.map((e) => {
      const li = element('li', e.event, element('span', 't', `${Number(e.t_s).toFixed(1)} s`), ` ${e.event} `,
        element('b', null, e.entity), e.target ? ` → ${e.target}` : '');
      li.dataset.t = e.t_s;
      li.title = e.detail ?? '';
      li.onclick = () => {
        viewer.clock.shouldAnimate = false;
        viewer.clock.currentTime = Cesium.JulianDate.addSeconds(start, Number(e.t_s), new Cesium.JulianDate());
        const entity = dataSource.entities.getById(`interceptor/${e.entity}`) ?? dataSource.entities.getById(`threat/${e.entity}`) ??
          dataSource.entities.getById(`threat/${e.target}`);
        if (entity) viewer.selectedEntity = entity;
      };
      return li;
    }));
  };
  all.onchange = render;
  render();
  let last = -1;
  viewer.clock.onTick.addEventListener((clock) => {
    const now = Cesium.JulianDate.secondsDifference(clock.currentTime, start);
    if (Math.abs(now - last) < 0.5) return;
    last = now;
    for (const li of list.children) li.classList.toggle('past', Number(li.dataset.t) <= now);
  });
}

async function main() {
  const viewer = new Cesium.Viewer('globe', {
    baseLayer: Cesium.ImageryLayer.fromProviderAsync(
      Cesium.TileMapServiceImageryProvider.fromUrl(Cesium.buildModuleUrl('Assets/Textures/NaturalEarthII'))),
    baseLayerPicker: false, geocoder: false, navigationHelpButton: false, fullscreenButton: false,
    sceneModePicker: true, homeButton: true, animation: true, timeline: true, infoBox: true, selectionIndicator: true,
  });
  state.viewer = viewer;
  const dataSource = await Cesium.CzmlDataSource.load(`${run}/replay.czml`);
  await viewer.dataSources.add(dataSource);
  const start = dataSource.clock.startTime;
  viewer.clock.shouldAnimate = false;
  document.getElementById('title').textContent = `skyshield: ${dataSource.name}`;
  const [summary, eventsText] = await Promise.all([
    fetch(`${run}/summary.json`).then((r) => r.json()),
    fetch(`${run}/events.csv`).then((r) => r.text()),
  ]);
  fillSummary(summary);
  fillEvents(viewer, dataSource, parseCsv(eventsText), start);
  // The view: the defended area from the south, tilted, wide enough for the outer rings.
  const asset = dataSource.entities.values.find((e) => e.properties?.kind?.getValue() === 'asset') ??
    dataSource.entities.values.find((e) => e.properties?.category?.getValue() === 'site');
  const centre = asset?.position?.getValue(start);
  if (centre) {
    viewer.camera.flyToBoundingSphere(new Cesium.BoundingSphere(centre, 100e3),
      { offset: new Cesium.HeadingPitchRange(0.0, Cesium.Math.toRadians(-45), 300e3), duration: 0 });
  } else {
    await viewer.zoomTo(dataSource);
  }
  const count = (category) => dataSource.entities.values.filter((e) => e.properties?.category?.getValue() === category).length;
  state.dataSource = dataSource;
  state.entities = dataSource.entities.values.length;
  state.counts = { site: count('site'), threat: count('threat'), interceptor: count('interceptor'), event: count('event') };
  document.getElementById('status').textContent =
    `seed ${summary.seed}, ${summary.end_time_s.toFixed(0)} s: ${state.counts.threat} threats, ${state.counts.interceptor} interceptors, ` +
    `${state.counts.site} sites. Press play (bottom left) or drag the timeline.`;
  state.ready = true;
}

main().catch((e) => {
  state.error = String(e?.stack ?? e);
  document.getElementById('status').textContent = `could not load the replay from ${run}/: ${e}`;
  console.error(e);
});
