// The clock in mission seconds (as the events list them) instead of the CZML's calendar date, the
// framing kept across 2-D / 3-D / Columbus switches and the home button, and a scale bar.
const Cesium = window.Cesium;

export function missionLabel(seconds) {
  const s = Math.max(0, seconds);
  const m = Math.floor(s / 60);
  return `T+${s.toFixed(0)} s (${m}:${String(Math.floor(s % 60)).padStart(2, '0')})`;
}

export function missionClock(viewer, start, state) {
  const secs = (date) => Cesium.JulianDate.secondsDifference(date, start);
  viewer.animation.viewModel.dateFormatter = () => 'mission time';
  viewer.animation.viewModel.timeFormatter = (date) => missionLabel(secs(date));
  viewer.timeline.makeLabel = (date) => `${secs(date).toFixed(0)} s`;
  viewer.timeline.zoomTo(viewer.clock.startTime, viewer.clock.stopTime);  // redraws the labels
  state.clockLabel = () => viewer.animation.viewModel.timeLabel;
}

// The defended area as a rectangle; flown to at load, after every scene-mode switch and on Home.
export function keepFraming(viewer, rectangle) {
  const frame = () => viewer.camera.setView({ destination: rectangle });
  frame();
  viewer.scene.morphComplete.addEventListener(frame);
  viewer.homeButton.viewModel.command.beforeExecute.addEventListener((e) => { e.cancel = true; frame(); });
  return frame;
}

// A scale bar: the ground distance between two points 100 px apart at the bottom centre of the
// globe, rounded down to 1, 2 or 5 x 10^n, drawn at its width.
export function scaleBar(viewer, element, state) {
  const geodesic = new Cesium.EllipsoidGeodesic();
  let lastUpdate = 0;
  const update = () => {
    const now = performance.now();
    if (now - lastUpdate < 250) return;
    lastUpdate = now;
    const canvas = viewer.scene.canvas;
    const y = canvas.clientHeight - 40, x = canvas.clientWidth / 2;
    const pick = (px) => viewer.scene.globe.pick(viewer.camera.getPickRay(new Cesium.Cartesian2(px, y)), viewer.scene);
    const a = pick(x - 50), b = pick(x + 50);
    if (!a || !b) { element.hidden = true; return; }
    geodesic.setEndPoints(Cesium.Cartographic.fromCartesian(a), Cesium.Cartographic.fromCartesian(b));
    const perPixel = geodesic.surfaceDistance / 100;
    if (!(perPixel > 0)) { element.hidden = true; return; }
    const maxMetres = perPixel * 150;
    const pow = 10 ** Math.floor(Math.log10(maxMetres));
    const metres = [5, 2, 1].map((k) => k * pow).find((m) => m <= maxMetres);
    const px = metres / perPixel;
    element.hidden = false;
    element.querySelector('.bar').style.width = `${px.toFixed(0)}px`;
    element.querySelector('.text').textContent = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
    state.scale = { metres, px };
  };
  viewer.scene.postRender.addEventListener(update);
}
