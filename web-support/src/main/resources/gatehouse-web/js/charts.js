// Draws every <canvas data-chart="..."> with Chart.js, on load and after each htmx swap (the dashboards refresh
// themselves). The attribute holds {type, stacked, unit, labels, datasets: [{label, color, data}]}; the page also
// shows the same figures as a table, so nothing depends on the drawing.
(function () {
  "use strict";

  function draw(canvas) {
    var spec = JSON.parse(canvas.getAttribute("data-chart"));
    var existing = window.Chart.getChart(canvas);
    if (existing) {
      existing.destroy();
    }
    new window.Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (d) {
          return {
            label: d.label,
            data: d.data,
            backgroundColor: d.color,
            borderColor: d.color,
            fill: false,
            tension: 0.2,
            pointRadius: 2,
            spanGaps: true
          };
        })
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: {mode: "index", intersect: false},
        plugins: {legend: {position: "bottom"}},
        scales: {
          x: {stacked: !!spec.stacked, title: {display: true, text: spec.xTitle || "Time (UTC)"}},
          y: {stacked: !!spec.stacked, beginAtZero: true, title: {display: true, text: spec.unit},
            ticks: {precision: spec.type === "bar" ? 0 : undefined}}
        }
      }
    });
  }

  function drawAll(root) {
    if (!window.Chart) {
      return;
    }
    (root || document).querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSwap", function () { drawAll(document); });
})();
