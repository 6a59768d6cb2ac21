package synth

import (
	"fmt"
	"iter"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/fazhi/fazhi/datasets/divisions"
)

// SyntheticMark is written into every synthetic report text (its source
// line) and title, so that no page can show one as a real report.
const SyntheticMark = "合成测试数据（fazhi datasets/synth 生成，非真实报告）"

// TextReport is one synthetic report file: its path below the corpus
// folder, its bytes as they go to disk, and the truth it was written from.
type TextReport struct {
	// Path is relative to the corpus folder: <province>/<year>/<code>.<ext>.
	Path string
	Data []byte
	// Truth is what the text states, for the truth.jsonl beside the file.
	Truth Truth
}

// Truth is what a synthetic report states: who, when, and every number
// written as a fact of the catalog.
type Truth struct {
	File             string      `json:"file"`
	Synthetic        bool        `json:"synthetic"`
	JurisdictionCode string      `json:"jurisdiction_code"`
	JurisdictionName string      `json:"jurisdiction_name"`
	Year             int         `json:"year"`
	Format           string      `json:"format"`
	Encoding         string      `json:"encoding"`
	Facts            []TruthFact `json:"facts"`
}

// TruthFact is one number a synthetic report states.
type TruthFact struct {
	Indicator string  `json:"indicator"`
	Value     float64 `json:"value"`
	// Approx is "", at_least, about or at_most, as the number is written.
	Approx string `json:"approx_kind"`
	// Scope is the sub-body the number belongs to; "" for the whole.
	Scope string `json:"scope"`
	// Written is how the number is written (Chinese numerals included).
	Written string `json:"written"`
	Quote   string `json:"quote"`
}

// TextConfig says what report files to write.
type TextConfig struct {
	// Seed seeds the generator; the same config gives the same files.
	Seed uint64
	// Reports is the number of report files.
	Reports int
	// FirstYear and LastYear bound the years: every jurisdiction reports
	// each year, so Reports/(LastYear-FirstYear+1) jurisdictions are drawn.
	FirstYear, LastYear int
	// Offset skips that many jurisdictions of the draw: a second corpus
	// with the same seed and an offset holds other jurisdictions (for an
	// incremental add).
	Offset int
}

// DefaultTextConfig is ten years, 2015–2024, seed 1.
func DefaultTextConfig(reports int) TextConfig {
	return TextConfig{Seed: 1, Reports: reports, FirstYear: 2015, LastYear: 2024}
}

// Texts yields the report files of cfg, grouped by jurisdiction (each
// reports every year in turn). Jurisdictions are real divisions of the
// official table (towns and sub-districts, and one county-level division
// in twenty), drawn without repetition in a seeded order; the texts are
// made of the sentence patterns real reports use for each catalog
// indicator, with sub-bodies, approximate and Chinese numerals, page
// furniture and plans whose numbers are no facts. Every text says it is
// synthetic (SyntheticMark).
func Texts(table *divisions.Table, cfg TextConfig) iter.Seq[TextReport] {
	return func(yield func(TextReport) bool) {
		years := max(1, cfg.LastYear-cfg.FirstYear+1)
		pool := jurisdictionPool(table, cfg.Seed)
		if len(pool) == 0 {
			return
		}
		for k := 0; k < cfg.Reports; k++ {
			ji := cfg.Offset + k/years
			d := pool[ji%len(pool)]
			year := cfg.FirstYear + k%years
			// Each report has its own stream: the same report is the same
			// whatever the corpus size.
			rng := rand.New(rand.NewPCG(cfg.Seed^uint64(ji)*0x9e3779b97f4a7c15, uint64(year)))
			if !yield(writeReport(rng, table, d, ji/len(pool), year, year-cfg.FirstYear)) {
				return
			}
		}
	}
}

// jurisdictionPool is the divisions the corpus draws from, in a seeded
// order: every town-level division and one county-level one in twenty.
func jurisdictionPool(table *divisions.Table, seed uint64) []divisions.Division {
	var pool []divisions.Division
	i := 0
	for d := range table.All() {
		switch d.Level {
		case divisions.Town:
			pool = append(pool, d)
		case divisions.County:
			if i%20 == 0 {
				pool = append(pool, d)
			}
			i++
		}
	}
	rng := rand.New(rand.NewPCG(seed, 0x6469_7669_7369_6f6e))
	rng.Shuffle(len(pool), func(a, b int) { pool[a], pool[b] = pool[b], pool[a] })
	return pool
}

