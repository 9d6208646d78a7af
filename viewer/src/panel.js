// The side panel: the summary, the events (click one to go there; the list follows the clock: the
// latest event at or before the clock is highlighted and scrolled into view), the layer switches and
// the filters by battalion and by class. Names from the run go in as text only (dom.js).
import { element } from './dom.js';

const Cesium = window.Cesium;
const MAIN_EVENTS = new Set(['launch', 'intercept', 'miss', 'self_destruct', 'leak', 'impact', 'radar_lost', 'handover',
  'reload']);
const prop = (e, name) => e.properties?.[name]?.getValue();

export function fillSummary(summary) {
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

export function fillEvents(viewer, dataSource, events, start, state) {
  const list = document.getElementById('events');
  const all = document.getElementById('all-events');
  let items = [];
  const render = () => {
    const shown = events.filter((e) => all.checked || MAIN_EVENTS.has(e.event));
    items = shown.map((e) => {
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
    });
    list.replaceChildren(...items);
    last = -1;
  };
  let last = -1, current = null;
  const follow = (now) => {
    let latest = null;
    for (const li of items) {
      const past = Number(li.dataset.t) <= now + 1e-6;
      li.classList.toggle('past', past);
      if (past) latest = li;
    }
    if (latest !== current) {
      current?.classList.remove('current');
      latest?.classList.add('current');
      current = latest;
      latest?.scrollIntoView({ block: 'nearest' });
    }
    state.currentEvent = latest ? { t: Number(latest.dataset.t), text: latest.textContent } : null;
  };
  all.onchange = () => { render(); follow(Cesium.JulianDate.secondsDifference(viewer.clock.currentTime, start)); };
  render();
  viewer.clock.onTick.addEventListener((clock) => {
    const now = Cesium.JulianDate.secondsDifference(clock.currentTime, start);
    if (Math.abs(now - last) < 0.05) return;
    last = now;
    follow(now);
  });
}

// Filters: one checkbox per battalion (its sites, interceptors, lines and domes) and per class
// (threat classes, interceptor layers). An entity shows when its battalion and its class are on.
export function fillFilters(viewer, sources, state) {
  const all = sources.flatMap((s) => s.entities.values);
  const battalionOf = (e) => prop(e, 'battalion') || '';
  const classOf = (e) => {
    const c = prop(e, 'category');
    if (c === 'threat') return prop(e, 'kind');
    if (c === 'interceptor' || c === 'line') return prop(e, 'kind') ?? prop(e, 'layer');
    return '';
  };
  const battalions = [...new Set(all.map(battalionOf).filter(Boolean))].sort();
  const classes = [...new Set(all.map(classOf).filter(Boolean))].sort();
  const off = { battalion: new Set(), cls: new Set() };
  const apply = () => {
    for (const e of all) {
      const b = battalionOf(e), c = classOf(e);
      e.show = !(b && off.battalion.has(b)) && !(c && off.cls.has(c));
    }
    state.visible = (category) => all.filter((e) => e.show && prop(e, 'category') === category).length;
    viewer.scene.requestRender();
  };
  const boxes = (id, names, set) => document.getElementById(id).replaceChildren(...names.map((n) => {
    const box = element('input');
    box.type = 'checkbox';
    box.checked = true;
    box.dataset.name = n;
    box.onchange = () => { if (box.checked) set.delete(n); else set.add(n); apply(); };
    return element('label', null, box, ` ${n} `);
  }));
  boxes('filter-battalions', battalions, off.battalion);
  boxes('filter-classes', classes, off.cls);
  state.filters = { battalions, classes };
  apply();
}

// Layer switches: engagement lines, coverage domes, tracks (when the run's folder has tracks.csv).
export function layerSwitches(viewer, overlays) {
  for (const [id, source] of Object.entries(overlays)) {
    const box = document.getElementById(`layer-${id}`);
    if (!box) continue;
    box.disabled = !source;
    if (source) box.onchange = () => { source.show = box.checked; viewer.scene.requestRender(); };
    if (source) source.show = box.checked;
  }
}
