package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCatalog(t *testing.T) {
	cat := Catalog()
	if len(cat) != 57 {
		t.Errorf("len(Catalog()) = %d; want 57 (the codes of INDICATORS.md)", len(cat))
	}
	seen := map[string]bool{}
	units := map[string]bool{"件": true, "次": true, "份": true, "人": true, "人次": true, "条": true, "个": true, "项": true, "%": true, "元": true}
	for _, ind := range cat {
		if seen[ind.Code] {
			t.Errorf("Catalog() repeats %s", ind.Code)
		}
		seen[ind.Code] = true
		if !strings.HasPrefix(ind.Code, ind.Category+".") {
			t.Errorf("Catalog() %s has category %q; want the part before the dot", ind.Code, ind.Category)
		}
		if !units[ind.Unit] {
			t.Errorf("Catalog() %s has unit %q; want a canonical unit", ind.Code, ind.Unit)
		}
		switch ind.Kind {
		case KindRate:
			if ind.Unit != "%" {
				t.Errorf("Catalog() rate %s has unit %q; want %%", ind.Code, ind.Unit)
			}
		case KindCount, KindAmount:
		default:
			t.Errorf("Catalog() %s has kind %q", ind.Code, ind.Kind)
		}
		if ind.NameZh == "" || ind.NameEn == "" || ind.Description == "" {
			t.Errorf("Catalog() %s lacks a name or description", ind.Code)
		}
	}
	// Every code the lexicon decides is in the catalog (compile panics
	// otherwise), and every count or rate code has at least one frame.
	compiled()
	ruled := map[string]bool{}
	for _, f := range frames {
		ruled[f.code] = true
	}
	for _, z := range zeroRules {
		ruled[z.code] = true
	}
	for _, ind := range cat {
		if !ruled[ind.Code] {
			t.Errorf("no frame for %s", ind.Code)
		}
	}
	cat[0].Code = "changed"
	if Catalog()[0].Code == "changed" {
		t.Error("Catalog() returned the package's own slice; want a copy")
	}
}

func TestSpansAndUnits(t *testing.T) {
	text := "今年以来,共受理调解案件167宗,成功调解164宗,调解涉及金额约1502万元人民币。发放宣传资料1万余份。"
	facts := Extract(text, Options{Year: 2019})
	checkSpans(t, text, facts)
	want := []struct {
		code, num, unit, raw string
		value                float64
		approx               bool
	}{
		{"mediation.cases_accepted", "167", "件", "宗", 167, false},
		{"mediation.cases_resolved", "164", "件", "宗", 164, false},
		{"mediation.success_rate", "164", "%", "", 98.2, false}, // derived, at the numerator
		{"mediation.amount", "1502万", "元", "万元", 15020000, true},
		{"publicity.materials", "1万", "份", "份", 10000, true},
	}
	if len(facts) != len(want) {
		t.Fatalf("Extract(%q) = %d facts (%s); want %d", text, len(facts), summary(facts), len(want))
	}
	runes := []rune(text)
	for i, w := range want {
		f := facts[i]
		if got := string(runes[f.Start:f.End]); f.Indicator != w.code || got != w.num || f.Unit != w.unit || f.RawUnit != w.raw || f.Value != w.value || f.Approx != w.approx {
			t.Errorf("fact %d = %s %q %s/%s %v approx %v; want %s %q %s/%s %v approx %v", i, f.Indicator, got, f.Unit, f.RawUnit, f.Value, f.Approx, w.code, w.num, w.unit, w.raw, w.value, w.approx)
		}
	}
	if d := facts[2]; !d.Derived || d.Numerator == nil || *d.Numerator != 164 || *d.Denominator != 167 || d.Basis == "" {
		t.Errorf("derived success rate = %+v; want derived 164/167 with a basis", d)
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ in, quote string }{
		{"受理矛盾纠纷374件,调解成功367件,调解率98.1%三是加强法律服务。", "调解率98.1%"},
		{"承办行政处罚案件546起", "承办行政处罚案件546起"},
		{"全年无败诉案件;此外", "全年无败诉案件"},
	}
	for _, tt := range tests {
		facts := Extract(tt.in, Options{})
		var last Fact
		for _, f := range facts {
			if !f.Derived {
				last = f
			}
		}
		if last.Quote != tt.quote {
			t.Errorf("Extract(%q) last quote = %q; want %q", tt.in, last.Quote, tt.quote)
		}
	}
}

