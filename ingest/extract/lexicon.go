package extract

// This file is the trigger lexicon: which words, around a number with which
// unit, make it a figure of which indicator. It is data; extract.go holds the
// one generic procedure that applies it.

// Unit sets a rule may accept (raw units as written).
const (
	uCases   = "件 宗 起 个案 例 件次 笔"
	uTimes   = "次 场 场次 期 轮 堂 节"
	uCopies  = "份 册 本 张 件"
	uPersons = "人 名 位"
	uVisits  = "人次 人 名"
	uPosts   = "条 篇"
	uOrgs    = "个 家 处 所"
	uItems   = "项 事项 个"
	uRate    = "%"
	uMoney   = "元 万元 亿元"
)

// rule says: a number whose unit is in units, with one of the left words
// before it in its clause (or one of the right words after its unit), is a
// figure of code — provided a word of one of the domain groups occurs in the
// sentence and none of the not words occurs in the clause.
type rule struct {
	code   string
	left   []string
	right  []string
	units  string
	domain []string // names of domain groups; any one suffices; nil = no condition
	// notDomain are domain groups that, in the sentence before the number,
	// rule this reading out (涉及金额 in a 劳动争议 sentence is not mediation).
	notDomain []string
	not       []string
	// prio lets a rule win over nearer triggers when its own trigger is in
	// the number's clause (评查 wins over 行政处罚案件 in 对172件行政处罚案件进行评查).
	prio int
	// town is the code used instead when the jurisdiction is a town or a
	// street office, which is never a reconsideration organ: its 行政复议案件
	// are cases brought against it.
	town string
}

// domains are groups of words that set the topic of a sentence.
var domains = map[string][]string{
	"mediation":       {"调解", "调处", "纠纷", "矛盾", "人民调解"},
	"litigation":      {"行政诉讼", "行政应诉", "应诉", "诉讼", "出庭", "被告"},
	"reconsideration": {"行政复议", "复议"},
	"petition":        {"信访", "来访", "来信", "上访"},
	"arbitration":     {"劳动争议", "劳动人事争议", "仲裁", "劳资纠纷"},
	"publicity":       {"普法", "法治宣传", "宣传", "法治教育", "宪法", "民法典", "法治文化", "法律知识", "八进", "六进", "七进", "五进", "送法", "以案释法", "法律七进", "法律八进"},
	"counsel":         {"法律顾问", "法律服务", "律师"},
	"adviser":         {"法律顾问", "顾问"},
	"services":        {"政务服务", "服务中心", "政务大厅", "服务大厅", "便民服务", "办事大厅", "一网通办", "网上办", "政务服务网"},
	"enforcement":     {"执法", "行政处罚", "行政检查"},
	"legality":        {"合法性", "审查", "审核"},
	"disclosure":      {"政务公开", "信息公开", "公开"},
	"study":           {"学法", "学习", "中心组"},
}

