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
      if (f.scope) { item.appendChild(el("div", "fact-scope", "范围:" + f.scope)); }
      item.appendChild(el("blockquote", "fact-quote", "“" + f.quote + "”"));
      var a = el("a", "fact-link", "在报告中查看 →");
      a.href = "/reports/" + encodeURIComponent(f.report_id) + "#fact-" + encodeURIComponent(f.fact_id);
      item.appendChild(a);
      p.appendChild(item);
    });
    p.hidden = false;
  }

  // chart draws option into the element with the given id. provenance, if
  // given, is indexed [seriesIndex][dataIndex] → {title, facts: [...]}.
  function chart(id, option, provenance) {
    var node = document.getElementById(id);
    var c = echarts.init(node, null, { renderer: "canvas" });
    // data-drawn tells (tests, print) that the first render and its
    // animation are over.
    c.on("finished", function () { node.dataset.drawn = "true"; });
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

  return { chart: chart, showFacts: showFacts };
})();