func TestFlags(t *testing.T) {
	tests := []struct {
		name, in string
		code     string
		flag     string
		want     bool
	}{
		{"rate mismatch", "受理矛盾纠纷200件,调解成功150件,调解成功率98%。", "mediation.success_rate", FlagRateMismatch, true},
		{"rate within half a point", "调处矛盾纠纷773宗,调处成功747宗,成功率达97%。", "mediation.success_rate", FlagRateMismatch, false},
		{"part exceeds whole", "受理矛盾纠纷100件,调解成功120件。", "mediation.cases_resolved", FlagPartExceedsWhole, true},
		{"part within whole", "受理矛盾纠纷100件,调解成功98件。", "mediation.cases_resolved", FlagPartExceedsWhole, false},
		{"partial year 截至", "截至10月30日,公开各类信息共1547条。", "disclosure.proactive_items", FlagPartialYear, true},
		{"partial year since May", "自5月1日起,全镇共公开行政处罚案件112宗。", "enforcement.penalty_cases", FlagPartialYear, true},
		{"partial year 1-9月", "1-9月,共受理矛盾纠纷120件。", "mediation.cases_accepted", FlagPartialYear, true},
		{"cumulative clause goes on", "自2018年创建普法品牌以来,街道累计开展活动326期,惠及群众4.2万人次。", "publicity.audience", FlagPartialYear, true},
		{"a new period after a cumulative", "自2019年以来累计调解纠纷1200件,今年开展法治讲座30场。", "publicity.lectures", FlagPartialYear, false},
		{"whole year", "全年共受理矛盾纠纷120件。", "mediation.cases_accepted", FlagPartialYear, false},
		{"partial year with the year", "截至2020年10月底,共受理矛盾纠纷120件。", "mediation.cases_accepted", FlagPartialYear, true},
		{"to December", "截至2020年12月31日,共受理矛盾纠纷120件。", "mediation.cases_accepted", FlagPartialYear, false},
		{"date of an earlier year", "于2018年12月2日开始服务群众,今年共受理矛盾纠纷120件。", "mediation.cases_accepted", FlagPartialYear, false},
		{"years since an earlier year", "2017年以来,累计受理矛盾纠纷500件。", "mediation.cases_accepted", FlagPartialYear, true},
		{"years since an earlier year, 自…以来", "自2016年推行“一村一法律顾问”以来,累计为群众解答法律咨询1.2万人次。", "publicity.consultations", FlagPartialYear, true},
		{"a cumulative of the year", "2020年以来,累计受理矛盾纠纷500件。", "mediation.cases_accepted", FlagPartialYear, false},
		{"years since a plan began", "“七五”普法启动以来,全区累计开展法治宣传活动4100余场次。", "publicity.events", FlagPartialYear, true},
		{"years since a national plan began", "“十三五”以来,全区累计开展法治宣传活动4100余场次。", "publicity.events", FlagPartialYear, true},
		{"since a plan that begins later", "“八五”普法启动以来,全区累计开展法治宣传活动4100余场次。", "publicity.events", FlagPartialYear, false},
		{"over a plan's years", "“七五”普法期间,全区累计开展法治宣传活动4100余场次。", "publicity.events", FlagPartialYear, true},
		{"over a plan's years that begin with the report's", "“八五”普法期间,全区累计开展法治宣传活动4100余场次。", "publicity.events", FlagPartialYear, false},
		{"全年累计", "全年累计受理矛盾纠纷500件。", "mediation.cases_accepted", FlagPartialYear, false},
		{"ceiling", "实现村(社区)法律顾问覆盖率100%。", "counsel.adviser_coverage_rate", FlagCeiling, true},
		{"duplicate", "办理人大代表建议142件。全年共办理人大代表意见、建议142件。", "supervision.npc_suggestions", FlagDuplicateMention, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			facts := Extract(tt.in, Options{Year: 2020})
			got := false
			for _, f := range facts {
				if f.Indicator == tt.code && slices.Contains(f.Flags, tt.flag) {
					got = true
				}
			}
			if got != tt.want {
				t.Errorf("Extract(%q) flag %s on %s = %v; want %v (facts %+v)", tt.in, tt.flag, tt.code, got, tt.want, facts)
			}
		})
	}
}