// levelWord is the level word a division's name ends with (镇 街道 乡 区 县…).
func levelWord(name string) string {
	for _, w := range []string{"街道", "镇", "乡", "苏木", "区", "县", "市", "旗"} {
		if strings.HasSuffix(name, w) {
			return w
		}
	}
	return ""
}

// writeReport writes one report. round > 0 when the pool was exhausted and
// divisions repeat (the source path then differs).
func writeReport(rng *rand.Rand, table *divisions.Table, d divisions.Division, round, year, yearIndex int) TextReport {
	path := table.Path(d.Code)
	var full strings.Builder
	for _, p := range path {
		full.WriteString(p.Name)
	}
	level := levelWord(d.Name)
	self := "我" + firstRune(level, "区")
	if level == "街道" {
		self = "我街道"
	}
	w := &reportWriter{rng: rng, self: self, scale: math.Exp(rng.NormFloat64()*0.6) * math.Pow(1.04, float64(yearIndex))}
	if d.Level == divisions.County {
		w.scale *= 8
	}
	parent := "区委、区政府"
	if len(path) >= 2 {
		parent = levelOfficials(path[len(path)-2].Name)
	}
	title := fmt.Sprintf("%s%d年法治政府建设情况报告", d.Name, year)
	format := "txt"
	switch rng.IntN(10) {
	case 0, 1, 2:
		format = "html"
	}
	enc := "utf-8"
	if rng.IntN(10) == 0 {
		enc = "gbk"
	}

	var b strings.Builder
	// Page furniture of a government site, the way a saved page reads.
	if format == "txt" && rng.IntN(2) == 0 {
		b.WriteString("首页 > 政务公开 > 法治政府建设\n")
	}
	b.WriteString(title + "\n")
	fmt.Fprintf(&b, "来源：%s\n", SyntheticMark)
	fmt.Fprintf(&b, "发布时间：%d-%02d-%02d\n", year+1, 1+rng.IntN(3), 1+rng.IntN(28))
	if format == "txt" {
		b.WriteString("字体：【大 中 小】 打印本页\n")
	}
	fmt.Fprintf(&b, "%s：\n", parent)
	fmt.Fprintf(&b, "%d年，%s在%s的坚强领导下，深入学习贯彻习近平法治思想，全面落实法治政府建设实施纲要，%s现将%s%d年法治政府建设工作情况报告如下：\n",
		year, d.Name, parent, w.filler(2), d.Name, year)
	b.WriteString("一、主要工作和成效\n")
	for si, sec := range sections {
		fmt.Fprintf(&b, "（%s）%s\n", cnDigits[si+1], sec.heading)
		var para strings.Builder
		para.WriteString(w.filler(1 + rng.IntN(2)))
		for _, code := range sec.codes {
			t := templates[code]
			if len(t) == 0 || rng.Float64() >= t[0].share {
				continue
			}
			para.WriteString(w.fact(code, t[rng.IntN(len(t))]))
			if rng.IntN(3) == 0 {
				para.WriteString(w.filler(1))
			}
		}
		// A sub-body's figures (a village committee, a mediation studio).
		if sec.scoped != "" && rng.IntN(3) == 0 {
			para.WriteString(w.scoped(sec.scoped))
		}
		para.WriteString(w.filler(1 + rng.IntN(3)))
		b.WriteString(para.String() + "\n")
		for range 1 + rng.IntN(4) {
			b.WriteString(w.filler(3+rng.IntN(5)) + "\n")
		}
	}
	b.WriteString("二、存在的问题和不足\n")
	fmt.Fprintf(&b, "%s一是%s二是%s三是%s\n", w.filler(1), w.problem(), w.problem(), w.problem())
	b.WriteString("三、下一步工作计划\n")
	fmt.Fprintf(&b, "%d年，%s将%s计划开展法治宣传活动%d场次，组织集中学法%d次。%s\n",
		year+1, self, w.filler(2), 10+rng.IntN(90), 4+rng.IntN(20), w.filler(2))
	fmt.Fprintf(&b, "\n%s人民政府\n%d年%d月%d日\n", d.Name, year+1, 1+rng.IntN(3), 1+rng.IntN(28))

	text := b.String()
	ext := "txt"
	if format == "html" {
		ext = "html"
		text = htmlPage(title, text, enc)
	}
	data := []byte(text)
	if enc == "gbk" {
		if out, err := simplifiedchinese.GBK.NewEncoder().Bytes(data); err == nil {
			data = out
		} else {
			enc = "utf-8"
		}
	}
	file := fmt.Sprintf("%s/%d/%s.%s", path[0].Code, year, d.Code, ext)
	if round > 0 {
		file = fmt.Sprintf("%s/%d/%s-%d.%s", path[0].Code, year, d.Code, round, ext)
	}
	return TextReport{Path: file, Data: data, Truth: Truth{File: file, Synthetic: true, JurisdictionCode: d.Code,
		JurisdictionName: d.Name, Year: year, Format: format, Encoding: enc, Facts: w.facts}}
}

