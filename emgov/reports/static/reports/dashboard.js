/* The leaders' dashboard: builds the ECharts charts from the page's json_script blocks. */
(function () {
  "use strict";

  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function chart(id, option) {
    var node = document.getElementById(id);
    if (!node) return null;
    var instance = window.echarts.init(node, null, { renderer: "canvas" });
    instance.setOption(option);
    return instance;
  }

  function base(title) {
    return {
      title: { text: title, left: "center", textStyle: { fontSize: 14 } },
      tooltip: { trigger: "axis" },
      legend: { bottom: 0 },
      grid: { left: 48, right: 48, top: 40, bottom: 56, containLabel: true },
      animation: false,
    };
  }

  function build() {
    var data = readJson("dashboard-data");
    var words = readJson("dashboard-labels");
    if (!data || !words || !window.echarts) return;
    var t = data.trends;
    var months = t.months.map(function (m) { return words.month.replace("%(m)s", m); });
    var charts = [];

    var trends = base(words.trends);
    trends.xAxis = { type: "category", data: months };
    trends.yAxis = { type: "value", minInterval: 1 };
    trends.series = [
      { name: words.visits, type: "line", data: t.visits },
      { name: words.hazards_found, type: "line", data: t.hazards_found },
      { name: words.hazards_closed, type: "line", data: t.hazards_closed },
    ];
    charts.push(chart("chart-trends", trends));

    var penalties = base(words.penalties_title);
    penalties.xAxis = { type: "category", data: months };
    penalties.yAxis = [
      { type: "value", minInterval: 1, name: words.penalties },
      { type: "value", name: words.fines },
    ];
    penalties.series = [
      { name: words.penalties, type: "bar", data: t.penalties },
      {
        name: words.fines, type: "line", yAxisIndex: 1,
        data: t.fines.map(function (v) { return Math.round(v / 100) / 100; }),
      },
    ];
    charts.push(chart("chart-penalties", penalties));

    function breakdown(id, title, rows) {
      var option = base(title);
      option.xAxis = { type: "category", data: rows.map(function (r) { return r.name; }), axisLabel: { interval: 0, rotate: rows.length > 5 ? 40 : 0, fontSize: 11 } };
      option.yAxis = { type: "value", minInterval: 1 };
      option.series = [
        { name: words.visits, type: "bar", data: rows.map(function (r) { return r.visits; }) },
        { name: words.hazards_found, type: "bar", data: rows.map(function (r) { return r.hazards; }) },
      ];
      if (!rows.length) option.graphic = { type: "text", left: "center", top: "middle", style: { text: words.empty } };
      charts.push(chart(id, option));
    }
    breakdown("chart-towns", words.towns, data.by_town);
    breakdown("chart-industries", words.industries, data.by_industry);

    var r = data.rectification;
    var rect = base(words.rectification);
    rect.tooltip = { trigger: "item" };
    rect.series = [{
      type: "pie", radius: ["35%", "58%"], center: ["50%", "50%"],
      label: { formatter: "{b}\n{c}", overflow: "none" },
      data: [
        { name: words.closed, value: r.closed },
        { name: words.open, value: r.found - r.closed },
      ],
    }];
    charts.push(chart("chart-rectification", rect));

    window.addEventListener("resize", function () {
      charts.forEach(function (c) { if (c) c.resize(); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", build);
  } else {
    build();
  }
})();
