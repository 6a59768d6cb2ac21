package cnnum

import (
	"strconv"
	"strings"
	"testing"
)

func TestParseAt(t *testing.T) {
	tests := []struct {
		in      string
		at      string // the numeral is the first occurrence of at in in; "" = start
		ok      bool
		value   float64
		text    string
		bound   Bound
		chinese bool
		next    string // what follows Next
	}{
		{in: "共受理调解案件167宗", at: "167", ok: true, value: 167, text: "167", next: "宗"},
		{in: "审计资金301,383万元", at: "301", ok: true, value: 3013830000, text: "301,383万", next: "元"},
		{in: "调解成功率达98.20%", at: "98", ok: true, value: 98.2, text: "98.20", next: "%"},
		{in: "1.5", ok: true, value: 1.5, text: "1.5"},
		{in: "1.5万人", ok: true, value: 15000, text: "1.5万", next: "人"},
		{in: "3亿元", ok: true, value: 3e8, text: "3亿", next: "元"},
		{in: "1502万元人民币", ok: true, value: 15020000, text: "1502万", next: "元人民币"},
		{in: "181.7万元", ok: true, value: 1817000, text: "181.7万", next: "元"},
		{in: "两次", ok: true, value: 2, text: "两", chinese: true, next: "次"},
		{in: "三场", ok: true, value: 3, text: "三", chinese: true, next: "场"},
		{in: "十二期", ok: true, value: 12, text: "十二", chinese: true, next: "期"},
		{in: "一万余份", ok: true, value: 10000, text: "一万", bound: AtLeast, chinese: true, next: "份"},
		{in: "二十余人", ok: true, value: 20, text: "二十", bound: AtLeast, chinese: true, next: "人"},
		{in: "百余次", ok: true, value: 100, text: "百", bound: AtLeast, chinese: true, next: "次"},
		{in: "数十人", ok: false},
		{in: "数十人", at: "十", ok: false},
		{in: "几百人", at: "百", ok: false},
		{in: "1.5万余人次", ok: true, value: 15000, text: "1.5万", bound: AtLeast, next: "人次"},
		{in: "98.20%", ok: true, value: 98.2, text: "98.20", next: "%"},
		{in: "1万余份", ok: true, value: 10000, text: "1万", bound: AtLeast, next: "份"},
		{in: "120余万条", ok: true, value: 1200000, text: "120余万", bound: AtLeast, next: "条"},
		{in: "十多万人次", ok: true, value: 100000, text: "十多万", bound: AtLeast, chinese: true, next: "人次"},
		{in: "120余万元", ok: true, value: 1200000, text: "120余万", bound: AtLeast, next: "元"},
		{in: "1万余万", ok: true, value: 10000, text: "1万", bound: AtLeast, next: "万"},
		{in: "91余场次", ok: true, value: 91, text: "91", bound: AtLeast, next: "场次"},
		{in: "10000余次", ok: true, value: 10000, text: "10000", bound: AtLeast, next: "次"},
		{in: "3000多份", ok: true, value: 3000, text: "3000", bound: AtLeast, next: "份"},
		{in: "一百零五件", ok: true, value: 105, text: "一百零五", chinese: true, next: "件"},
		{in: "两千三百人", ok: true, value: 2300, text: "两千三百", chinese: true, next: "人"},
		{in: "三百五十件", ok: true, value: 350, text: "三百五十", chinese: true, next: "件"},
		{in: "十件", ok: true, value: 10, text: "十", chinese: true, next: "件"},
		{in: "一万亿元", ok: true, value: 1e12, text: "一万亿", chinese: true, next: "元"},
		{in: "一亿二千万元", ok: true, value: 1.2e8, text: "一亿二千万", chinese: true, next: "元"},
		{in: "零件", ok: true, value: 0, text: "零", chinese: true, next: "件"},
		{in: "第二", at: "二", ok: false},
		{in: "万人", ok: false},
		{in: "亿元", ok: false},
		{in: "123", at: "23", ok: false},
		{in: "1.25", at: "25", ok: false},
		{in: "三十", at: "十", ok: false},
		{in: "abc", ok: false},
		{in: "", ok: false},
		{in: "12,34件", ok: true, value: 12, text: "12", next: ",34件"},
		{in: "1234,567件", ok: true, value: 1234, text: "1234", next: ",567件"},
		{in: "168批次,505人次", ok: true, value: 168, text: "168", next: "批次,505人次"},
		{in: "受理调解案件2.87万件", at: "2", ok: true, value: 28700, text: "2.87万", next: "件"},
		{in: "1.13万件", ok: true, value: 11300, text: "1.13万", next: "件"},
		{in: "调处成功率九十六点九%", at: "九", ok: true, value: 96.9, text: "九十六点九", chinese: true, next: "%"},
		{in: "三点半", ok: true, value: 3, text: "三", chinese: true, next: "点半"},
		{in: "一点", ok: true, value: 1, text: "一", chinese: true, next: "点"},
		{in: "一万点五", ok: true, value: 10000, text: "一万", chinese: true, next: "点五"},
		{in: "1,000,000元", ok: true, value: 1e6, text: "1,000,000", next: "元"},
		{in: "5千米", ok: true, value: 5, text: "5", next: "千米"},
		{in: "5百分点", ok: true, value: 5, text: "5", next: "百分点"},
		{in: "3千人", ok: true, value: 3000, text: "3千", next: "人"},
		{in: "2.", ok: true, value: 2, text: "2", next: "."},
		{in: "一是", ok: true, value: 1, text: "一", chinese: true, next: "是"},
		{in: "二十多个", ok: true, value: 20, text: "二十", bound: AtLeast, chinese: true, next: "个"},
		{in: "20192020172件", ok: true, value: 20192020172, text: "20192020172", next: "件"},
		{in: "99999999999999999999件", ok: false},
		{in: "0.5%", ok: true, value: 0.5, text: "0.5", next: "%"},
	}
	for _, tt := range tests {
		i := 0
		if tt.at != "" {
			i = strings.Index(tt.in, tt.at)
		}
		n, ok := ParseAt(tt.in, i)
		if ok != tt.ok {
			t.Errorf("ParseAt(%q, %d) ok = %v; want %v", tt.in, i, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if n.Value != tt.value || n.Text(tt.in) != tt.text || n.Bound != tt.bound || n.Chinese != tt.chinese || tt.in[n.Next:] != tt.next {
			t.Errorf("ParseAt(%q, %d) = value %v text %q bound %v chinese %v next %q; want %v %q %v %v %q",
				tt.in, i, n.Value, n.Text(tt.in), n.Bound, n.Chinese, tt.in[n.Next:], tt.value, tt.text, tt.bound, tt.chinese, tt.next)
		}
	}
}

// TestBoundBefore covers every prefix qualifier and its kind.
func TestBoundBefore(t *testing.T) {
	tests := []struct {
		in   string
		want Bound
	}{
		{"涉及金额约", About},
		{"大约", About},
		{"约有", About},
		{"持证率已超", AtLeast},
		{"超过", AtLeast},
		{"逾", AtLeast},
		{"不少于", AtLeast},
		{"多于", AtLeast},
		{"近", AtMost},
		{"将近", AtMost},
		{"接近", AtMost},
		{"涉及金额达", Exact},
		{"受理", Exact},
		{"", Exact},
		{"超时率", Exact},
		{"超出", Exact},
		{"不超过", AtMost},
		{"不多于", AtMost},
		{"不高于", AtMost},
		{"不足", AtMost},
		{"不到", AtMost},
		{"少于", AtMost},
		{"未满", AtMost},
		{"最近", Exact},
		{"附近", Exact},
	}
	for _, tt := range tests {
		if got := BoundBefore(tt.in, len(tt.in)); got != tt.want {
			t.Errorf("BoundBefore(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
	if got := BoundBefore("约", 4); got != Exact {
		t.Errorf("BoundBefore out of range = %v; want exact", got)
	}
}

// TestBoundAfter covers every suffix qualifier and its kind.
func TestBoundAfter(t *testing.T) {
	tests := []struct {
		in   string
		want Bound
	}{
		{"以上", AtLeast},
		{"有余", AtLeast},
		{"之多", AtLeast},
		{"左右", About},
		{"上下", About},
		{"以下", AtMost},
		{"以内", AtMost},
		{"余", Exact},
		{",其中", Exact},
		{"", Exact},
	}
	for _, tt := range tests {
		if got := BoundAfter(tt.in, 0); got != tt.want {
			t.Errorf("BoundAfter(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestBoundAnd(t *testing.T) {
	tests := []struct {
		a, b, want Bound
	}{
		{Exact, Exact, Exact},
		{AtLeast, Exact, AtLeast},
		{Exact, AtMost, AtMost},
		{About, About, About},
		{AtLeast, AtLeast, AtLeast},
		{About, AtLeast, About},  // 约300件以上
		{AtMost, AtLeast, About}, // 近300余件
		{AtLeast, AtMost, About},
	}
	for _, tt := range tests {
		if got := tt.a.And(tt.b); got != tt.want {
			t.Errorf("%v.And(%v) = %v; want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestParseAtInteger checks that decimal figures scaled to whole numbers
// are integers (2.87万 = 28700 is a count) and Chinese decimals are not.
func TestParseAtInteger(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"2.87万件", true},
		{"1.13万件", true},
		{"0.35万元", true},
		{"1.5万", true},
		{"1.25", false},
		{"1.23456万", false},
		{"九十六点九", false},
		{"九十六", true},
	}
	for _, tt := range tests {
		n, ok := ParseAt(tt.in, 0)
		if !ok || n.Integer != tt.want {
			t.Errorf("ParseAt(%q, 0).Integer = %v (ok %v); want %v", tt.in, n.Integer, ok, tt.want)
		}
	}
}

func TestPercent(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want float64
		text string
	}{
		{"占比百分之九十八,", 98, "百分之九十八"},
		{"调处成功率百分之九十六点九,", 96.9, "百分之九十六点九"},
		{"办结率百分之百", 100, "百分之百"},
	} {
		n, ok := Percent(tt.in, strings.Index(tt.in, "百分之"))
		if !ok || n.Value != tt.want || n.Text(tt.in) != tt.text {
			t.Errorf("Percent(%q) = %v %q %v; want %v %q true", tt.in, n.Value, n.Text(tt.in), ok, tt.want, tt.text)
		}
	}
	if _, ok := Percent("百分点", 0); ok {
		t.Errorf("Percent(%q) ok = true; want false", "百分点")
	}
}

func FuzzParseAt(f *testing.F) {
	for _, s := range []string{"共受理调解案件167宗", "301,383万元", "98.20%", "一万余份", "1.5万余人次", "二十余", "数十", "一百零五", "百分之九十", "12,3456", "0.", "两千三百"} {
		f.Add(s, 0)
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, i int) {
		n, ok := ParseAt(s, i)
		if ok {
			if n.Start != i || n.End <= n.Start || n.End > len(s) || n.Next < n.End || n.Next > len(s) {
				t.Fatalf("ParseAt(%q, %d) span = [%d,%d) next %d; out of input", s, i, n.Start, n.End, n.Next)
			}
			if n.Value < 0 {
				t.Fatalf("ParseAt(%q, %d) = %v; want non-negative", s, i, n.Value)
			}
		}
		BoundBefore(s, i)
		BoundAfter(s, i)
		Percent(s, i)
	})
}

func FuzzRoundTrip(f *testing.F) {
	f.Add(uint32(0))
	f.Add(uint32(167))
	f.Add(uint32(4294967295))
	f.Fuzz(func(t *testing.T, v uint32) {
		s := strconv.FormatUint(uint64(v), 10) + "件"
		n, ok := ParseAt(s, 0)
		if !ok || n.Value != float64(v) || n.Text(s) != strconv.FormatUint(uint64(v), 10) {
			t.Fatalf("ParseAt(%q, 0) = %v %q %v; want %d", s, n.Value, n.Text(s), ok, v)
		}
	})
}

func BenchmarkParseAt(b *testing.B) {
	inputs := []string{"301,383万元", "98.20%", "一万余份", "1.5万余人次", "两千三百人", "167宗"}
	for b.Loop() {
		for _, s := range inputs {
			ParseAt(s, 0)
		}
	}
}

// boundBeforePlain and boundAfterPlain are BoundBefore and BoundAfter
// without the test of the character next to i.
func boundBeforePlain(s string, i int) Bound {
	if i < 0 || i > len(s) {
		return Exact
	}
	for _, w := range notQualifiers {
		if strings.HasSuffix(s[:i], w) {
			return Exact
		}
	}
	for _, q := range approxPrefixes {
		if strings.HasSuffix(s[:i], q.text) {
			return q.bound
		}
	}
	return Exact
}

func boundAfterPlain(s string, i int) Bound {
	if i < 0 || i > len(s) {
		return Exact
	}
	for _, q := range approxSuffixes {
		if strings.HasPrefix(s[i:], q.text) {
			return q.bound
		}
	}
	return Exact
}

// FuzzBounds checks BoundBefore and BoundAfter against the plain loops over
// every qualifier, at every byte of any text.
func FuzzBounds(f *testing.F) {
	for _, s := range []string{"涉及金额约300人以上", "不超过5件左右,超时率", "最近\xe8约", "近50%有余之多"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := -1; i <= len(s)+1; i++ {
			if got, want := BoundBefore(s, i), boundBeforePlain(s, i); got != want {
				t.Fatalf("BoundBefore(%q, %d) = %v; want %v", s, i, got, want)
			}
			if got, want := BoundAfter(s, i), boundAfterPlain(s, i); got != want {
				t.Fatalf("BoundAfter(%q, %d) = %v; want %v", s, i, got, want)
			}
		}
	})
}
