// fazhi dashboards: draws the charts the server built and makes every bar
// and point clickable down to the report sentence it came from.
// No dependency but ECharts (embedded); no network access but our own API.
"use strict";

var fazhi = (function () {
  var charts = [];

  // panel returns the facts panel, creating it on first use.
  function panel() {
    var p = document.getElementById("facts-panel");
    if (p) { return p; }
    p = document.createElement("aside");
    p.id = "facts-panel";
    p.className = "facts-panel";
    p.setAttribute("role", "dialog");
    p.hidden = true;
    document.body.appendChild(p);
    return p;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // showFacts lists the facts behind one bar or point: value, badges, the
  // quote, and a link to the report page at that sentence. All text goes in
  // through textContent: report text is never parsed as HTML.
  function showFacts(title, facts) {
    var p = panel();
    p.textContent = "";
    var head = el("div", "facts-head");
    head.appendChild(el("strong", "", title));
    var close = el("button", "close", "×");
    close.type = "button";
    close.title = "关闭";
    close.addEventListener("click", function () { p.hidden = true; });
    head.appendChild(close);
    p.appendChild(head);
    facts.forEach(function (f) {
      var item = el("div", "fact");
      var line = el("div", "fact-value", f.display || String(f.value));
      (f.badges || []).forEach(function (b) {
        var badge = el("span", "badge" + (b.warn ? " warn" : ""), b.label);
        if (b.title) { badge.title = b.title; }
        line.appendChild(document.createTextNode(" "));
        line.appendChild(badge);
      });
      item.appendChild(line);
      if (f.scope) { item.appendChild(el("div", "fact-scope", "范围：" + f.scope)); }
      item.appendChild(el("blockquote", "fact-quote", "“" + f.quote + "”"));
      var a = el("a", "fact-link", "在报告中查看 →");
      // A report listed for itself (the overview's coverage) has no fact to point at.
      a.href = "/reports/" + encodeURIComponent(f.report_id) + (f.fact_id ? "#fact-" + encodeURIComponent(f.fact_id) : "");
      item.appendChild(a);
      p.appendChild(item);
    });
    p.hidden = false;
  }

  // errorBar draws one interval [low, high] at a category of a horizontal
  // bar chart: a line with caps. Series marked fazhi: "errorbar" use it.
  function errorBar(params, api) {
    var cat = api.value(2);
    var lo = api.coord([api.value(0), cat]);
    var hi = api.coord([api.value(1), cat]);
    var h = api.size([0, 1])[1] * 0.25;
    var style = { stroke: "#c0392b", lineWidth: 1.5 };
    return { type: "group", children: [
      { type: "line", shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: style },
      { type: "line", shape: { x1: lo[0], y1: lo[1] - h, x2: lo[0], y2: lo[1] + h }, style: style },
      { type: "line", shape: { x1: hi[0], y1: hi[1] - h, x2: hi[0], y2: hi[1] + h }, style: style }
    ] };
  }

  // number writes an axis tick the way the labels write values: 万 and 亿
  // for large numbers, no thousands separators ("2万", not "20,000").
  function number(v) {
    var a = Math.abs(v);
    function trim(x) { return String(Math.round(x * 100) / 100); }
    if (a >= 1e8) { return trim(v / 1e8) + "亿"; }
    if (a >= 1e4) { return trim(v / 1e4) + "万"; }
    return trim(v);
  }

  function escapeHTML(s) {
    return String(s).replace(/[&<>"']/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[ch];
    });
  }

  // tooltip says a bar, point or cell with the name the server gave it
  // (which holds the value as the page writes it), escaped: names come
  // from reports.
  function tooltip(option) {
    return function (p) {
      var name = String(p.name === undefined ? "" : p.name);
      var x = [].concat(option.xAxis || [])[0];
      if (p.componentSubType === "line" && x && x.type === "category" && x.data) {
        var cat = String(x.data[p.dataIndex]);
        if (name.indexOf(cat) < 0) { name = cat + " · " + name; }
      }
      return p.marker + escapeHTML(p.seriesName) + "<br>" + escapeHTML(name);
    };
  }

  // axes gives every value axis of option ticks written by number.
  function axes(option) {
    ["xAxis", "yAxis"].forEach(function (k) {
      [].concat(option[k] || []).forEach(function (a) {
        if (a && a.type === "value") {
          a.axisLabel = a.axisLabel || {};
          a.axisLabel.formatter = number;
        }
      });
    });
  }

  // chart draws option into the element with the given id. provenance, if
  // given, is indexed [seriesIndex][dataIndex] → {title, facts: [...]}.
  function chart(id, option, provenance) {
    var node = document.getElementById(id);
    var c = echarts.init(node, null, { renderer: "canvas" });
    axes(option);
    option.tooltip = option.tooltip || {};
    option.tooltip.formatter = tooltip(option);
    // data-drawn tells (tests, print) that the first render and its
    // animation are over.
    c.on("finished", function () { node.dataset.drawn = "true"; });
    (option.series || []).forEach(function (s) {
      if (s.fazhi === "errorbar") { s.renderItem = errorBar; s.encode = { x: [0, 1], y: 2 }; }
    });
    c.setOption(option);
    if (provenance) {
      c.on("click", function (params) {
        var s = provenance[params.seriesIndex] || [];
        var cell = s[params.dataIndex];
        if (cell && cell.facts && cell.facts.length) { showFacts(cell.title, cell.facts); }
      });
    }
    charts.push(c);
    return c;
  }

  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  window.addEventListener("beforeprint", function () { charts.forEach(function (c) { c.resize(); }); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { var p = document.getElementById("facts-panel"); if (p) { p.hidden = true; } }
  });

  // submit sends a selector form without its empty fields, so that the
  // address holds only what the reader chose.
  function submit(form) {
    Array.prototype.forEach.call(form.elements, function (e) {
      if (e.name && e.value === "") { e.disabled = true; }
    });
    form.submit();
  }

  // area is the change handler of the area selectors: the one parameter
  // they write, parent, is the division chosen, or the one above when
  // "全部" is chosen.
  function area(select) {
    select.form.elements.parent.value = select.value || select.dataset.up;
    submit(select.form);
  }

  return { chart: chart, showFacts: showFacts, number: number, submit: submit, area: area };
})();
