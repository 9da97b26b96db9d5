/**
 * The page script of the interactive time charts (uPlot, inlined; see timeChart.ts): it draws
 * every `.timechart` host from the JSON beside it, with a legend that shows the date and each
 * series' value under the cursor, drag to zoom a time range, double-click to reset, a
 * linear/log switch where the chart offers one, rebalance ticks along the bottom and numbered
 * points. Charts follow the page width. `window.sleevesCharts[id]` is the uPlot instance (for
 * tests and for readers' own scripts). Plain ES2017, no network, no eval: the page's
 * Content-Security-Policy admits it by its sha256 hash.
 */
export const CHART_SCRIPT = String.raw`(function () {
  'use strict';
  var charts = {};
  window.sleevesCharts = charts;
  function iso(ts) { return new Date(ts * 1000).toISOString().slice(0, 10); }
  function fmt(kind, v) {
    if (v === null || v === undefined || !isFinite(v)) return '–';
    if (kind === 'pct') return (v * 100).toFixed(2) + '%';
    if (kind === 'growth') return v.toFixed(3);
    return v.toFixed(2);
  }
  function axisLabels(kind, splits) {
    var step = splits.length > 1 ? Math.abs(splits[1] - splits[0]) : 1;
    var digits = function (unit) { return Math.max(0, Math.min(3, -Math.floor(Math.log10(step * unit) + 1e-9))); };
    return splits.map(function (v) {
      if (v === null || v === undefined) return '';
      if (kind === 'pct') { var p = (v * 100).toFixed(digits(100)); return (+p === 0 ? (0).toFixed(digits(100)) : p) + '%'; }
      if (kind === 'growth') return String(+v.toPrecision(3));
      var n = v.toFixed(digits(1));
      return +n === 0 ? (0).toFixed(digits(1)) : n;
    });
  }
  function draw(u, spec) {
    var ctx = u.ctx, b = u.bbox, dpr = devicePixelRatio || 1;
    ctx.save();
    if (!spec.stacked && u.scales.y.distr !== 3 && u.scales.y.min < 0 && u.scales.y.max > 0) {
      var y0 = Math.round(u.valToPos(0, 'y', true));
      ctx.fillStyle = '#888';
      ctx.fillRect(b.left, y0, b.width, Math.max(1, dpr));
    }
    if (spec.markers) {
      ctx.fillStyle = 'rgba(60,60,60,0.55)';
      for (var i = 0; i < spec.markers.length; i++) {
        var mx = Math.round(u.valToPos(spec.markers[i], 'x', true));
        if (mx >= b.left && mx <= b.left + b.width) ctx.fillRect(mx, b.top + b.height - 7 * dpr, Math.max(1, dpr), 7 * dpr);
      }
    }
    if (spec.points) {
      ctx.font = (11 * dpr) + 'px system-ui, sans-serif';
      ctx.textBaseline = 'middle';
      for (var k = 0; k < spec.points.length; k++) {
        var p = spec.points[k];
        var px = u.valToPos(p.x, 'x', true), py = u.valToPos(p.y, 'y', true);
        if (px < b.left || px > b.left + b.width) continue;
        ctx.fillStyle = '#222';
        ctx.beginPath(); ctx.arc(px, py, 3.5 * dpr, 0, 2 * Math.PI); ctx.fill();
        var tw = ctx.measureText(p.label).width;
        var tx = px + tw + 8 * dpr > b.left + b.width ? px - tw - 6 * dpr : px + 6 * dpr;
        ctx.lineWidth = 3 * dpr; ctx.strokeStyle = '#fff';
        ctx.strokeText(p.label, tx, py); ctx.fillText(p.label, tx, py);
      }
    }
    ctx.restore();
  }
  function options(spec, width, log) {
    var series = [{ label: 'date', value: function (u, v) { return v === null || v === undefined ? '–' : iso(v); } }];
    spec.series.forEach(function (s) {
      series.push({
        label: s.name, stroke: s.color, width: s.width || 1.5, fill: s.fill || undefined, points: { show: false },
        value: function (u, v, si, idx) { return idx === null || idx === undefined ? '–' : fmt(spec.format, s.raw ? s.raw[idx] : v); }
      });
    });
    var y = log ? { distr: 3, log: 10 } : spec.stacked ? { auto: false, range: [0, 1] } : {};
    return {
      width: width, height: spec.height || 300,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); },
      scales: { x: { time: true }, y: y },
      series: series,
      axes: [
        { stroke: '#444', grid: { stroke: '#eee' } },
        { stroke: '#444', grid: { stroke: '#eee' }, size: 56, label: spec.yLabel || undefined, labelSize: spec.yLabel ? 18 : 0,
          values: function (u, splits) { return axisLabels(spec.format, splits); } }
      ],
      cursor: { drag: { x: true, y: false, setScale: true }, points: { size: 6 } },
      legend: { live: true },
      hooks: { draw: [function (u) { draw(u, spec); }] }
    };
  }
  function build(host) {
    var spec = JSON.parse(host.querySelector('script[type="application/json"]').textContent);
    var plot = host.querySelector('.tc-plot');
    var data = [spec.x].concat(spec.series.map(function (s) { return s.values; }));
    if (spec.stacked) {
      // Series hold cumulative tops, top layer first: a layer's own value is its top minus the next one's.
      spec.series.forEach(function (s, i) {
        var below = spec.series[i + 1];
        s.raw = s.values.map(function (v, k) { return v === null ? null : v - (below && below.values[k] !== null ? below.values[k] : 0); });
      });
    }
    var log = spec.log === true || spec.log === 'toggle';
    var u = null;
    function make() {
      if (u) u.destroy();
      u = new uPlot(options(spec, Math.max(260, plot.clientWidth), log), data, plot);
      charts[spec.id] = u;
    }
    make();
    var figure = host.closest('figure');
    var buttons = figure ? figure.querySelectorAll('button[data-scale]') : [];
    buttons.forEach(function (btn) {
      btn.addEventListener('click', function () {
        log = btn.getAttribute('data-scale') === 'log';
        buttons.forEach(function (other) { other.setAttribute('aria-pressed', String(other === btn)); });
        make();
      });
    });
    return function () { if (u) u.setSize({ width: Math.max(260, plot.clientWidth), height: spec.height || 300 }); };
  }
  var resizers = [];
  document.querySelectorAll('.timechart').forEach(function (host) { resizers.push(build(host)); });
  var pending = 0;
  window.addEventListener('resize', function () {
    clearTimeout(pending);
    pending = setTimeout(function () { resizers.forEach(function (f) { f(); }); }, 120);
  });
})();`;
