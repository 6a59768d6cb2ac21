package textnorm

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var normalizeTests = []struct {
	name, in, want string
}{
	// Width folding.
	{"fullwidth comma and parens", "（一）依法行政，加强建设", "(一)依法行政,加强建设"},
	{"fullwidth percent and colon", "调解成功率：９８％；", "调解成功率:98%;"},
	{"fullwidth letters", "ＡＢＣ１２３ｘｙｚ", "ABC123xyz"},
	{"fullwidth question and exclamation", "是否？是！", "是否?是!"},
	{"chinese punctuation kept", "《条例》“八五”普法。、", "《条例》“八五”普法。、"},
	{"halfwidth ideographic forms", "完成｡下一步､继续", "完成。下一步、继续"},
	{"fullwidth yen", "金额￥100元", "金额¥100元"},
	{"fullwidth dot decimal", "98．2%", "98.2%"},

	// Spaces and lines.
	{"ideographic space indent", "\u3000\u30002024年，古城街道", "2024年,古城街道"},
	{"nbsp between words", "打印\u00a0关闭", "打印 关闭"},
	{"en space", "来源:\u2002古城街道", "来源: 古城街道"},
	{"zero width removed", "法\u200b治\u200d政\ufeff府", "法治政府"},
	{"soft hyphen removed", "re\u00adport", "report"},
	{"tab is a space", "索引号:\t001", "索引号: 001"},
	{"space run collapsed", "打印     关闭", "打印 关闭"},
	{"crlf", "第一行\r\n第二行\r\n", "第一行\n第二行"},
	{"lone cr", "第一行\r第二行", "第一行\n第二行"},
	{"form feed is a line break", "第一页\f第二页", "第一页\n第二页"},
	{"line separator", "甲\u2028乙", "甲\n乙"},
	{"trailing spaces trimmed", "标题   \n正文", "标题\n正文"},
	{"leading spaces trimmed", "   标题\n    正文", "标题\n正文"},
	{"blank lines collapsed", "甲\n\n\n\n乙", "甲\n\n乙"},
	{"whitespace-only lines are blank", "甲\n \u3000 \n\t\n乙", "甲\n\n乙"},
	{"leading and trailing blank lines", "\n\n  甲\n\n\n", "甲"},
	{"control characters removed", "甲\x00乙\x07丙\x1b", "甲乙丙"},
	{"space between sentences kept", "见效。 一是加强", "见效。 一是加强"},
	{"space between latin words kept", "PDF file  name", "PDF file name"},
	{"invalid utf8 replaced", "甲\xff乙", "甲\ufffd乙"},
	{"empty", "", ""},
	{"only spaces", " \t\u3000\n\n", ""},

	// Spaces around numbers.
	{"space before unit", "受理案件 374 件", "受理案件374件"},
	{"a decimal point set apart before a rate's decimals", "败诉率 3. 5 %", "败诉率3.5%"},
	{"a spaced-out rate with its point set apart", "同比增长 2 3 . 4 %", "同比增长23.4%"},
	{"a spaced-out amount with its point set apart", "罚没款 1 2 . 6 万元", "罚没款12.6万元"},
	{"a full stop set apart before a month is no decimal point", "共3件. 5月", "共3件. 5月"},
	{"space before percent", "成功率达 98 %", "成功率达98%"},
	{"space before wan", "涉及金额 1502 万元", "涉及金额1502万元"},
	{"date with space not glued", "2019年 12月", "2019年12月"},
	{"space before permille", "比例 3 ‰", "比例3‰"},
	{"space after number before latin kept", "5 G基站", "5 G基站"},

	// Numbers broken by the page.
	{"two digits split", "1 5起", "15起"},
	{"every digit split", "受理矛盾纠纷 3 7 4 件", "受理矛盾纠纷374件"},
	{"year split", "2 0 1 9 年", "2019年"},
	{"thousands gap", "调解成功13 402件", "调解成功13402件"},
	{"thousands gap after a split digit", "受理矛盾纠纷1 3 624件", "受理矛盾纠纷13624件"},
	{"row cells of single digits before a rate kept apart", "其中:撤销(件) 6 8 33.3%", "其中:撤销(件) 6 8 33.3%"},
	{"a figure spaced out in prose, a counting word after it", "开展行政检查6 8 20次,查处违法行为1 437起", "开展行政检查6820次,查处违法行为1437起"},
	{"a pipe table cell's thousands gap closes", "| 政务服务事项 | 项 | 1 208 | 1 236 |", "| 政务服务事项 | 项 | 1208 | 1236 |"},
	{"a pipe table cell of two figures stays apart", "| 调解 | 12 345 678 |", "| 调解 | 12 345 678 |"},
	{"a row's columns apart by wide gaps keep thousands gaps closed", "市综合执法局       1 108          1 376          5 210", "市综合执法局1108 1376 5210"},
	{"a row's cells apart by one space each stay apart", "市应急管理局 46 63 1 127", "市应急管理局46 63 1 127"},
	{"a thousands gap between wide gaps and a wide column after it", "合计   17 952   3 541\t18 630", "合计17952 3541 18630"},
	{"row cells of single digits beside two digits kept apart", "败诉(件) 3 12 5件", "败诉(件) 3 12 5件"},
	{"row cells of three digits kept apart", "鱼岳镇 612 604 98.69%", "鱼岳镇612 604 98.69%"},
	{"two cells at a line's end kept apart", "合计 612 604\n下一行", "合计612 604\n下一行"},
	{"four digits before three is no thousands gap", "2021 202件", "2021 202件"},
	{"split before percent", "办结率达9 5%", "办结率达95%"},
	{"middle dot decimal with split", "99·5 9%", "99.59%"},
	{"middle dot decimal", "调解成功率98·2%", "调解成功率98.2%"},
	{"katakana dot decimal", "增长1・5倍", "增长1.5倍"},
	{"middle dot decimal wan", "资金3·5万元", "资金3.5万元"},
	{"middle dot not a date", "面积35·6平方米", "面积35.6平方米"},
	{"middle dot percentage points", "提高1·2个百分点", "提高1.2个百分点"},
	{"festival name kept", "“12·4”国家宪法日", "“12·4”国家宪法日"},
	{"festival name kept unquoted", "开展3·15宣传", "开展3·15宣传"},
	{"festival with space kept", "6·26 国际禁毒日", "6·26国际禁毒日"},
	{"two dots not decimal", "2023·12·4活动", "2023·12·4活动"},
	{"ascii decimal untouched", "98.20%", "98.20%"},
	{"thousands separator untouched", "301,383万元", "301,383万元"},
	{"a count and a rate of three digits are no thousands", "合计 208 100%", "合计208 100%"},
	{"a line break after a thousands comma joins the figure", "全区主动公开政府信息8,4\n56条,其中门户网站发布1,932条。", "全区主动公开政府信息8,456条,其中门户网站发布1,932条。"},
	{"a spaced run inside a line closes", "全年开展合 法 性 审 查 ５ ８ 件，其中合同41件", "全年开展合法性审查58件,其中合同41件"},
	{"a spaced outcome inside a line closes", "经复议机关审理，维 持 １ 件，申请人撤回申请１件。", "经复议机关审理,维持1件,申请人撤回申请1件。"},
	{"a whole number and a decimal apart are two figures", "纠错            20      9.6%", "纠错20 9.6%"},
	{"a space after a thousands comma closes", "调解成功9, 106件", "调解成功9,106件"},
	{"a space after a list's comma stays", "分别为9, 10件", "分别为9, 10件"},
	{"fullwidth digits", "办结５１９宗", "办结519宗"},
	{"zero width inside number", "1\u200b5起", "15起"},

	// Numbers that must stay apart.
	{"timestamp", "日期:2025-01-08 09:40", "日期:2025-01-08 09:40"},
	{"year list", "2019 2020年", "2019 2020年"},
	{"table row ending in number", "行政复议 1 2 3", "行政复议1 2 3"},
	{"numbers before punctuation", "分别为 3 5,", "分别为3 5,"},
	{"two long runs", "受理 12 34件", "受理12 34件"},
	{"after latin letter", "编号A 1 2号", "编号A 1 2号"},
	{"after colon", "时间:9 30分", "时间:9 30分"},
	{"numbers across lines", "94\n8%", "94\n8%"},
	{"numbered list", "1. 2019年完成", "1. 2019年完成"},
	{"section number", "1.2 加强", "1.2加强"},
	{"range with tilde", "2019~2020年", "2019~2020年"},
	{"phone number", "电话:0571 87654321", "电话:0571 87654321"},
}