// rules is the trigger lexicon. Several rules may share a code.
var rules = []rule{
	// mediation
	{code: "mediation.cases_accepted", left: []string{"受理调解案件", "调解案件", "受理矛盾纠纷", "受理纠纷", "调处矛盾纠纷", "调处纠纷", "调处各类矛盾纠纷", "调处各类纠纷", "调解矛盾纠纷", "调解纠纷", "调解各类纠纷", "调解各类矛盾纠纷", "受理各类调解案件", "排查调处", "纠纷调解", "矛盾纠纷调解", "受理各类矛盾纠纷", "受理各类纠纷", "接待调解", "调解民间纠纷", "受理民间纠纷", "下发案件", "受理", "接收", "收案", "调处", "调解"}, right: []string{"矛盾纠纷", "纠纷"}, units: uCases, domain: []string{"mediation"}, not: []string{"诉前", "复议", "信访", "劳动争议", "仲裁", "积案", "成功调解", "调解成功", "调处成功", "成功调处", "成功化解", "化解", "达成", "不予受理"}},
	{code: "mediation.cases_accepted", left: []string{"参与调解", "参与调解的", "参与调处"}, units: uCases + " 次"},
	{code: "mediation.cases_resolved", left: []string{"调解成功", "成功调解", "调处成功", "调处成功的", "成功调处", "化解矛盾纠纷", "化解纠纷", "化解各类矛盾纠纷", "化解各类纠纷", "化解地区矛盾纠纷", "成功化解", "化解", "达成调解协议", "达成协议", "调结", "调解结案"}, right: []string{"调解成功", "成功调解", "达成调解协议"}, units: uCases, not: []string{"信访", "积案", "复议", "诉前", "劳动争议", "仲裁", "问题", "隐患", "风险"}},
	// 成功109起 after a mediation figure: the outcome of the same disputes.
	{code: "mediation.cases_resolved", left: []string{"成功"}, units: uCases, domain: []string{"mediation"}, not: []string{"信访", "积案", "复议", "诉前", "劳动争议", "仲裁", "创建", "申报", "举办"}},
	{code: "mediation.success_rate", left: []string{"调解成功率", "调处成功率", "调解率", "化解率", "调处率"}, units: uRate, notDomain: []string{"arbitration", "petition"}},
	{code: "mediation.success_rate", left: []string{"成功率"}, units: uRate, domain: []string{"mediation"}, not: []string{"复议", "仲裁", "信访"}},
	{code: "mediation.amount", left: []string{"涉及金额", "涉案金额", "涉及标的", "标的额", "标的金额", "涉及资金", "涉及金额约", "金额"}, units: uMoney, domain: []string{"mediation"}, notDomain: []string{"arbitration", "petition"}, not: []string{"审计"}},
	{code: "mediation.organizations", left: []string{"人民调解组织", "调解组织", "人民调解委员会", "调解委员会", "调委会", "调解室", "调解工作室", "专业调解组织"}, right: []string{"人民调解组织", "调解组织", "调解委员会", "调委会", "调解室", "调解工作室"}, units: uOrgs},
	{code: "mediation.mediators", left: []string{"调解员", "人民调解员", "专职调解员", "兼职调解员", "特邀调解员"}, right: []string{"调解员", "人民调解员", "专职调解员", "兼职调解员", "特邀调解员"}, units: uPersons, not: []string{"培训", "轮训", "新申领", "新增", "新聘", "新招"}},
	{code: "mediation.disputes_screened", left: []string{"排查矛盾", "排查纠纷", "排查矛盾纠纷", "矛盾纠纷排查", "开展排查", "排查各类矛盾纠纷"}, units: uTimes + " " + uCases},
	{code: "mediation.disputes_screened", left: []string{"排查", "集中排查", "拉网式排查"}, units: uTimes, domain: []string{"mediation"}, not: []string{"隐患", "安全"}},

	// litigation
	{code: "litigation.cases", left: []string{"行政应诉案件", "行政诉讼案件", "行政应诉", "行政诉讼", "应诉案件", "被诉案件", "被诉", "为被告"}, right: []string{"行政诉讼案件", "行政应诉案件", "行政诉讼", "行政应诉"}, units: uCases, not: []string{"民事", "刑事", "诉前调解", "败诉", "胜诉", "撤诉", "审理中", "复议"}},
	{code: "litigation.cases", left: []string{"行政案件"}, units: uCases, domain: []string{"litigation"}, not: []string{"民事", "刑事", "诉前调解", "败诉", "胜诉", "撤诉", "审理中", "复议", "法律援助"}},
	{code: "litigation.won", left: []string{"胜诉", "驳回原告诉讼请求", "驳回诉讼请求", "驳回起诉"}, right: []string{"胜诉", "驳回原告诉讼请求", "驳回原告的诉讼请求", "驳回诉讼请求", "驳回起诉", "判决驳回"}, units: uCases, not: []string{"复议"}, prio: 1},
	{code: "litigation.lost", left: []string{"败诉"}, right: []string{"败诉"}, units: uCases, prio: 1},
	{code: "litigation.withdrawn", left: []string{"撤诉", "原告撤诉", "撤回起诉"}, right: []string{"撤诉", "原告撤诉", "撤回起诉"}, units: uCases, prio: 1},
	{code: "litigation.pending", left: []string{"尚在审理", "正在审理", "在审", "未审结", "未结案"}, right: []string{"尚在审理", "正在审理", "审理中", "未审结", "未结", "尚未判决"}, units: uCases, domain: []string{"litigation"}, prio: 1},
	{code: "litigation.loss_rate", left: []string{"败诉率"}, units: uRate},
	{code: "litigation.appearance_rate", left: []string{"出庭应诉率", "出庭率", "负责人出庭"}, units: uRate},
	{code: "litigation.pre_suit_mediations", left: []string{"诉前调解", "行政诉讼诉前调解"}, units: uCases, domain: []string{"litigation"}, prio: 1},

	// publicity
	{code: "publicity.events", left: []string{"法治宣传活动", "普法宣传活动", "普法活动", "法治宣传", "普法宣传", "普法游园", "法治活动", "宪法宣传", "八进", "六进", "七进", "五进", "送法下乡", "送法进"}, units: uTimes, not: []string{"讲座", "培训", "学习", "学法"}},
	{code: "publicity.events", left: []string{"宣传活动", "主题活动", "系列活动", "宣传", "活动", "进社区", "进校园", "进企业", "进农村", "游园"}, units: uTimes, domain: []string{"publicity"}, not: []string{"讲座", "培训", "学习", "学法"}},
	{code: "publicity.lectures", left: []string{"法治讲座", "专题讲座", "讲座", "培训讲座", "培训班", "培训", "授课", "轮训", "法治课", "讲课", "宣讲", "专题培训", "业务培训", "法律知识授课", "大讲堂", "法治党课", "讲授", "报告会", "辅导报告", "专题辅导"}, right: []string{"法治讲座", "专题讲座", "讲座", "培训班", "培训", "授课", "轮训", "法治课", "宣讲"}, units: uTimes},
	{code: "publicity.materials", left: []string{"宣传资料", "宣传材料", "宣传册", "宣传手册", "法治宣传册", "普法资料", "普法读物", "宣传单", "宣传页", "折页", "资料", "手册", "读本", "单页", "宣传品", "书籍", "法律书籍", "普法书籍", "宣传单页", "明白纸", "单行本", "口袋书"}, right: []string{"宣传资料", "宣传材料", "宣传册", "宣传手册", "普法资料"}, units: uCopies, not: []string{"礼品", "纪念品"}},
	{code: "publicity.audience", left: []string{"受教育", "受众", "参与群众", "参与人数", "参加人数", "受教育群众", "受教育人数", "覆盖群众", "教育群众", "受益群众"}, right: []string{"受教育", "受到教育"}, units: uVisits, not: []string{"培训", "学法", "法律咨询", "咨询"}},
	{code: "publicity.audience", left: []string{"惠及", "受益", "参与", "参加", "辐射", "覆盖"}, right: []string{"参与", "参加"}, units: uVisits, domain: []string{"publicity"}, not: []string{"培训", "学法", "法律咨询", "咨询", "考试"}},
	{code: "publicity.online_posts", left: []string{"推送", "推送微信", "发布普法", "普法短信", "短信", "公众号", "微信", "微博", "推文", "普法文章", "发送"}, units: uPosts, not: []string{"公开"}},
	{code: "publicity.consultations", left: []string{"法律咨询", "解答法律咨询", "法律问题", "法律援助咨询"}, right: []string{"法律咨询"}, units: uVisits + " 次 件 个"},
	{code: "publicity.consultations", left: []string{"咨询", "解答", "答疑", "接受咨询", "提供咨询"}, right: []string{"咨询"}, units: uVisits + " 次 件 个", domain: []string{"publicity", "counsel"}},
	{code: "study.sessions", left: []string{"集体学习", "集中学习", "学法", "专题学习", "中心组学习", "会前学法", "旁听庭审", "学习", "集体学法"}, right: []string{"集体学习", "集中学习", "学法", "专题学习", "旁听庭审"}, units: uTimes, not: []string{"讲座", "培训", "矫正", "服刑", "帮教", "戒毒"}},

	// reconsideration
	{code: "reconsideration.received", left: []string{"受理行政复议", "行政复议申请", "复议申请", "行政复议案件", "复议案件", "行政复议", "收到", "受理"}, units: uCases, domain: []string{"reconsideration"}, not: []string{"被复议", "被申请", "审结", "纠错", "维持", "不予受理", "不予"}, town: "reconsideration.as_respondent"},
	{code: "reconsideration.concluded", left: []string{"审结", "办结", "结案"}, units: uCases, domain: []string{"reconsideration"}},
	{code: "reconsideration.settled", left: []string{"调解和解", "和解", "经调解", "调解方式", "以调解方式结案", "调解结案"}, units: uCases, domain: []string{"reconsideration"}, prio: 1},
	{code: "reconsideration.corrected", left: []string{"纠错", "撤销", "变更", "确认违法", "责令履行", "纠正"}, right: []string{"纠错", "被撤销", "被纠错"}, units: uCases, domain: []string{"reconsideration"}, prio: 1},
	{code: "reconsideration.upheld", left: []string{"维持", "驳回", "驳回申请", "驳回复议申请", "驳回行政复议申请"}, right: []string{"维持", "驳回申请", "驳回复议申请", "被维持"}, units: uCases, domain: []string{"reconsideration"}, prio: 1},
	{code: "reconsideration.as_respondent", left: []string{"被复议案件", "被复议", "被申请行政复议", "被申请复议", "作为被申请人"}, right: []string{"被复议", "被申请复议"}, units: uCases, prio: 1, not: []string{"撤销", "纠错", "变更", "确认违法"}},

	// petition
	// Visitors of a mediation body are no petitioners: mediation scope words veto.
	{code: "petition.cases_received", left: []string{"信访案件", "信访事项", "受理信访", "信访件", "来信来访", "来访", "信访", "受理", "接待"}, right: []string{"信访"}, units: uCases + " 批次", domain: []string{"petition"}, notDomain: []string{"adviser"}, not: []string{"积案", "办结", "化解", "问题", "调解室", "调解工作室", "调委会", "调解中心", "咨询", "参与"}},
	{code: "petition.people", left: []string{"信访", "来访", "上访", "接待"}, units: "人次", domain: []string{"petition"}, notDomain: []string{"adviser"}, not: []string{"调解室", "调解工作室", "调委会", "调解中心", "咨询", "参与"}},
	{code: "petition.cases_concluded", left: []string{"办结", "结案", "办结信访"}, units: uCases + " 批次", domain: []string{"petition"}, not: []string{"积案"}},
	{code: "petition.conclusion_rate", left: []string{"办结率", "按期办结率", "化解率", "结案率"}, units: uRate, domain: []string{"petition"}},

	// arbitration
	{code: "arbitration.cases_accepted", left: []string{"劳动争议案件", "劳动人事争议案件", "劳动人事争议仲裁案件", "劳动争议仲裁案件", "仲裁案件", "受理"}, units: uCases, domain: []string{"arbitration"}, not: []string{"结余", "结案", "审结", "办结", "不予受理"}},
	{code: "arbitration.cases_closed", left: []string{"结案", "审结", "办结"}, units: uCases, domain: []string{"arbitration"}},
	{code: "arbitration.closure_rate", left: []string{"仲裁结案率", "结案率"}, units: uRate, domain: []string{"arbitration"}},

	// disclosure
	{code: "disclosure.proactive_items", left: []string{"主动公开", "公开各类信息", "公开政府信息", "公开信息", "发布政府信息", "主动公开政府信息", "公开各类政府信息", "公开各类政务信息", "公开政务信息", "发布政务信息"}, units: uPosts + " 件 项", not: []string{"依申请", "解读"}},
	{code: "disclosure.requests", left: []string{"依申请公开", "政府信息公开申请", "信息公开申请", "申请公开"}, units: uCases + " 个", prio: 1},
	{code: "disclosure.policy_interpretations", left: []string{"政策解读", "解读"}, units: uCases + " 条 篇 期 次 个", prio: 1},

	// enforcement
	{code: "enforcement.penalty_cases", left: []string{"行政处罚案件", "行政处罚", "处罚案件", "立案查处", "一般程序案件", "简易程序案件"}, right: []string{"行政处罚案件"}, units: uCases, not: []string{"评查", "哄抬", "公示", "被撤销", "被纠正", "被确认违法", "被复议", "被诉", "被纠错"}},
	{code: "enforcement.inspections", left: []string{"行政检查", "执法检查", "联合检查", "双随机", "执法巡查", "日常检查", "抽查检查"}, units: uTimes + " " + uCases},
	{code: "enforcement.penalty_cases", left: []string{"查处", "违法案件", "处罚案件"}, units: uCases, domain: []string{"enforcement"}, not: []string{"评查", "哄抬", "公示", "被撤销", "被纠正", "被确认违法", "被复议", "被诉", "被纠错", "不予处罚", "不予"}},
	{code: "enforcement.inspections", left: []string{"巡查", "检查", "专项检查", "执法检查"}, units: uTimes, domain: []string{"enforcement"}, not: []string{"审计", "学习", "考核", "督察", "督查"}},
	{code: "enforcement.licensing_cases", left: []string{"行政许可案件", "行政许可", "许可案件", "办理许可"}, units: uCases},
	{code: "enforcement.certified_officers", left: []string{"持证执法人员", "持证行政执法人员", "持有行政执法证", "持有执法证", "执法证件", "持证人员", "持证上岗"}, right: []string{"持有行政执法证", "持有执法证", "持证", "取得行政执法证", "取得执法证"}, units: uPersons, not: []string{"新申领", "申领", "换证", "换发", "培训", "考试", "新增"}},
	{code: "enforcement.certification_rate", left: []string{"持证率", "持证上岗率"}, units: uRate},
	{code: "enforcement.case_files_reviewed", left: []string{"评查案卷", "案卷评查", "评查", "抽查案卷", "抽查"}, right: []string{"评查", "进行了抽样评查", "案卷评查", "抽样评查"}, units: uCases + " 卷 份 本", prio: 2},

	// legality
	{code: "legality.reviews", left: []string{"合法性审查", "合法性审核", "合法性", "前置审查", "审查", "审核", "法制审核"}, units: uCases + " 个 份 项", not: []string{"合同", "备案", "评查", "制定", "印发", "出台", "清理", "废止"}},
	// 合同协议进行合法性审查216件: the act right before the number counts,
	// whatever was listed before it.
	{code: "legality.reviews", left: []string{"进行合法性审查", "开展合法性审查", "进行合法性审核", "开展合法性审核"}, units: uCases + " 个 份 项", prio: 1},
	// 对27件规范性文件进行合法性审核: the act at the end of the clause is what is counted.
	{code: "legality.reviews", right: []string{"合法性审查", "合法性审核", "法制审核", "合法性、合理性审查"}, units: uCases + " 个 份 项", prio: 1},
	{code: "legality.contract_reviews", left: []string{"合同审查", "审查合同", "审核合同", "政府合同", "合同"}, right: []string{"合同审查", "合同"}, units: uCases + " 份 个", not: []string{"签订", "聘用", "签约"}},
	// 对乡政府签订的各类合同进行审查12份: the review act follows the contract word.
	{code: "legality.contract_reviews", left: []string{"合同进行审查", "合同进行审核", "合同进行合法性审查", "合同进行法律审查", "合同审核", "合同合法性审查"}, units: uCases + " 份 个", prio: 1},
	{code: "legality.normative_documents", left: []string{"规范性文件"}, right: []string{"规范性文件"}, units: uCases + " 份 个 部", not: []string{"审核", "合法性审查"}},
	{code: "legality.risk_assessments", left: []string{"风险评估", "社会稳定风险评估", "稳评"}, units: uCases + " 个 项 份"},

	// counsel
	{code: "counsel.adviser_services", left: []string{"法律服务", "提供法律服务", "其他法律服务", "法律文书", "法律意见书"}, units: uTimes + " " + uCases + " 份 条"},
	// 法律顾问团参与重大项目谈判、信访化解等工作38次: work of the advisers.
	{code: "counsel.adviser_services", left: []string{"法律顾问", "法律顾问团"}, units: "次"},
	// A bare 法律意见 (not 法律意见书) is an adviser's service only in a counsel sentence.
	{code: "counsel.adviser_services", left: []string{"法律意见"}, units: uTimes + " " + uCases + " 份 条", domain: []string{"counsel"}},
	{code: "counsel.legal_aid_cases", left: []string{"法律援助案件", "法律援助", "法援案件", "援助案件"}, units: uCases},
	{code: "counsel.adviser_coverage_rate", left: []string{"法律顾问覆盖率", "覆盖率", "配备率", "聘请率"}, units: uRate, domain: []string{"adviser"}},

	// supervision
	{code: "supervision.npc_suggestions", left: []string{"人大代表建议", "人大代表意见", "人大建议", "代表建议", "人大代表议案", "代表议案"}, units: uCases + " 条 项 个", not: []string{"处理中", "正在办理", "未办结", "在办"}},
	{code: "supervision.cppcc_proposals", left: []string{"政协提案", "政协委员提案", "委员提案", "提案"}, units: uCases + " 条 项 个", not: []string{"处理中", "正在办理", "未办结", "在办"}},
	{code: "supervision.audit_projects", left: []string{"审计项目", "审计", "审计任务"}, units: "项 个", not: []string{"审计建议", "问题"}},

	// services
	{code: "services.items", left: []string{"服务事项", "政务服务事项", "进驻事项", "入驻事项", "入驻服务事项", "审批事项", "办理事项"}, right: []string{"服务事项", "政务服务事项"}, units: uItems, not: []string{"最多跑一次", "一事通办", "跑一次", "一件事", "一次办", "集成服务", "可在线", "权责清单", "清单", "清理", "精简", "取消", "下放", "中介", "调整"}},
	{code: "services.items", left: []string{"事项"}, right: []string{"事项"}, units: uItems, domain: []string{"services"}, not: []string{"最多跑一次", "一事通办", "跑一次", "可在线", "权责清单", "清单", "秒批", "即办", "承诺", "一件事", "一次办", "集成服务", "清理", "精简", "取消", "下放", "中介", "调整"}},
	{code: "services.online_rate", left: []string{"网办率", "网上办理率", "网上可办率", "全程网办率", "网上办事率"}, units: uRate},
	{code: "services.cases_handled", left: []string{"办理各类业务", "受理业务", "各类业务", "办理业务", "业务", "代办", "各类事项", "办理事项"}, units: uCases + " 件次", domain: []string{"services"}},
	{code: "services.cases_handled", left: []string{"办件", "办件量", "受理办件", "办结件"}, units: uCases + " 件次"},
	// 政务服务事项12.5万件: items counted in 件 are cases handled, not items offered.
	{code: "services.cases_handled", left: []string{"政务服务事项", "服务事项", "审批事项", "政务服务事项办件"}, units: uCases + " 件次"},
}

