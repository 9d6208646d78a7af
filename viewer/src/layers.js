// The layers a trainer needs to explain an engagement, built on the run's CZML entities:
// labels for threats and interceptors, site labels that do not pile up, a line from every interceptor
// in flight to the threat it was fired at, radar coverage domes, and tracks against truth.
const Cesium = window.Cesium;

const prop = (e, name) => e.properties?.[name]?.getValue();

// Sites within this ground distance of each other share a label column: each further label is
// pushed 14 px lower, launchers' labels appear only when the camera is within 120 km.
const CLUSTER_M = 5000;

export function declutterSites(sites, start) {
  const placed = [];
  const order = { command_post: 0, radar: 1, launcher: 2, asset: -1 };
  const sorted = [...sites].sort((a, b) => (order[prop(a, 'kind')] ?? 3) - (order[prop(b, 'kind')] ?? 3));
  let stacked = 0;
  for (const site of sorted) {
    const pos = site.position?.getValue(start);
    if (!pos || !site.label) continue;
    const near = placed.filter((p) => Cesium.Cartesian3.distance(p.pos, pos) < CLUSTER_M);
    const row = near.length;
    placed.push({ pos });
    site.label.pixelOffset = new Cesium.Cartesian2(8, -14 + 14 * row);
    site.label.horizontalOrigin = Cesium.HorizontalOrigin.LEFT;
    site.label.showBackground = true;
    site.label.backgroundColor = new Cesium.Color(0.1, 0.1, 0.1, 0.6);
    site.label.font = '11px sans-serif';
    if (prop(site, 'kind') === 'launcher') site.label.distanceDisplayCondition = new Cesium.DistanceDisplayCondition(0, 120e3);
    if (row > 0) ++stacked;
  }
  return stacked;
}

export function labelMovers(entities) {
  for (const e of entities) {
    const threat = prop(e, 'category') === 'threat';
    e.label = new Cesium.LabelGraphics({
      text: e.name, font: '10px sans-serif', fillColor: threat ? Cesium.Color.fromCssColorString('#fdb') : Cesium.Color.fromCssColorString('#bfe'),
      pixelOffset: new Cesium.Cartesian2(7, threat ? -8 : 8), horizontalOrigin: Cesium.HorizontalOrigin.LEFT,
      showBackground: true, backgroundColor: new Cesium.Color(0, 0, 0, 0.45),
      distanceDisplayCondition: new Cesium.DistanceDisplayCondition(0, 900e3),
    });
  }
}

// Interceptor -> target lines, in their own data source; one per interceptor fired at a threat that
// flew (rounds at false tracks have no line). Shown while the interceptor flies.
export function engagementLines(overlay, dataSource, interceptors) {
  let n = 0;
  for (const r of interceptors) {
    const target = dataSource.entities.getById(`threat/${prop(r, 'target')}`);
    if (!target) continue;
    const a = new Cesium.Cartesian3(), b = new Cesium.Cartesian3();
    overlay.entities.add({
      id: `line/${r.id}`, availability: r.availability,
      properties: { category: 'line', battalion: prop(r, 'battalion'), layer: prop(r, 'kind'), interceptor: r.id },
      polyline: {
        positions: new Cesium.CallbackProperty((time) => {
          const p = r.position.getValue(time, a), q = target.position.getValue(time, b);
          return p && q ? [p, q] : [];
        }, false),
        width: 1.5, arcType: Cesium.ArcType.NONE,
        material: new Cesium.PolylineDashMaterialProperty({ color: r.point.color.getValue(r.availability.start).withAlpha(0.8), dashLength: 12 }),
      },
    });
    ++n;
  }
  return n;
}

// Radar coverage: a translucent dome of the instrumented range over every radar (the range
// equation's limit against a large target; the horizon and terrain cut it at low level, not shown).
export function coverageDomes(overlay, radars, start) {
  for (const radar of radars) {
    const range = radar.ellipse?.semiMajorAxis?.getValue(start);
    if (!(range > 0)) continue;
    overlay.entities.add({
      id: `dome/${radar.id}`, position: radar.position.getValue(start),
      properties: { category: 'dome', battalion: prop(radar, 'battalion') },
      ellipsoid: {
        radii: new Cesium.Cartesian3(range, range, range), maximumCone: Cesium.Math.PI_OVER_TWO,
        material: Cesium.Color.WHITE.withAlpha(0.04), outline: true, outlineColor: Cesium.Color.WHITE.withAlpha(0.15),
        slicePartitions: 8, stackPartitions: 3, subdivisions: 64,
      },
    });
  }
}

// tracks.csv (from `skyshield track ... --out` into the run's folder): each track a cyan diamond with
// its number, against the threats' true positions (the CZML's threat points).
export function trackLayer(overlay, rows, start) {
  const tracks = new Map();
  for (const r of rows) {
    const id = r.track;
    if (!tracks.has(id)) tracks.set(id, []);
    tracks.get(id).push(r);
  }
  for (const [id, list] of tracks) {
    const position = new Cesium.SampledPositionProperty();
    for (const r of list) {
      position.addSample(Cesium.JulianDate.addSeconds(start, Number(r.t_s), new Cesium.JulianDate()),
        Cesium.Cartesian3.fromDegrees(Number(r.lon_deg), Number(r.lat_deg), Number(r.alt_m)));
    }
    const first = Cesium.JulianDate.addSeconds(start, Number(list[0].t_s), new Cesium.JulianDate());
    const last = Cesium.JulianDate.addSeconds(start, Number(list[list.length - 1].t_s) + 2, new Cesium.JulianDate());
    overlay.entities.add({
      id: `track/${id}`, name: `track ${id}`,
      availability: new Cesium.TimeIntervalCollection([new Cesium.TimeInterval({ start: first, stop: last })]),
      position, properties: { category: 'track', class: list[list.length - 1].class },
      point: { pixelSize: 6, color: Cesium.Color.CYAN.withAlpha(0.0), outlineColor: Cesium.Color.CYAN, outlineWidth: 2 },
      label: { text: `T${id}`, font: '10px sans-serif', fillColor: Cesium.Color.CYAN, pixelOffset: new Cesium.Cartesian2(-8, 0),
        horizontalOrigin: Cesium.HorizontalOrigin.RIGHT, distanceDisplayCondition: new Cesium.DistanceDisplayCondition(0, 600e3) },
      path: { leadTime: 0, trailTime: 60, width: 1, material: Cesium.Color.CYAN.withAlpha(0.5) },
    });
  }
  return tracks.size;
}
