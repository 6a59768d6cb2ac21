package anyof

import "testing"

func TestAnyOf(t *testing.T) {
	s := "全年受理矛盾纠纷374件"
	cases := []struct {
		name string
		got  bool
		want bool
	}{
		{"Contains hit", Contains(s, "调解", "矛盾纠纷"), true},
		{"Contains miss", Contains(s, "调解", "诉讼"), false},
		{"Contains none", Contains(s), false},
		{"Prefix hit", Prefix(s, "今年", "全年"), true},
		{"Prefix miss", Prefix(s, "受理"), false},
		{"Suffix hit", Suffix(s, "次", "件"), true},
		{"Suffix miss", Suffix(s, "次"), false},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s = %v; want %v", c.name, c.got, c.want)
		}
	}
}

func TestCut(t *testing.T) {
	for _, c := range []struct {
		name, got, want string
		ok, wantOK      bool
	}{
		{"CutPrefix hit", first(CutPrefix("单位:件", "计量单位:", "单位:")), "件", second(CutPrefix("单位:件", "单位:")), true},
		{"CutPrefix miss", first(CutPrefix("数量(件)", "单位:")), "数量(件)", second(CutPrefix("数量(件)", "单位:")), false},
		{"CutSuffix hit", first(CutSuffix("12000余", "多", "余")), "12000", second(CutSuffix("12000余", "余")), true},
		{"CutSuffix miss", first(CutSuffix("12000", "余")), "12000", second(CutSuffix("12000", "余")), false},
	} {
		if c.got != c.want || c.ok != c.wantOK {
			t.Errorf("%s = %q, %v; want %q, %v", c.name, c.got, c.ok, c.want, c.wantOK)
		}
	}
}

func first(s string, _ bool) string { return s }
func second(_ string, ok bool) bool { return ok }