// breakdownMarkers introduce the parts of a total stated before them.
var breakdownMarkers = []string{"其中", "包括"}

// scopeWords end the name of a sub-body whose figures are not the whole
// jurisdiction's: 莫满水调解工作室, 石水口工作站, 驻所调解室, 区政府法律顾问.
var scopeWords = []string{"调解工作室", "调解室", "工作室", "工作站", "法律顾问", "法律顾问室", "特邀调解员", "法治文化广场", "服务站", "调解中心"}

// zeroRules are statements of a zero count with no digit: 全年无败诉案件,
// 实现行政诉讼零败诉. A negator (zeroNegators) shortly before the object word
// in the same clause states the zero; the fact's span is the negator.
var zeroRules = []struct {
	object, code string
	town         string // code for a town or street office (see rule.town)
}{
	{"败诉", "litigation.lost", ""},
	{"行政诉讼案件", "litigation.cases", ""},
	{"行政应诉案件", "litigation.cases", ""},
	{"行政复议案件", "reconsideration.received", "reconsideration.as_respondent"},
	// Bare objects count only as an item of a list whose last item carries
	// 案件: 未发生行政复议、行政诉讼案件.
	{"行政复议", "reconsideration.received", "reconsideration.as_respondent"},
	{"行政诉讼", "litigation.cases", ""},
}

// zeroListObjects and zeroListSeps make the lists of zero objects under one
// negator: 未发生行政复议、行政诉讼案件.
var (
	zeroListObjects = []string{"行政复议", "行政诉讼", "行政应诉"}
	zeroListSeps    = []string{"、", "和", "及", "与"}
)

// zeroNotAfter, right after the object word, show the statement is about
// something else: 无行政诉讼案件败诉 states no loss, not no lawsuit.
var zeroNotAfter = []string{"败诉", "被撤销", "被纠错", "被确认违法"}

// zeroNegators state that there were none, longest first.
var zeroNegators = []string{"无一", "没有", "未发生", "未出现", "未有", "无", "零"}