func firstRune(s, fallback string) string {
	for _, r := range s {
		return string(r)
	}
	return fallback
}

// levelOfficials is how a report addresses the division above its own.
func levelOfficials(parent string) string {
	switch w := levelWord(parent); w {
	case "区", "县", "市", "旗":
		return w + "委、" + w + "政府"
	}
	return "区委、区政府"
}

// htmlPage wraps a report text in the markup of a government site's page,
// navigation and footer included.
func htmlPage(title, text, enc string) string {
	var b strings.Builder
	cs := "utf-8"
	if enc == "gbk" {
		cs = "gb2312"
	}
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"%s\"><title>%s</title></head><body>\n", cs, title)
	b.WriteString(`<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>` + "\n")
	b.WriteString(`<div class="position">当前位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>` + "\n")
	b.WriteString(`<div class="article"><h1>` + title + "</h1>\n")
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if line == title {
			continue
		}
		b.WriteString("<p>" + strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(line) + "</p>\n")
	}
	b.WriteString("</div>\n")
	b.WriteString(`<div class="footer"><p>主办单位：人民政府办公室 版权所有</p><p>网站标识码 ICP备案号</p></div>` + "\n</body></html>\n")
	return b.String()
}

// reportWriter writes one report's sentences and keeps their truth.
type reportWriter struct {
	rng   *rand.Rand
	self  string
	scale float64
	facts []TruthFact
	// values already stated, by indicator, so that related counts agree.
	values map[string]float64
}

// filler returns n sentences that state no number.
func (w *reportWriter) filler(n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(strings.ReplaceAll(fillers[w.rng.IntN(len(fillers))], "我镇", w.self))
	}
	return b.String()
}

func (w *reportWriter) problem() string {
	return problems[w.rng.IntN(len(problems))]
}

// value draws a value for an indicator of typical size median (0 for a rate).
func (w *reportWriter) value(code string, t template) float64 {
	if t.median == 0 {
		if w.rng.IntN(4) == 0 {
			return 100
		}
		return math.Round((70+w.rng.Float64()*30)*10) / 10
	}
	v := math.Max(0, math.Round(t.median*w.scale*math.Exp(w.rng.NormFloat64()*0.4)))
	if prev, ok := w.values[related[code]]; ok && v > prev {
		v = math.Round(prev * (0.85 + 0.15*w.rng.Float64())) // a part stays below its whole
	}
	return v
}

// fact writes one sentence of t stating a value of code, and records it.
func (w *reportWriter) fact(code string, t template) string {
	v := w.value(code, t)
	if w.values == nil {
		w.values = map[string]float64{}
	}
	w.values[code] = v
	written, approx := w.written(v, t)
	quote := strings.Replace(t.text, "{n}", written, 1)
	if t.unit == "万元" {
		v *= 10000 // the catalog's unit is 元
	}
	w.facts = append(w.facts, TruthFact{Indicator: code, Value: v, Approx: approx, Written: written, Quote: quote})
	return quote
}