func TestNormalize(t *testing.T) {
	t.Parallel()
	for _, tc := range normalizeTests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := Normalize(tc.in); got != tc.want {
				t.Errorf("Normalize(%q) = %q; want %q", tc.in, got, tc.want)
			}
			if got := Normalize(tc.want); got != tc.want {
				t.Errorf("Normalize(%q) = %q; want it unchanged (idempotence)", tc.want, got)
			}
		})
	}
}

// TestNormalizeKeepsGoldQuotes checks on the sample reports that normalising
// a report keeps every hand-checked quote, and changes only whitespace.
func TestNormalizeKeepsGoldQuotes(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "datasets", "reports")
	f, err := os.Open(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		t.Fatalf("open gold: %v", err)
	}
	defer f.Close()
	texts := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var g struct{ File, Quote string }
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("gold line %d: %v", n+1, err)
		}
		text, ok := texts[g.File]
		if !ok {
			b, err := os.ReadFile(filepath.Join(dir, g.File))
			if err != nil {
				t.Fatalf("read report: %v", err)
			}
			raw := string(b)
			text = Normalize(raw)
			if squeeze(text) != squeeze(raw) {
				t.Errorf("Normalize(%s) changed more than whitespace", g.File)
			}
			texts[g.File] = text
		}
		if !strings.Contains(text, g.Quote) {
			t.Errorf("Normalize(%s) lost gold quote %q", g.File, g.Quote)
		}
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("scan gold: %v", err)
	}
	if n == 0 {
		t.Fatal("gold.jsonl has no lines")
	}
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' || r == 0xa0 || r == 0x2002 || r == 0x3000 {
			return -1
		}
		return r
	}, s)
}

