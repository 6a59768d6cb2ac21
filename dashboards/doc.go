// Package dashboards serves fazhi's HTML pages: ECharts charts built with
// go-echarts from warehouse read-model structs, page templates, and the
// embedded static assets (ECharts from its npm package, pinned in
// package-lock.json). Pages load nothing from the internet.
//
// Chart options are built with go-echarts and embedded into pages through
// html/template's JavaScript escaping, never through go-echarts' own
// unescaped templates: report text (jurisdiction names, quotes) cannot break
// out of a script. It imports warehouse only.
package dashboards
