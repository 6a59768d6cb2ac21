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