func FuzzNormalize(f *testing.F) {
	for _, tc := range normalizeTests {
		f.Add(tc.in)
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "datasets", "reports", "*.txt"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatalf("read seed: %v", err)
		}
		f.Add(string(b[:min(len(b), 2000)]))
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := Normalize(in)
		if !utf8.ValidString(got) {
			t.Fatalf("Normalize(%q) = %q; not valid UTF-8", in, got)
		}
		if again := Normalize(got); again != got {
			t.Fatalf("Normalize(Normalize(%q)) = %q; want %q", in, again, got)
		}
		if strings.Contains(got, "  ") || strings.Contains(got, "\n\n\n") || strings.Contains(got, " \n") ||
			strings.HasSuffix(got, "\n") || strings.HasSuffix(got, " ") {
			t.Fatalf("Normalize(%q) = %q; has uncollapsed whitespace", in, got)
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "datasets", "reports", "*.txt"))
	var sb strings.Builder
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatalf("read: %v", err)
		}
		sb.Write(data)
	}
	text := sb.String()
	if text == "" {
		b.Fatal("no sample text")
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Normalize(text)
	}
}

func TestCountRunes(t *testing.T) {
	for _, s := range []string{"", "a", "调解成功率98.5%", "全年受理矛盾纠纷374件,调解成功367件。\n", "𠀀ab€", strings.Repeat("法治政府", 100) + "x"} {
		if got, want := CountRunes(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("CountRunes(%q) = %d; want %d", s, got, want)
		}
	}
}

func FuzzCountRunes(f *testing.F) {
	f.Add("全年受理矛盾纠纷374件")
	f.Fuzz(func(t *testing.T, s string) {
		s = Normalize(s)
		if got, want := CountRunes(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("CountRunes(%q) = %d; want %d", s, got, want)
		}
	})
}
