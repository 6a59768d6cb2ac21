package synth

import (
	"fmt"
	"iter"
	"math"
	"math/rand/v2"
	"time"
)

// Config says what to generate.
type Config struct {
	// Seed seeds the generator; the same seed gives the same corpus.
	Seed uint64
	// Reports is the number of reports.
	Reports int
	// FirstYear and LastYear bound the report years; every jurisdiction
	// reports each year in turn, so Reports/(LastYear-FirstYear+1)
	// jurisdictions are made.
	FirstYear, LastYear int
}

// DefaultConfig is ten years, 2015–2024, seed 1.
func DefaultConfig(reports int) Config {
	return Config{Seed: 1, Reports: reports, FirstYear: 2015, LastYear: 2024}
}

// Report is one synthetic report, with the columns of the warehouse's
// reports table that the dashboards read.
type Report struct {
	ReportID          string
	SHA256            string
	Source            string
	Title             string
	JurisdictionCode  string // "" for an unresolved jurisdiction
	JurisdictionName  string
	JurisdictionLevel string
	Year              int
	Chars             int
	IngestedAt        time.Time
}

// Headline is one headline value of a report: the columns of the
// warehouse's headline table.
type Headline struct {
	JurisdictionCode  string
	JurisdictionName  string
	JurisdictionLevel string
	Year              int
	Indicator         string
	Value             float64
	Unit              string
	Approx            bool
	Partial           bool
	Scope             string
	Derived           bool
	Flags             []string
	FactID            string
	ReportID          string
	Quote             string
}

// indicator is how an indicator is drawn: how often a report states it,
// its typical size in a town, and the sentence that states it (%s is the
// number and unit as written).
type indicator struct {
	code   string
	unit   string
	share  float64 // share of reports that state it
	median float64 // typical value in a town; 0 for rates
	quote  string
}

// indicators are the codes of INDICATORS.md the corpus uses, with made-up
// but plausible shares and sizes. Rates are drawn between 60 and 100.
var indicators = []indicator{
	{"mediation.cases_accepted", "件", 0.85, 300, "全年共受理各类矛盾纠纷%s"},
	{"mediation.cases_resolved", "件", 0.80, 290, "成功调解%s"},
	{"mediation.success_rate", "%", 0.60, 0, "调解成功率达%s"},
	{"mediation.organizations", "个", 0.40, 20, "设立各级人民调解组织%s"},
	{"mediation.mediators", "人", 0.35, 60, "配备调解员%s"},
	{"mediation.disputes_screened", "次", 0.30, 500, "全年排查矛盾纠纷%s"},
	{"litigation.cases", "件", 0.55, 12, "全年行政应诉案件%s"},
	{"litigation.won", "件", 0.35, 8, "其中胜诉%s"},
	{"litigation.lost", "件", 0.40, 1, "败诉%s"},
	{"litigation.withdrawn", "件", 0.25, 2, "原告撤诉%s"},
	{"litigation.pending", "件", 0.20, 3, "尚在审理%s"},
	{"litigation.loss_rate", "%", 0.25, 0, "败诉率为%s"},
	{"litigation.appearance_rate", "%", 0.35, 0, "行政机关负责人出庭应诉率%s"},
	{"reconsideration.received", "件", 0.40, 8, "受理行政复议申请%s"},
	{"reconsideration.upheld", "件", 0.25, 5, "维持%s"},
	{"reconsideration.corrected", "件", 0.20, 1, "纠错%s"},
	{"reconsideration.settled", "件", 0.15, 2, "经调解和解%s"},
	{"publicity.events", "次", 0.80, 60, "开展各类法治宣传活动%s"},
	{"publicity.lectures", "次", 0.55, 20, "举办法治讲座%s"},
	{"publicity.materials", "份", 0.60, 8000, "发放宣传资料%s"},
	{"publicity.audience", "人次", 0.40, 15000, "受教育群众达%s"},
	{"publicity.consultations", "人次", 0.30, 400, "解答法律咨询%s"},
	{"study.sessions", "次", 0.50, 12, "中心组集体学法%s"},
	{"petition.cases_received", "件", 0.35, 150, "受理信访案件%s"},
	{"disclosure.proactive_items", "条", 0.45, 1500, "主动公开政府信息%s"},
	{"enforcement.penalty_cases", "件", 0.40, 200, "办理行政处罚案件%s"},
	{"enforcement.inspections", "次", 0.30, 300, "开展行政检查%s"},
	{"legality.reviews", "件", 0.45, 40, "完成合法性审查%s"},
	{"counsel.adviser_services", "次", 0.30, 300, "法律顾问提供法律服务%s"},
	{"services.cases_handled", "件", 0.25, 20000, "办理政务服务事项%s"},
}

