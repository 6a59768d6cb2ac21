package dashboards

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/fazhi/fazhi/warehouse"
)

func TestFormatNumber(t *testing.T) {
	cases := []struct {
		v    float64
		unit string
		want string
	}{
		{374, "件", "374件"},
		{0, "件", "0件"},
		{10000, "份", "1万份"},
		{15020000, "元", "1502万元"},
		{3013830000, "元", "30.14亿元"},
		{98.2, "%", "98.2%"},
		{100, "%", "100%"},
		{97.126, "%", "97.13%"},
		{12345, "人次", "1.23万人次"},
	}
	for _, tc := range cases {
		if got := formatNumber(tc.v, tc.unit); got != tc.want {
			t.Errorf("formatNumber(%v, %q) = %q; want %q", tc.v, tc.unit, got, tc.want)
		}
	}
	if got := displayValue(10000, "份", true); got != "≥1万份" {
		t.Errorf("displayValue(approx) = %q; want ≥1万份", got)
	}
}

func TestCompareChartOptions(t *testing.T) {
	ind := warehouse.Indicator{Code: "mediation.cases_accepted", NameZH: "受理调解案件", Unit: "件"}
	rows := []warehouse.CompareRow{
		{JurisdictionName: "古城街道", Year: 2024, Value: 2119},
		{JurisdictionName: "桥头镇", Year: 2019, Value: 1000, Approx: true, Partial: true},
	}
	bar := compareChart(ind, rows, true)
	bar.Validate()
	b, err := json.Marshal(bar.JSON())
	if err != nil {
		t.Fatal(err)
	}
	var opt struct {
		YAxis []struct {
			Type string
			Data []string
		} `json:"yAxis"`
		Series []struct {
			Type string
			Data []struct {
				Name      string
				Value     float64
				Label     struct{ Formatter string }
				ItemStyle *struct{ Color string } `json:"itemStyle"`
			}
		}
		Toolbox struct {
			Feature map[string]any
		}
	}
	if err := json.Unmarshal(b, &opt); err != nil {
		t.Fatalf("chart option JSON: %v\n%s", err, b)
	}
	if len(opt.YAxis) != 1 || opt.YAxis[0].Type != "category" || strings.Join(opt.YAxis[0].Data, ",") != "古城街道 2024,桥头镇 2019" {
		t.Errorf("yAxis = %+v; want the two jurisdictions with years, ranked", opt.YAxis)
	}
	if len(opt.Series) != 1 || opt.Series[0].Type != "bar" || len(opt.Series[0].Data) != 2 {
		t.Fatalf("series = %+v; want one bar series with 2 items", opt.Series)
	}
	d := opt.Series[0].Data
	if d[0].Label.Formatter != "2119件" || d[1].Label.Formatter != "≥1000件" {
		t.Errorf("labels = %q, %q; want 2119件 and ≥1000件", d[0].Label.Formatter, d[1].Label.Formatter)
	}
	if d[0].ItemStyle != nil || d[1].ItemStyle == nil {
		t.Errorf("only the partial value should be drawn differently: %+v %+v", d[0].ItemStyle, d[1].ItemStyle)
	}
	for _, f := range []string{"saveAsImage", "dataView"} {
		if _, ok := opt.Toolbox.Feature[f]; !ok {
			t.Errorf("toolbox lacks %s", f)
		}
	}
}

// A report can contain anything; nothing it says may run as script.
func TestComparePageEscapesReportText(t *testing.T) {
	h := New(nil, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{})
	evil := `</script><script>alert(1)</script><img src=x onerror=alert(2)>`
	ind := warehouse.Indicator{Code: "mediation.cases_accepted", NameZH: "受理" + evil, Unit: "件"}
	rows := []warehouse.CompareRow{{JurisdictionName: evil, Year: 2024, Value: 1, Quote: evil, ReportID: `"><script>alert(3)</script>`}}
	page := comparePage{Title: evil, Indicator: ind, ChartID: compareChartID, Height: 300,
		Rows: []compareRowView{{CompareRow: rows[0], Display: "1件"}}, Chart: compareChart(ind, rows, false).JSON()}
	var buf bytes.Buffer
	if err := h.pages.ExecuteTemplate(&buf, "compare.html", page); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, bad := range []string{"<script>alert", "<img src=x", `"><script>`} {
		if strings.Contains(html, bad) {
			t.Errorf("page contains %q unescaped", bad)
		}
	}
	// The only scripts are ours: the ECharts and fazhi.js assets and the chart call.
	if n := len(regexp.MustCompile(`<script`).FindAllString(html, -1)); n != 3 {
		t.Errorf("page has %d <script> tags; want 3", n)
	}
}

func TestPagesLoadNothingFromOutside(t *testing.T) {
	for _, dir := range []string{"templates", "assets"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Name() == "echarts.min.js" || e.Name() == "echarts.LICENSE" {
				continue
			}
			b, err := os.ReadFile(dir + "/" + e.Name())
			if err != nil {
				t.Fatal(err)
			}
			if m := regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:)?//`).Find(b); m != nil {
				t.Errorf("%s/%s refers to an outside address: %s", dir, e.Name(), m)
			}
		}
	}
}

// The embedded ECharts must be the version the lockfile pins.
func TestEmbeddedEChartsMatchesLockfile(t *testing.T) {
	lock, err := os.ReadFile("package-lock.json")
	if err != nil {
		t.Fatal(err)
	}
	var l struct {
		Packages map[string]struct{ Version string } `json:"packages"`
	}
	if err := json.Unmarshal(lock, &l); err != nil {
		t.Fatal(err)
	}
	v := l.Packages["node_modules/echarts"].Version
	if v == "" {
		t.Fatal("package-lock.json pins no echarts")
	}
	js, err := assets.ReadFile("assets/echarts.min.js")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(js, []byte(`.version="`+v+`"`)) {
		t.Errorf("assets/echarts.min.js is not ECharts %s (the lockfile's version): run make assets", v)
	}
}
