package extract

// Indicator describes one code of the catalog (INDICATORS.md).
type Indicator struct {
	Code        string `json:"code"`
	NameZh      string `json:"name_zh"`
	NameEn      string `json:"name_en"`
	Category    string `json:"category"`
	Kind        string `json:"kind"` // count, rate or amount
	Unit        string `json:"unit"`
	Description string `json:"description"`
}

// Kinds of indicator.
const (
	KindCount  = "count"
	KindRate   = "rate"
	KindAmount = "amount"
)

// catalog is the whole catalog of INDICATORS.md, in its order.
var catalog = []Indicator{
	{"mediation.cases_accepted", "受理调解案件/矛盾纠纷", "mediation cases accepted", "mediation", KindCount, "件", "Disputes accepted or handled (调处) by people's, administrative, court-linked or police-station mediation."},
	{"mediation.cases_resolved", "调解成功", "mediation cases resolved", "mediation", KindCount, "件", "Disputes mediated successfully (调解成功, 调处成功, 化解)."},
	{"mediation.success_rate", "调解成功率", "mediation success rate", "mediation", KindRate, "%", "Share of accepted disputes mediated successfully; derived from the two counts when only they are stated."},
	{"mediation.amount", "调解涉及金额", "amount involved in mediation", "mediation", KindAmount, "元", "Money at stake in the mediated disputes."},
	{"mediation.organizations", "人民调解组织", "mediation organisations", "mediation", KindCount, "个", "People's mediation committees, rooms and studios."},
	{"mediation.mediators", "调解员", "mediators", "mediation", KindCount, "人", "Mediators, full-time or part-time."},
	{"mediation.disputes_screened", "矛盾纠纷排查", "dispute screenings", "mediation", KindCount, "次", "Screenings for disputes (排查矛盾纠纷)."},
	{"litigation.cases", "行政应诉/行政诉讼案件", "administrative lawsuits", "litigation", KindCount, "件", "Administrative lawsuits with the jurisdiction's government or departments as defendant."},
	{"litigation.won", "胜诉", "lawsuits won", "litigation", KindCount, "件", "Lawsuits won, including 驳回原告诉讼请求."},
	{"litigation.lost", "败诉", "lawsuits lost", "litigation", KindCount, "件", "Lawsuits lost; 全年无败诉 states 0."},
	{"litigation.withdrawn", "原告撤诉", "lawsuits withdrawn", "litigation", KindCount, "件", "Lawsuits withdrawn by the plaintiff."},
	{"litigation.pending", "尚在审理", "lawsuits pending", "litigation", KindCount, "件", "Lawsuits still being heard."},
	{"litigation.loss_rate", "败诉率", "lawsuit loss rate", "litigation", KindRate, "%", "Lost lawsuits over concluded lawsuits; derived when the counts are stated."},
	{"litigation.appearance_rate", "行政机关负责人出庭应诉率", "agency heads' court appearance rate", "litigation", KindRate, "%", "Share of hearings attended by the head of the defendant agency."},
	{"litigation.pre_suit_mediations", "诉前调解", "pre-suit mediations", "litigation", KindCount, "件", "Administrative disputes mediated before a suit."},
	{"publicity.events", "普法/法治宣传活动", "law publicity events", "publicity", KindCount, "次", "Law publicity activities and campaigns."},
	{"publicity.lectures", "法治讲座/专题讲座/培训", "law lectures and trainings", "publicity", KindCount, "次", "Lectures, special lectures and law trainings (also for leaders and mediators)."},
	{"publicity.materials", "发放宣传资料", "publicity materials distributed", "publicity", KindCount, "份", "Copies of leaflets, brochures and materials handed out."},
	{"publicity.audience", "受教育/参与人数", "publicity audience", "publicity", KindCount, "人次", "People reached or taking part."},
	{"publicity.online_posts", "普法推送/短信/公众号文章", "online law posts", "publicity", KindCount, "条", "Posts, articles and text messages pushed online."},
	{"publicity.consultations", "法律咨询", "legal consultations", "publicity", KindCount, "人次", "Legal questions answered."},
	{"study.sessions", "学法/集中学习", "law study sessions", "study", KindCount, "次", "Collective law study of leaders, the central group or cadres."},
	{"reconsideration.received", "行政复议申请受理", "reconsideration applications received", "reconsideration", KindCount, "件", "Administrative reconsideration applications accepted by the jurisdiction as reconsideration organ."},
	{"reconsideration.concluded", "行政复议审结", "reconsiderations concluded", "reconsideration", KindCount, "件", "Reconsideration cases concluded."},
	{"reconsideration.settled", "调解和解", "reconsiderations settled", "reconsideration", KindCount, "件", "Reconsideration cases closed by mediation or settlement."},
	{"reconsideration.corrected", "纠错", "reconsiderations corrected", "reconsideration", KindCount, "件", "Decisions revoked, changed, confirmed illegal or ordered to be performed."},
	{"reconsideration.upheld", "维持/驳回申请", "reconsiderations upheld", "reconsideration", KindCount, "件", "Decisions upheld or applications rejected."},
	{"reconsideration.as_respondent", "被复议案件", "reconsiderations as respondent", "reconsideration", KindCount, "件", "Reconsideration cases brought against the jurisdiction's government."},
	{"petition.cases_received", "信访受理", "petitions received", "petition", KindCount, "件", "Letters-and-visits cases received (also 批次)."},
	{"petition.people", "信访人次", "petitioners", "petition", KindCount, "人次", "Person-visits of petitioners."},
	{"petition.cases_concluded", "信访办结", "petitions concluded", "petition", KindCount, "件", "Petition cases concluded."},
	{"petition.conclusion_rate", "信访办结率", "petition conclusion rate", "petition", KindRate, "%", "Share of petitions concluded."},
	{"arbitration.cases_accepted", "劳动人事争议仲裁受理", "arbitration cases accepted", "arbitration", KindCount, "件", "Labour and personnel dispute arbitration cases accepted."},
	{"arbitration.cases_closed", "仲裁结案", "arbitration cases closed", "arbitration", KindCount, "件", "Arbitration cases closed."},
	{"arbitration.closure_rate", "仲裁结案率", "arbitration closure rate", "arbitration", KindRate, "%", "Share of arbitration cases closed."},
	{"disclosure.proactive_items", "主动公开政府信息", "information proactively disclosed", "disclosure", KindCount, "条", "Government information items published proactively."},
	{"disclosure.requests", "依申请公开", "disclosure requests", "disclosure", KindCount, "件", "Requests for disclosure handled."},
	{"disclosure.policy_interpretations", "政策解读", "policy interpretations", "disclosure", KindCount, "件", "Policy interpretations published."},
	{"enforcement.penalty_cases", "行政处罚案件", "administrative penalty cases", "enforcement", KindCount, "件", "Administrative penalty cases handled."},
	{"enforcement.inspections", "行政检查", "administrative inspections", "enforcement", KindCount, "次", "Administrative inspections carried out."},
	{"enforcement.licensing_cases", "行政许可", "licensing cases", "enforcement", KindCount, "件", "Administrative licensing cases."},
	{"enforcement.certified_officers", "持证执法人员", "certified enforcement officers", "enforcement", KindCount, "人", "Officers holding an enforcement certificate."},
	{"enforcement.certification_rate", "执法人员持证率", "enforcement certification rate", "enforcement", KindRate, "%", "Share of enforcement officers holding a certificate."},
	{"enforcement.case_files_reviewed", "案卷评查", "case files reviewed", "enforcement", KindCount, "件", "Enforcement case files reviewed (评查)."},
	{"legality.reviews", "合法性审查/审核", "legality reviews", "legality", KindCount, "件", "Documents and decisions put to legality review."},
	{"legality.contract_reviews", "合同审查", "contract reviews", "legality", KindCount, "件", "Government contracts reviewed."},
	{"legality.normative_documents", "规范性文件", "normative documents", "legality", KindCount, "件", "Normative documents issued, filed or in force."},
	{"legality.risk_assessments", "风险评估", "risk assessments", "legality", KindCount, "件", "Risk assessments of major decisions and projects."},
	{"counsel.adviser_services", "法律顾问服务", "legal adviser services", "counsel", KindCount, "次", "Services given by legal advisers."},
	{"counsel.legal_aid_cases", "法律援助案件", "legal aid cases", "counsel", KindCount, "件", "Legal aid cases handled."},
	{"counsel.adviser_coverage_rate", "法律顾问覆盖率", "legal adviser coverage", "counsel", KindRate, "%", "Share of villages, communities or bodies with a legal adviser."},
	{"supervision.npc_suggestions", "人大代表建议办理", "NPC deputies' suggestions handled", "supervision", KindCount, "件", "Suggestions of people's congress deputies handled."},
	{"supervision.cppcc_proposals", "政协提案办理", "CPPCC proposals handled", "supervision", KindCount, "件", "Proposals of CPPCC members handled."},
	{"supervision.audit_projects", "审计项目", "audit projects", "supervision", KindCount, "项", "Audit projects completed."},
	{"services.items", "政务服务事项", "government service items", "services", KindCount, "项", "Service items offered by a service centre or channel."},
	{"services.online_rate", "网办率", "online handling rate", "services", KindRate, "%", "Share of service items or cases handled online."},
	{"services.cases_handled", "政务服务办件量", "service cases handled", "services", KindCount, "件", "Service cases handled by the government service centre."},
}

// Catalog returns the whole indicator catalog of INDICATORS.md, in its order.
// The slice is a copy; callers may keep or change it.
func Catalog() []Indicator {
	out := make([]Indicator, len(catalog))
	copy(out, catalog)
	return out
}

// Lookup returns the catalog entry of code.
func Lookup(code string) (Indicator, bool) {
	for _, ind := range catalog {
		if ind.Code == code {
			return ind, true
		}
	}
	return Indicator{}, false
}