func TestDerived(t *testing.T) {
	tests := []struct {
		name, in string
		code     string
		value    float64
		derived  bool
		kind     string // ApproxKind
	}{
		{"success rate derived", "受理矛盾纠纷374件,调解成功367件。", "mediation.success_rate", 98.13, true, ""},
		{"stated rate kept", "受理矛盾纠纷374件,调解成功367件,调解成功率97%。", "mediation.success_rate", 97, false, ""},
		{"petition rate derived", "办理信访案件547宗,办结519宗。", "petition.conclusion_rate", 94.88, true, ""},
		{"loss rate from concluded cases", "参与7件行政诉讼案件审理(其中1件驳回原告诉讼请求、2件原告撤诉、4件尚在审理中),败诉0件。", "litigation.loss_rate", 0, true, ""},
		// A ratio of a bound and an estimate is only an estimate.
		{"derived from approximate counts", "受理矛盾纠纷近500件,调解成功300余件。", "mediation.success_rate", 60, true, "about"},
		{"derived from one approximate count", "受理矛盾纠纷500件,调解成功约300件。", "mediation.success_rate", 60, true, "about"},
		// A stated rate keeps its own qualifier, whatever its counts say.
		{"stated rate keeps its kind", "受理矛盾纠纷约500件,调解成功300件,调解成功率60%以上。", "mediation.success_rate", 60, false, "at_least"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			facts := Extract(tt.in, Options{})
			var rates []Fact
			for _, f := range facts {
				if f.Indicator == tt.code {
					rates = append(rates, f)
				}
			}
			if len(rates) != 1 || rates[0].Value != tt.value || rates[0].Derived != tt.derived ||
				rates[0].ApproxKind != tt.kind || rates[0].Approx != (tt.kind != "") {
				t.Errorf("Extract(%q) %s = %+v; want one fact %v derived %v approx kind %q", tt.in, tt.code, rates, tt.value, tt.derived, tt.kind)
			}
		})
	}
}

func TestTownReconsideration(t *testing.T) {
	in := "法律顾问参与行政复议案件2件(均驳回申请)。"
	if got, want := summary(Extract(in, Options{Level: "街道"})), "reconsideration.as_respondent=2 reconsideration.upheld=2"; got != want {
		t.Errorf("Extract(%q, street) = %q; want %q", in, got, want)
	}
	if got, want := summary(Extract(in, Options{Level: "区"})), "reconsideration.received=2 reconsideration.upheld=2"; got != want {
		t.Errorf("Extract(%q, district) = %q; want %q", in, got, want)
	}
}

// The tables of the annual disclosure report are read by row and column,
// whether a row is a line or the page flattened it one cell a line.
func TestDisclosureTables(t *testing.T) {
	rows := "二、主动公开政府信息情况\n" +
		"| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n" +
		"| 规章 | 0 | 0 | 1 |\n" +
		"| 行政规范性文件 | 3 | 1 | 12 |\n" +
		"| 信息内容 | 本年处理决定数量 |\n" +
		"| 行政许可 | 41 |\n" +
		"| 行政处罚 | 7 |\n"
	flat := "三、收到和处理政府信息公开申请情况\n|\n申请人情况\n|\n自然人\n|\n法人或其他组织\n|\n总计\n|\n" +
		"一、本年新收政府信息公开申请数量\n|\n4\n|\n1\n|\n5\n|\n二、上年结转政府信息公开申请数量\n|\n0\n|\n0\n|\n0\n"
	got := summary(Extract(rows+flat, Options{Year: 2023}))
	want := "legality.normative_documents=3 legality.normative_documents=12 enforcement.licensing_cases=41 enforcement.penalty_cases=7 disclosure.requests=5"
	if got != want {
		t.Errorf("Extract(disclosure tables) = %q; want %q", got, want)
	}
}