// written renders v with t's unit: mostly digits, sometimes Chinese
// numerals, sometimes a rounded figure with 余, 近 or 约.
func (w *reportWriter) written(v float64, t template) (string, string) {
	unit := t.unit
	if t.median == 0 {
		return strconv.FormatFloat(v, 'f', -1, 64) + unit, ""
	}
	switch r := w.rng.IntN(20); {
	case r < 2 && v < 100 && v == math.Trunc(v):
		return chineseNumber(int(v)) + unit, ""
	case r < 4 && v >= 100:
		return strconv.FormatFloat(v, 'f', -1, 64) + "余" + unit, "at_least"
	case r == 4 && v >= 50:
		return "近" + strconv.FormatFloat(v, 'f', -1, 64) + unit, "at_most"
	case r == 5 && v >= 50 && !strings.Contains(t.text, "达"):
		return "约" + strconv.FormatFloat(v, 'f', -1, 64) + unit, "about"
	}
	return strconv.FormatFloat(v, 'f', -1, 64) + unit, ""
}

// scoped writes a sub-body's mediation or publicity figures.
func (w *reportWriter) scoped(kind string) string {
	body := villages[w.rng.IntN(len(villages))] + bodies[kind][w.rng.IntN(len(bodies[kind]))]
	n := 5 + w.rng.IntN(60)
	switch kind {
	case "mediation":
		done := n - w.rng.IntN(3)
		w.facts = append(w.facts,
			TruthFact{Indicator: "mediation.cases_accepted", Value: float64(n), Scope: body, Written: strconv.Itoa(n) + "件"},
			TruthFact{Indicator: "mediation.cases_resolved", Value: float64(done), Scope: body, Written: strconv.Itoa(done) + "件"})
		return fmt.Sprintf("其中，%s受理矛盾纠纷%d件，调解成功%d件。", body, n, done)
	default:
		w.facts = append(w.facts, TruthFact{Indicator: "publicity.events", Value: float64(n), Scope: body, Written: strconv.Itoa(n) + "场"})
		return fmt.Sprintf("%s开展法治宣传活动%d场。", body, n)
	}
}

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"}

// chineseNumber writes 0 ≤ n < 100 in Chinese numerals (二十三).
func chineseNumber(n int) string {
	switch {
	case n < 10:
		return cnDigits[n]
	case n < 20:
		return "十" + strings.TrimPrefix(cnDigits[n%10], "零")
	}
	s := cnDigits[n/10] + "十"
	if n%10 != 0 {
		s += cnDigits[n%10]
	}
	return s
}

// template is a sentence pattern of real reports for one indicator: {n}
// stands for the number and its unit as written.
type template struct {
	text   string
	unit   string
	median float64 // typical value in a town; 0 for a rate
	share  float64 // share of reports that state the indicator (first template of a code)
}

// section is one part of the achievements and the indicators it states.
type section struct {
	heading string
	codes   []string
	scoped  string // "mediation" or "publicity": a sub-body's figures may follow
}

var sections = []section{
	{"坚持党的领导，统筹推进法治政府建设", []string{"study.sessions", "supervision.npc_suggestions", "supervision.cppcc_proposals", "supervision.audit_projects"}, ""},
	{"深化“放管服”改革，优化法治化营商环境", []string{"services.items", "services.online_rate", "services.cases_handled"}, ""},
	{"健全依法决策机制，加强合法性审查", []string{"legality.reviews", "legality.contract_reviews", "legality.normative_documents", "legality.risk_assessments", "counsel.adviser_services", "counsel.adviser_coverage_rate"}, ""},
	{"严格规范公正文明执法", []string{"enforcement.penalty_cases", "enforcement.inspections", "enforcement.licensing_cases", "enforcement.certified_officers", "enforcement.certification_rate", "enforcement.case_files_reviewed"}, ""},
	{"推进政务公开", []string{"disclosure.proactive_items", "disclosure.requests", "disclosure.policy_interpretations"}, ""},
	{"依法化解矛盾纠纷，维护社会和谐稳定", []string{"mediation.cases_accepted", "mediation.cases_resolved", "mediation.success_rate", "mediation.amount", "mediation.organizations", "mediation.mediators", "mediation.disputes_screened", "petition.cases_received", "petition.people", "petition.cases_concluded", "petition.conclusion_rate", "arbitration.cases_accepted", "arbitration.cases_closed", "arbitration.closure_rate", "counsel.legal_aid_cases"}, "mediation"},
	{"强化行政复议和行政应诉工作", []string{"reconsideration.received", "reconsideration.concluded", "reconsideration.upheld", "reconsideration.corrected", "reconsideration.settled", "reconsideration.as_respondent", "litigation.cases", "litigation.won", "litigation.lost", "litigation.withdrawn", "litigation.pending", "litigation.loss_rate", "litigation.appearance_rate", "litigation.pre_suit_mediations"}, ""},
	{"深入开展法治宣传教育", []string{"publicity.events", "publicity.lectures", "publicity.materials", "publicity.audience", "publicity.online_posts", "publicity.consultations"}, "publicity"},
}