// provinces are real province-level division codes and names, so that the
// corpus spreads over the country as reports do; cities, counties and towns
// below them are made up.
var provinces = []struct{ code, name string }{
	{"11", "北京市"}, {"12", "天津市"}, {"13", "河北省"}, {"14", "山西省"}, {"15", "内蒙古自治区"},
	{"21", "辽宁省"}, {"22", "吉林省"}, {"23", "黑龙江省"}, {"31", "上海市"}, {"32", "江苏省"},
	{"33", "浙江省"}, {"34", "安徽省"}, {"35", "福建省"}, {"36", "江西省"}, {"37", "山东省"},
	{"41", "河南省"}, {"42", "湖北省"}, {"43", "湖南省"}, {"44", "广东省"}, {"45", "广西壮族自治区"},
	{"46", "海南省"}, {"50", "重庆市"}, {"51", "四川省"}, {"52", "贵州省"}, {"53", "云南省"},
	{"54", "西藏自治区"}, {"61", "陕西省"}, {"62", "甘肃省"}, {"63", "青海省"}, {"64", "宁夏回族自治区"},
	{"65", "新疆维吾尔自治区"},
}

// syllables make town names.
var syllables = []rune("东南西北中新古城河山石桥头荷花柳塘青龙凤凰金银华安平宁康永和兴隆泰丰太白云水口港湾林园溪岭坪")

var flagNames = []string{"rate_mismatch", "part_exceeds_whole", "partial_year", "duplicate_mention"}

// jurisdiction is a made-up town or sub-district.
type jurisdiction struct {
	code, name, level string
	scale             float64 // its size relative to a typical town
	unresolved        bool
}

// All yields each report with its headline values, in order. Reports are
// grouped by jurisdiction: jurisdiction i reports years FirstYear,
// FirstYear+1, ... in turn.
func (cfg Config) All() iter.Seq2[Report, []Headline] {
	return func(yield func(Report, []Headline) bool) {
		rng := rand.New(rand.NewPCG(cfg.Seed, 0x6661_7a68_6973_796e)) // "fazhisyn"
		years := cfg.LastYear - cfg.FirstYear + 1
		if years < 1 {
			years = 1
		}
		base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		var j jurisdiction
		for k := 0; k < cfg.Reports; k++ {
			if k%years == 0 {
				j = newJurisdiction(rng, k/years)
			}
			year := cfg.FirstYear + k%years
			r := Report{
				ReportID: randomHex(rng, 16), SHA256: randomHex(rng, 64),
				JurisdictionName: j.name, JurisdictionLevel: j.level, Year: year,
				Chars:      3000 + rng.IntN(9000),
				IngestedAt: base.Add(time.Duration(k) * time.Second),
			}
			if !j.unresolved {
				r.JurisdictionCode = j.code
			}
			r.Source = fmt.Sprintf("synthetic/%s/%d.txt", j.code, year)
			r.Title = fmt.Sprintf("%s%d年法治政府建设情况报告", j.name, year)
			if !yield(r, headlines(rng, r, j, year-cfg.FirstYear)) {
				return
			}
		}
	}
}

// newJurisdiction makes the i-th jurisdiction: its division code places it
// in a province (round robin), a city, a county and a town number.
func newJurisdiction(rng *rand.Rand, i int) jurisdiction {
	p := provinces[i%len(provinces)]
	n := i / len(provinces)
	city, county, town := 1+n%12, 1+(n/12)%15, 1+n/180
	name := string([]rune{syllables[rng.IntN(len(syllables))], syllables[rng.IntN(len(syllables))]})
	level := []string{"镇", "街道", "乡"}[rng.IntN(3)]
	return jurisdiction{
		code:       fmt.Sprintf("%s%02d%02d%03d", p.code, city, county, town),
		name:       name + level,
		level:      level,
		scale:      math.Exp(rng.NormFloat64() * 0.6),
		unresolved: rng.IntN(100) == 0,
	}
}

// headlines draws the values a report states.
func headlines(rng *rand.Rand, r Report, j jurisdiction, yearIndex int) []Headline {
	growth := math.Pow(1.04, float64(yearIndex))
	var out []Headline
	for _, ind := range indicators {
		if rng.Float64() >= ind.share {
			continue
		}
		h := Headline{
			JurisdictionCode: r.JurisdictionCode, JurisdictionName: r.JurisdictionName, JurisdictionLevel: r.JurisdictionLevel,
			Year: r.Year, Indicator: ind.code, Unit: ind.unit, ReportID: r.ReportID, Flags: []string{},
			FactID: r.ReportID + "-" + randomHex(rng, 12),
		}
		if ind.median == 0 {
			h.Value = math.Round((60+rng.Float64()*40)*10) / 10
			h.Derived = rng.IntN(3) == 0
		} else {
			h.Value = math.Max(0, math.Round(ind.median*j.scale*growth*math.Exp(rng.NormFloat64()*0.3)))
		}
		if ind.median >= 1000 && rng.IntN(4) == 0 {
			h.Approx = true
			h.Value = math.Floor(h.Value/1000) * 1000
		}
		if rng.IntN(30) == 0 {
			h.Partial, h.Scope = true, "调解工作室"
		}
		if rng.IntN(50) == 0 {
			h.Flags = []string{flagNames[rng.IntN(len(flagNames))]}
		}
		written := fmt.Sprintf("%g%s", h.Value, ind.unit)
		if h.Approx {
			written = fmt.Sprintf("%g余%s", h.Value, ind.unit)
		}
		h.Quote = fmt.Sprintf(ind.quote, written)
		out = append(out, h)
	}
	return out
}

const hexDigits = "0123456789abcdef"

func randomHex(rng *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = hexDigits[rng.IntN(16)]
	}
	return string(b)
}