func TestInferLevel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"我镇按照市委的部署,全镇共受理行政复议案件2件。", "reconsideration.as_respondent=2"},
		{"街道党工委高度重视,全街道共受理行政复议案件2件。", "reconsideration.as_respondent=2"},
		{"全区各级行政机关共受理行政复议案件2件。", "reconsideration.received=2"},
		{"共受理行政复议案件2件。", "reconsideration.received=2"},
	}
	for _, tt := range tests {
		if got := summary(Extract(tt.in, Options{})); got != tt.want {
			t.Errorf("Extract(%q, no level) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestPlanSection(t *testing.T) {
	text := strings.Repeat("全年共受理矛盾纠纷120件。\n", 3) + "四、下一步工作打算\n开展法治宣传活动20场。\n"
	got := summary(Extract(text, Options{}))
	if want := "mediation.cases_accepted=120 mediation.cases_accepted=120 mediation.cases_accepted=120"; got != want {
		t.Errorf("Extract(report with plans) = %q; want %q", got, want)
	}
}

func TestInferYear(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"城东区人民政府2020年法治政府建设工作情况", 2020},
		{"现就2022年法治政府建设工作开展情况报告如下", 2022},
		{"没有年份", 0},
		{"编号12019年", 0},
		{"根据《法治政府建设实施纲要(2021-2025年)》,现将2023年工作报告如下", 2023},
		{"对照2021-2025年规划,2022年", 2022},
		{"2019至2020年", 0},
	}
	for _, tt := range tests {
		if got := inferYear(tt.in); got != tt.want {
			t.Errorf("inferYear(%q) = %d; want %d", tt.in, got, tt.want)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, c := range sentenceCases {
		f.Add(c.in, 2022)
	}
	f.Add("20192020172件行政处罚案件", 2020)
	f.Add("调解率98.1%三是", 0)
	f.Add("\xff\xfe受理调解案件1", 0)
	f.Add("百分之", 0)
	f.Fuzz(func(t *testing.T, text string, year int) {
		facts := Extract(text, Options{Year: year % 3000})
		runes := []rune(text)
		for i, fa := range facts {
			if fa.Start < 0 || fa.End < fa.Start || fa.End > len(runes) {
				t.Fatalf("Extract(%q) fact %d span [%d,%d) outside %d runes", text, i, fa.Start, fa.End, len(runes))
			}
			if !strings.Contains(fa.Quote, string(runes[fa.Start:fa.End])) && utf8.ValidString(text) {
				t.Fatalf("Extract(%q) fact %d quote %q lacks number %q", text, i, fa.Quote, string(runes[fa.Start:fa.End]))
			}
			if _, ok := Lookup(fa.Indicator); !ok {
				t.Fatalf("Extract(%q) fact %d has unknown code %s", text, i, fa.Indicator)
			}
			if _, ok := approxMarks[fa.ApproxKind]; !ok || fa.Approx != (fa.ApproxKind != "") {
				t.Fatalf("Extract(%q) fact %d approx %v with kind %q", text, i, fa.Approx, fa.ApproxKind)
			}
		}
	})
}

func TestConcurrent(t *testing.T) {
	text := corpus(t, 1)
	want := summary(Extract(text, Options{}))
	done := make(chan string)
	for range 4 {
		go func() { done <- summary(Extract(text, Options{})) }()
	}
	for range 4 {
		if got := <-done; got != want {
			t.Errorf("concurrent Extract differs from a sequential one")
		}
	}
}

func TestFeaturesNamed(t *testing.T) {
	seen := map[string]bool{}
	for i, f := range Features() {
		if f.Name == "" || f.Doc == "" || seen[f.Name] {
			t.Errorf("feature %d: name %q, doc %q (each feature needs a unique name and a doc)", i, f.Name, f.Doc)
		}
		seen[f.Name] = true
	}
}

// TestPlaceAloneScope checks that a place below the writer, named alone as
// its clause's subject, scopes the clause and the verb-led clauses after
// it, and that it does not when the writer is unknown, is the place, or
// names the place in its opening.
func TestPlaceAloneScope(t *testing.T) {
	const county = "我县推进法治乡村建设。新桥镇依托“法治超市”全年接待群众法律咨询1200人次,化解纠纷87件,全县共化解纠纷960件。"
	for _, tt := range []struct {
		name, writer, text, want string
	}{
		{"town in a county's report", "宾阳县", county, "publicity.consultations=1200@新桥镇 mediation.cases_resolved=87@新桥镇 mediation.cases_resolved=960"},
		{"writer unknown", "", county, "publicity.consultations=1200 mediation.cases_resolved=87 mediation.cases_resolved=960"},
		{"the town's own report", "新桥镇", "新桥镇全年化解纠纷87件。", "mediation.cases_resolved=87"},
		{"named in the opening", "宾阳县", "宾阳县新桥镇2022年法治政府建设情况报告\n新桥镇全年化解纠纷87件。", "mediation.cases_resolved=87"},
		{"village in a town's report", "新桥镇", "东坪村全年化解纠纷17件,调解成功率100%。", "mediation.cases_resolved=17@东坪村 mediation.success_rate=100@东坪村"},
		{"a field, not a place", "新桥镇", "推进法治乡村全年化解纠纷8件。", "mediation.cases_resolved=8"},
		{"a body's later clauses", "宾阳县", "石水口村调委会全年受理纠纷12件,调解成功11件。", "mediation.cases_accepted=12@石水口村 mediation.cases_resolved=11@石水口村"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := summary(Extract(tt.text, Options{Jurisdiction: tt.writer, Year: 2022})); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// A table of months that are not the whole year totals a part of it: its
// figures are flagged partial_year, never ranked as the year's; twelve
// months total the year.
func TestPeriodTableYearCover(t *testing.T) {
	months := func(n int) string {
		var b strings.Builder
		b.WriteString("各月开展情况如下:\n月份 | 宣传活动(场次) | 发放资料(份)\n")
		for m := 1; m <= n; m++ {
			fmt.Fprintf(&b, "%d月 | 3 | 200\n", m)
		}
		fmt.Fprintf(&b, "合计 | %d | %d", 3*n, 200*n)
		return b.String()
	}
	for _, c := range []struct {
		months  int
		partial bool
	}{{3, true}, {12, false}} {
		fs := Extract(months(c.months), Options{Year: 2022})
		if len(fs) != 2 {
			t.Fatalf("%d months: facts %+v; want the total row's two", c.months, fs)
		}
		for _, f := range fs {
			if got := slices.Contains(f.Flags, FlagPartialYear); got != c.partial {
				t.Errorf("%d months: %s=%v partial_year %v; want %v", c.months, f.Indicator, f.Value, got, c.partial)
			}
		}
	}
}