// related names the whole that an indicator is a part of.
var related = map[string]string{
	"mediation.cases_resolved": "mediation.cases_accepted", "litigation.won": "litigation.cases",
	"litigation.lost": "litigation.cases", "litigation.withdrawn": "litigation.cases", "litigation.pending": "litigation.cases",
	"reconsideration.upheld": "reconsideration.received", "reconsideration.corrected": "reconsideration.received",
	"reconsideration.settled": "reconsideration.received", "reconsideration.concluded": "reconsideration.received",
	"petition.cases_concluded": "petition.cases_received", "arbitration.cases_closed": "arbitration.cases_accepted",
}

// templates holds, for every catalog code, sentence patterns as real
// reports write them (ingest/extract/testdata/sentences.jsonl and
// INDICATORS.md's typical wording).
var templates = map[string][]template{
	"mediation.cases_accepted":          {{"全年共受理调解案件{n}。", "宗", 300, 0.85}, {"全年共受理矛盾纠纷{n}。", "件", 300, 0}, {"共调处矛盾纠纷{n}，", "宗", 300, 0}},
	"mediation.cases_resolved":          {{"调解成功{n}，", "件", 290, 0.8}, {"成功调解{n}。", "宗", 290, 0}},
	"mediation.success_rate":            {{"调解成功率达{n}。", "%", 0, 0.6}, {"人民调解成功率为{n}，", "%", 0, 0}},
	"mediation.amount":                  {{"调解涉及金额{n}。", "万元", 300, 0.2}},
	"mediation.organizations":           {{"设立各级各类人民调解组织{n}。", "个", 20, 0.4}, {"建成人民调解委员会{n}，", "家", 20, 0}},
	"mediation.mediators":               {{"现有人民调解员{n}，", "名", 60, 0.35}},
	"mediation.disputes_screened":       {{"开展矛盾纠纷排查{n}，", "次", 60, 0.3}, {"综治中心牵头开展矛盾纠纷集中排查{n}。", "次", 60, 0}},
	"petition.cases_received":           {{"全年共受理信访案件{n}，", "件", 150, 0.35}},
	"petition.people":                   {{"接待群众来访{n}，", "人次", 300, 0.2}},
	"petition.cases_concluded":          {{"信访事项办结{n}，", "件", 140, 0.2}},
	"petition.conclusion_rate":          {{"信访事项按期办结率达{n}。", "%", 0, 0.2}},
	"arbitration.cases_accepted":        {{"受理劳动人事争议案件{n}，", "件", 90, 0.15}},
	"arbitration.cases_closed":          {{"审结劳动人事争议案件{n}，", "件", 85, 0.12}},
	"arbitration.closure_rate":          {{"仲裁结案率达{n}。", "%", 0, 0.1}},
	"counsel.legal_aid_cases":           {{"全年受理法律援助案件{n}，", "件", 40, 0.3}},
	"reconsideration.received":          {{"全年共受理行政复议案件{n}，", "件", 8, 0.4}},
	"reconsideration.concluded":         {{"审结行政复议案件{n}，", "件", 7, 0.2}},
	"reconsideration.upheld":            {{"其中维持原行政行为{n}，", "件", 5, 0.25}},
	"reconsideration.corrected":         {{"撤销、变更原行政行为{n}，", "件", 1, 0.2}},
	"reconsideration.settled":           {{"经调解和解{n}。", "件", 2, 0.15}},
	"reconsideration.as_respondent":     {{"区政府被复议案件{n}。", "件", 3, 0.15}},
	"litigation.cases":                  {{"全年共办理行政应诉案件{n}，", "起", 12, 0.55}, {"全区各级行政应诉案件{n}。", "件", 12, 0}},
	"litigation.won":                    {{"其中胜诉{n}，", "件", 8, 0.35}},
	"litigation.lost":                   {{"败诉案件{n}。", "件", 1, 0.4}},
	"litigation.withdrawn":              {{"原告撤诉{n}，", "件", 2, 0.25}},
	"litigation.pending":                {{"尚在审理中{n}。", "件", 3, 0.2}},
	"litigation.loss_rate":              {{"行政诉讼败诉率为{n}。", "%", 0, 0.25}},
	"litigation.appearance_rate":        {{"行政机关负责人出庭应诉率达{n}。", "%", 0, 0.35}},
	"litigation.pre_suit_mediations":    {{"参与行政诉讼诉前调解{n}。", "件", 2, 0.1}},
	"publicity.events":                  {{"开展各类法治宣传活动{n}。", "场次", 60, 0.8}, {"走进社区开展法治宣传活动{n}。", "场", 60, 0}},
	"publicity.lectures":                {{"开展法治讲座{n}，", "场次", 20, 0.55}, {"组织开展“民法典”等专题讲座{n}，", "次", 20, 0}},
	"publicity.materials":               {{"派发宣传资料{n}，", "份", 8000, 0.6}, {"发放各类法治宣传册{n}。", "份", 8000, 0}},
	"publicity.audience":                {{"参与群众达{n}，", "人次", 15000, 0.4}},
	"publicity.online_posts":            {{"通过微信公众号发布普法文章{n}，", "篇", 80, 0.3}, {"在微信公众号发布信息{n}。", "条", 80, 0}},
	"publicity.consultations":           {{"现场解答法律咨询{n}。", "人次", 400, 0.3}, {"解答法律咨询{n}，", "次", 400, 0}},
	"study.sessions":                    {{"中心组开展集体学习{n}，", "次", 12, 0.5}, {"机关干部集体学法{n}。", "次", 12, 0}},
	"supervision.npc_suggestions":       {{"办结人大代表建议{n}，", "件", 30, 0.25}},
	"supervision.cppcc_proposals":       {{"办理政协提案{n}，", "件", 25, 0.2}},
	"supervision.audit_projects":        {{"全年完成审计项目{n}，", "项", 15, 0.2}},
	"services.items":                    {{"政务服务大厅共入驻服务事项{n}。", "项", 400, 0.3}},
	"services.online_rate":              {{"政务服务事项网上可办率达{n}。", "%", 0, 0.3}},
	"services.cases_handled":            {{"政务服务中心共办理各类业务{n}。", "件", 20000, 0.25}},
	"legality.reviews":                  {{"累计完成各类事项合法性审查{n}，", "件", 40, 0.45}},
	"legality.contract_reviews":         {{"审查各类合同{n}，", "份", 60, 0.3}},
	"legality.normative_documents":      {{"制定印发规范性文件{n}。", "件", 4, 0.3}},
	"legality.risk_assessments":         {{"开展重大决策社会稳定风险评估{n}，", "项", 5, 0.2}},
	"counsel.adviser_services":          {{"为企业提供法律服务{n}。", "次", 300, 0.3}, {"全年共出具法律意见书{n}。", "份", 300, 0}},
	"counsel.adviser_coverage_rate":     {{"实现村（社区）法律顾问覆盖率{n}。", "%", 0, 0.3}},
	"enforcement.penalty_cases":         {{"承办行政处罚案件{n}，", "起", 200, 0.4}},
	"enforcement.inspections":           {{"累计开展各类行政检查{n}，", "次", 300, 0.3}},
	"enforcement.licensing_cases":       {{"办理行政许可案件{n}，", "件", 700, 0.2}},
	"enforcement.certified_officers":    {{"持证行政执法人员{n}。", "人", 150, 0.3}},
	"enforcement.certification_rate":    {{"执法人员持证率达{n}。", "%", 0, 0.2}},
	"enforcement.case_files_reviewed":   {{"组织开展行政执法案卷评查，共评查案卷{n}。", "卷", 80, 0.2}},
	"disclosure.proactive_items":        {{"主动公开各类信息{n}，", "条", 1500, 0.45}},
	"disclosure.requests":               {{"办理依申请公开{n}，", "件", 30, 0.3}},
	"disclosure.policy_interpretations": {{"发布政策解读{n}。", "件", 40, 0.25}},
}

var villages = []string{"东村", "西村", "南岗村", "北山村", "石桥村", "河口社区", "新城社区", "荷花社区", "柳塘村", "青龙村"}

var bodies = map[string][]string{
	"mediation": {"调委会", "人民调解委员会", "调解工作室"},
	"publicity": {"普法志愿服务队", "法治文化广场", "新时代文明实践站"},
}

// fillers are sentences of the kind that fill real reports and state no number.
var fillers = []string{
	"我镇始终把法治政府建设摆在工作全局的重要位置，切实履行推进法治建设第一责任人职责。",
	"严格落实重大行政决策程序规定，坚持公众参与、专家论证、风险评估、合法性审查和集体讨论决定。",
	"进一步健全完善行政执法公示、执法全过程记录、重大执法决定法制审核制度。",
	"扎实开展“八五”普法，推动普法责任制落地落实，营造办事依法、遇事找法、解决问题用法、化解矛盾靠法的良好氛围。",
	"坚持和发展新时代“枫桥经验”，健全矛盾纠纷多元化解机制，做到小事不出村、大事不出镇、矛盾不上交。",
	"认真落实政府信息公开条例，及时公开财政预决算、重大项目、民生实事等重点领域信息。",
	"依托综治中心、网格化管理平台，常态化开展矛盾纠纷排查化解工作。",
	"把学习宣传贯彻习近平法治思想作为首要政治任务，纳入理论学习中心组学习重点内容。",
	"持续深化“放管服”改革，推进政务服务标准化、规范化、便利化，企业和群众办事更加便捷。",
	"充分发挥法律顾问在重大决策、合同审查、信访化解等方面的参谋助手作用。",
	"积极支持人民法院依法受理和审理行政案件，尊重并执行人民法院生效裁判。",
	"组织开展民法典宣传月、宪法宣传周、国家安全教育日等主题宣传活动。",
	"加强行政执法队伍建设，定期组织执法人员参加业务培训和执法资格考试。",
	"严格执行规范性文件备案审查制度，做到有件必备、有备必审、有错必纠。",
	"主动接受人大法律监督、政协民主监督和社会舆论监督，认真办理代表建议和委员提案。",
	"推动公共法律服务实体平台、热线平台、网络平台融合发展，为群众提供普惠均等的法律服务。",
	"健全行政复议案件办理机制，依法纠正违法或者不当的行政行为。",
	"坚持问题导向，对照上级督察反馈问题逐项整改，确保整改到位。",
	"深入推进法治乡村建设，培育农村“法律明白人”，创建民主法治示范村（社区）。",
	"完善政务诚信建设，加大对政府失信行为的惩戒力度。",
	"把法治建设成效作为衡量领导班子和领导干部工作实绩的重要内容，纳入年度绩效考核。",
	"加强应急管理法治化建设，依法做好突发事件应对处置工作。",
	"推行行政执法“三项制度”，全面提升执法规范化水平。",
	"利用宣传栏、电子显示屏、微信公众号等载体，广泛宣传与群众生产生活密切相关的法律法规。",
}

var problems = []string{
	"部分干部运用法治思维和法治方式解决问题的能力还有待提高；",
	"行政执法队伍专业化水平与新形势新要求还有差距；",
	"普法宣传的针对性和实效性还需进一步增强；",
	"基层法治力量相对薄弱，法律专业人才较为缺乏。",
	"矛盾纠纷多元化解机制的协同联动还不够顺畅；",
	"政务公开的深度和广度有待进一步拓展。",
}
