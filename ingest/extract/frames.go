package extract

import "slices"

// This file is the meaning of the indicator catalog, as data: for every
// code, the frames a figure of it is written in. A frame names the objects
// the figure counts (矛盾纠纷, 宣传活动, 合同), the acts done to them (受理,
// 开展, 审查), the acts that make it another count (审查 makes 规范性文件24件
// a review, 获评 makes 2名调解员 an award), the classifiers it is written
// with, and the topic a generic word needs around it. The words are read in
// both orders (受理矛盾纠纷374件, 开展16场法治宣传活动, 2件原告撤诉); how much
// each position and each kind of match weighs is the model's (model.go,
// weights.json), not the frame's. A synonym is one more word in a list.

// Unit sets a frame may accept (raw units as written).
const (
	uCases   = "件 宗 起 个案 例 件次 笔"
	uTimes   = "次 场 场次 期 轮 堂 节 批次"
	uCopies  = "份 册 本 张 件"
	uPersons = "人 名 位"
	uVisits  = "人次 人 名 户次"
	uPosts   = "条 篇"
	uOrgs    = "个 家 处 所"
	uItems   = "项 事项 个"
	uRate    = "%"
	uMoney   = "元 万元 亿元"
)

// frame is one way a figure of a code is written.
type frame struct {
	code string
	// objects are what the figure counts; acts what was done. A frame is
	// considered when one of its objects or acts is near the number.
	objects []string
	acts    []string
	// needAct: the object alone does not tell which count it is (合同 may
	// be signed, filed or reviewed): one of acts must stand in the
	// number's clause, or before a breakdown marker its figure is a part of
	// (合法性审查61件,其中政府合同40件).
	needAct bool
	// needObject: the acts alone are too common to tell the count (开展,
	// 办理, 受理 without 纠纷 or 宣传活动): one of objects must be near.
	needObject bool
	// conflicts are acts that, in the number's own list item, make it
	// another count (审查 for 规范性文件, 备案 for 合同, 获评 for 调解员).
	conflicts []string
	// liftedBy are bodies that, named in the number's clause before a
	// conflict, lift those of lifted (a labour-dispute mediation body's
	// 受理劳动争议案件约410件 is mediation's intake).
	liftedBy, lifted []string
	// not are topics that, anywhere in the number's item, rule the frame
	// out: 社区矫正 for study sessions, 安全隐患 for dispute screening.
	not []string
	// otherHeads are nouns that, standing nearer the number than the
	// frame's own object, are what it counts instead (会议 in 召开专题会议
	// 4次, not in 常务会议集体学法5次; 清单 in 政务服务事项清单31个).
	otherHeads []string
	// sentenceConflicts rule the frame down when they occur anywhere in the
	// sentence before the number: a course's trainees are no campaign's
	// audience (培训…覆盖800余人次).
	sentenceConflicts []string
	// sentenceVetoes rule the frame out when they occur anywhere in the
	// sentence before the number: 终止审查1件 after 维持15件,驳回24件 is a
	// reconsideration outcome, no legality review.
	sentenceVetoes []string
	// headVetoes rule the frame out when they stand in the first clause of
	// the number's sentence, before the number: a special campaign heading
	// the sentence makes its figures the campaign's (开展食品安全专项整治,
	// 查处违法案件8起), not the year's total.
	headVetoes []string
	// units are the classifiers accepted; typical the usual ones (场 for
	// events, 份 for materials), a clue when the words are generic.
	units, typical string
	// domains: when set, a word of one of these topics must occur in the
	// sentence (or the one before): 受理 alone says nothing of what.
	domains []string
	// needDomain makes the topic needed even when specific words matched.
	needDomain bool
	// topicInItem: the topic must be named in the number's own list item
	// (法治知识竞赛2场), not only elsewhere in the sentence or before it:
	// the frame's words are the common names of events of any topic.
	topicInItem bool
	// sittings are words that, all standing earlier in the number's item,
	// make a meeting head (会议) the sitting of the frame's own body: the
	// study group's 理论学习中心组(扩大)会议10次 is a study session, the
	// 党工委(扩大)会议26次 a meeting.
	sittings []string
	// organOnly: the count is a reconsideration organ's own work (审结):
	// no town or street office is one, and the cases brought against the
	// writer (作为被申请人的…2件,均已审结) were concluded by another body.
	organOnly bool
	// notDomains rule the frame out when their topic occurs in the
	// sentence before the number (涉及金额 in a 劳动争议 sentence).
	notDomains []string
	// notDomainsLifted are objects that, named in the number's list item,
	// lift notDomains: 法律咨询 is legal whatever service window took it
	// (县公共法律服务中心窗口和12348热线共接待解答群众法律咨询9800余人次).
	notDomainsLifted []string
	// itemNotDomains rule the frame out when their topic is named in the
	// number's list item and neither law nor a body whose study counts
	// whatever its topic (studyBodies) is: 学习《中国共产党纪律处分条例》2场次
	// is party discipline; 学习宪法法律和党内法规5次 names law too, and the
	// 中心组's sitting on it is left to the study group's rule.
	itemNotDomains []string
	// subjectNot are bodies that, as the subject of the number's clause
	// (before any of subjectBreakers there), rule the frame out: the
	// 街道党校开展学习…2场次 is party education, not the government's study.
	subjectNot []string
	// subjectNotUnlessAct makes subjectNot rule the frame out only when no
	// act of the frame stands before the number in its item: the court's
	// 受理一审行政案件340件 is its caseload, its 受理以区政府为被告的行政诉讼案件
	// 15件 the writer's lawsuits.
	subjectNotUnlessAct bool
	// town is the code used instead for a town or street office, never a
	// reconsideration organ: its 行政复议案件 are cases brought against it.
	town string
}

// awardActs make a count of people or bodies an honour, not a stock:
// 2名调解员获评省级优秀人民调解员.
var awardActs = []string{"获评", "荣获", "被评为", "评为", "评选", "评出", "获得", "授予", "表彰", "入选", "获批", "命名为"}

// gainActs are award acts that also name what a body or person got
// (获得法律援助, 获批设立): before a number they make only a stock's count
// no stock, not every count an honour (see refAward in decide).
var gainActs = []string{"获得", "获批"}

// compositeCounts are the codes that count services of several kinds: the
// parts of such a total that have codes of their own are activities of
// their own, named by their object alone too (法律顾问开展法律服务1108次,
// 其中法治讲座46场、法律咨询789人次: GOLD.md, dev 001's adviser services).
var compositeCounts = []string{"counsel.adviser_services"}

// stockCounts are the codes that count a stock (people, bodies, items
// offered): an award or a change is no figure of theirs.
var stockCounts = []string{"mediation.organizations", "mediation.mediators", "enforcement.certified_officers", "services.items", "legality.normative_documents"}

// propertyActs make service items a property of some of them, not the
// number offered: 3000余个政务服务事项实现“不见面”审批, 涉证事项压减至9项.
var propertyActs = []string{"实现", "不见面", "非接触式", "压减", "精简", "减少", "取消", "下放", "调整", "一件事", "一次办", "跑一次", "全程网办", "掌上办", "告知承诺", "秒批", "即办", "自助", "跨省通办", "全省通办", "异地通办", "跨区域通办"}

// traineeWords make a count of people the trainees of a course, not the
// public a campaign reached: 培训人员2.8万余人次, 覆盖镇村干部200余人.
var traineeWords = []string{"培训", "干部", "工作人员", "执法人员", "公职人员", "党员", "职工", "考试", "旁听", "参训", "学员", "法律明白人",
	"集体学法", "专题学法"}

// traineePeople, heading a count of people, name the government's own
// people — trainees and participants, not the public a campaign reached:
// 参加法治讲座的干部职工达150余人次, 参与宪法宣誓的新任职干部12人.
var traineePeople = []string{"干部", "干部职工", "工作人员", "执法人员", "公职人员", "党员", "党员干部", "职工", "学员", "参训人员", "法律明白人"}

// hazardWords name the hazards a safety screening looks for: its rounds
// are no screening of disputes.
var hazardWords = []string{"安全", "消防", "火灾", "地质灾害", "燃气", "隐患点"}

// countedPlaces, written right after a classifier, are what the number
// counts (3个派出所, 9个村, 24家区级部门), whatever frame word follows.
var countedPlaces = []string{"村", "社区", "派出所", "镇", "乡", "街道", "苏木", "嘎查", "牧委会", "部门", "单位", "学校", "企业", "小区", "行政村", "居委会", "村委会", "区级部门", "镇街"}

// studyOtherHeads are what a study count is not: lectures, trainings, party
// lessons and the study of party discipline, meetings.
var studyOtherHeads = []string{"讲座", "培训", "党课", "纪法", "纪法课", "党纪", "主题教育", "党史", "会议", "常委会", "专题会", "培训班", "研讨班",
	"轮训班", "轮训", "研修班", "读书班", "专题班"}

// attendedNouns are lectures and trainings one attends: 学习 right after
// one (参加“新时代法治大讲堂”学习5期, 参加法治专题讲座学习3次) is the verb
// of attending it, so the count is of the lectures (publicity.lectures,
// where law is their topic), not of study sessions (see attending).
var attendedNouns = []string{"讲座", "讲堂", "学堂", "课堂", "夜校", "培训", "培训班", "轮训班", "研修班", "报告会", "辅导报告"}

// caseloadWords make an intake count a caseload, the cases to be handled
// this year with those carried over (需办理复议案件66件, 在办案件5件,
// 办理复议案件88件(含上年结转9件)): no intake code counts it. A carry-over
// qualifier right after the figure (…66件,含上年度结转6件) is read by
// carriesOver.
var caseloadWords = []string{"需办理", "需审理", "需办结", "需受理", "在办", "上年结转", "上年度结转", "上年未结", "上年度未结"}

// campaignWords name a special campaign or action: when one heads a
// sentence, its penalty figures are the campaign's (GOLD.md 003: counts
// from a COVID special action, not the penalty-case total).
var campaignWords = []string{"专项行动", "专项整治", "专项治理", "专项打击", "专项斗争", "打击整治", "严打", "集中整治", "百日行动", "疫情防控"}

// reconsiderationOutcomes are the decisions of a reconsideration organ
// (行政复议法 2023: 维持, 驳回, 撤销, 变更, 确认违法, 责令履行, 终止).
// Only those that no legality review is said to end in are listed.
var reconsiderationOutcomes = []string{"维持", "驳回", "责令履职", "责令履行", "终止"}

// reconsiderationCases and litigationCases are the objects of the outcome
// codes: the cases whose outcome is counted (审结行政复议案件33件, 行政诉讼案件2件,均胜诉).
var (
	reconsiderationCases = []string{"行政复议案件", "复议案件", "行政复议", "案件"}
	litigationCases      = []string{"行政诉讼案件", "行政应诉案件", "行政诉讼", "案件"}
)

var frames = []frame{
	// mediation
	{code: "mediation.cases_accepted",
		objects: []string{"矛盾纠纷", "纠纷", "调解案件", "民间纠纷", "各类纠纷", "各类矛盾纠纷", "纠纷案件", "调处案件"},
		acts:    []string{"受理", "调处", "调解", "排查调处", "接待调解", "参与调解", "参与调处", "收案", "接收", "下发案件"},
		conflicts: []string{"调解成功", "成功调解", "调处成功", "成功调处", "成功化解", "化解", "达成", "不予受理", "排查发现", "排查出", "发现", "预防", "调解不成", "调解未成", "司法确认", "包案",
			"复议", "信访", "劳动争议", "仲裁", "结案"},
		liftedBy: []string{"调解组织", "调解委员会", "调委会", "调解中心"}, lifted: []string{"劳动争议"},
		// Cases closed by mediation (通过调解、和解方式结案39件) are no intake.
		// A meeting on disputes (研判会12次) or a confirmation asked of the
		// court (申请司法确认23件) is no intake; cases a leader takes charge of
		// (包案) are assignments.
		// Demands (群众各类诉求1568件) and criminal cases prevented (防止民间纠纷
		// 转化为刑事案件4宗) are no disputes taken in.
		// A court's civil cases (人民法庭全年受理民商事案件586件) are its own
		// caseload, whatever mediation the sentence before tells of.
		otherHeads: append([]string{"积案", "协议书", "问题", "隐患", "研判会", "分析会", "会议", "例会", "诉求", "刑事案件", "坐班", "值守", "值班",
			"民商事案件", "民事案件", "商事案件", "诉讼案件"}, campaignWords...),
		// 受理法律援助申请31件 is legal aid's intake, no dispute.
		// Administrative disputes (行政争议) settled before a suit are the
		// litigation code's (litigation.pre_suit_mediations), no people's
		// mediation.
		// A complaints platform's intake (通过全国12315平台受理投诉举报4,316件)
		// is no dispute taken into mediation.
		not:   append(append([]string{"法律援助申请", "行政争议", "行政诉讼", "投诉举报"}, caseloadWords...), hotlineWords...),
		units: uCases + " 次", typical: "件 宗 起", domains: []string{"mediation"}, notDomains: []string{"reconsideration", "arbitral"}},
	// Cases another body handed over for mediation (访调对接: 信访部门转交调解的
	// 信访事项36件; 诉调对接: 法院委派调解案件214件, 诉前调解分流民商事案件1380件)
	// are disputes taken into mediation, not that body's caseload.
	{code: "mediation.cases_accepted",
		objects: []string{"信访事项", "案件", "纠纷", "矛盾纠纷", "民商事案件", "民事案件"},
		acts:    referredActs,
		needAct: true, needObject: true,
		conflicts: []string{"成功", "化解", "调解成功", "达成"},
		not:       []string{"行政争议"},
		// A court's own caseload (人民法庭全年受理民商事案件586件,…通过诉前委派
		// 调解…) is none referred: the referral must be the number's.
		subjectNot: otherCaseBodies, subjectNotUnlessAct: true,
		units: uCases, typical: "件 宗 起", domains: []string{"mediation"}},
	{code: "mediation.cases_resolved",
		objects:   []string{"矛盾纠纷", "纠纷", "调解案件", "各类纠纷", "各类矛盾纠纷"},
		acts:      []string{"调解成功", "成功调解", "调处成功", "成功调处", "化解", "成功化解", "达成调解协议", "达成协议", "调结", "调解结案", "成功", "诉前化解"},
		needAct:   true,
		conflicts: []string{"信访", "复议", "劳动争议", "仲裁", "排查发现", "排查出", "不成功", "未成功", "调解不成", "未化解", "包案"},
		// A campaign counted (开展排查化解专项行动三次) is no count of disputes.
		// Nor are events held (矛盾纠纷排查化解活动24次).
		otherHeads: append([]string{"积案", "问题", "隐患", "风险", "协议书", "诉求", "刑事案件", "活动"}, campaignWords...),
		// Nor are an administrative dispute's settlements (nor those after
		// a pre-suit count in their sentence: see decide), nor the major
		// disputes leaders took charge of (包案化解重大疑难纠纷57件), a subset.
		not: []string{"行政争议", "行政诉讼", "包案"},
		// A petitions backlog resolved (对12件信访积案…年内化解9件) is no
		// dispute mediated.
		sentenceVetoes: []string{"积案"},
		units:          uCases + " 次", typical: "件 宗 起", domains: []string{"mediation"}, notDomains: []string{"reconsideration", "arbitral"}},
	{code: "mediation.success_rate",
		objects: []string{"调解成功率", "调处成功率", "调解率", "化解率", "调处率", "成功率"},
		units:   uRate, domains: []string{"mediation"}, notDomains: []string{"arbitration", "petition", "reconsideration"},
		// The share of disputes settled where they arose (矛盾纠纷就地化解率
		// 96%) is no success of mediation.
		conflicts: []string{"复议", "仲裁", "信访", "就地"}},
	{code: "mediation.amount",
		objects: []string{"涉及金额", "涉案金额", "涉及标的", "标的额", "标的金额", "涉及资金", "金额"},
		units:   uMoney, domains: []string{"mediation"}, notDomains: []string{"arbitration", "petition"},
		otherHeads: []string{"审计", "罚款", "投资", "合同"}},
	{code: "mediation.organizations",
		objects:   []string{"人民调解组织", "调解组织", "人民调解委员会", "调解委员会", "调委会", "调解室", "调解工作室", "专业调解组织", "联调工作室", "调解中心"},
		conflicts: []string{"新设", "新建", "新成立", "新增"},
		// Justice offices counted beside the committees (指导全县17个司法所和各级
		// 人民调解组织) are none of them.
		otherHeads: []string{"司法所"},
		units:      uOrgs, typical: "个 家"},
	{code: "mediation.mediators",
		objects:   []string{"调解员", "人民调解员", "专职调解员", "兼职调解员", "特邀调解员", "专业人民调解员", "调解员库"},
		conflicts: []string{"培训", "轮训", "新申领", "新增", "新聘", "新招"},
		units:     uPersons, typical: "名 人"},
	{code: "mediation.disputes_screened",
		objects: []string{"矛盾", "纠纷", "矛盾纠纷", "各类矛盾纠纷"},
		acts:    []string{"排查", "集中排查", "拉网式排查", "开展排查"},
		// Hazards screened (安全隐患, 消防隐患) are no disputes; 矛盾纠纷隐患,
		// the disputes brewing, are.
		needAct: true, conflicts: []string{"发现", "排查出", "调处", "化解", "预防"}, not: hazardWords,
		// Counted in cases (排查各类矛盾纠纷186件) it is the disputes the
		// screening found, no screening (README: 033 排查发现1305件).
		units: uTimes, typical: "次"},
	// Rounds of screening and settling counted in times (开展矛盾纠纷排查化解
	// 活动24次, 排查化解专项行动三次) are screenings; in cases (排查化解矛盾纠纷356件) the disputes
	// settled.
	{code: "mediation.disputes_screened",
		objects: []string{"矛盾", "纠纷", "矛盾纠纷", "各类矛盾纠纷"},
		acts:    []string{"排查化解", "排查调处", "排查调解"},
		needAct: true, needObject: true, not: hazardWords,
		// Meetings and inspections on them are none (README: meeting counts).
		otherHeads: []string{"会议", "联席会议", "研判会", "分析会", "推进会", "例会", "督导", "检查"},
		units:      uTimes, typical: "次"},

	// litigation
	{code: "litigation.cases",
		objects: []string{"行政应诉案件", "行政诉讼案件", "行政应诉", "行政诉讼", "应诉案件", "被诉案件", "行政案件"},
		acts:    []string{"应诉", "被诉", "为被告", "参与"},
		// Lawsuits concluded (被诉案件中已审结12件) have no code.
		conflicts: []string{"诉前调解", "败诉", "胜诉", "撤诉", "审理中", "复议", "出庭", "审结", "结案"},
		// The heads' appearances in court (负责人出庭应诉28件次) are no
		// lawsuits counted, though 应诉 ends the item; an adviser's legal
		// matters (参与涉法事务处理58件) are none either.
		not:        []string{"出庭", "涉法事务", "法律事务"},
		otherHeads: []string{"民事", "刑事", "法律援助"},
		subjectNot: otherCaseBodies, subjectNotUnlessAct: true,
		units: uCases, typical: "件 起", domains: []string{"litigation"}},
	{code: "litigation.won", objects: litigationCases, acts: []string{"胜诉", "驳回原告诉讼请求", "驳回原告的诉讼请求", "驳回诉讼请求", "驳回起诉", "判决驳回", "判决维持"},
		needAct: true, conflicts: []string{"复议", "其他结果", "纠正"}, otherHeads: []string{"胜诉率"}, units: uCases, domains: []string{"litigation"}},
	// The court's 结果维持 of the 政府信息公开 format (the act sued over
	// stands), where no reconsideration is told of before it: there it is
	// the reconsideration's.
	{code: "litigation.won", objects: litigationCases, acts: []string{"结果维持"},
		needAct: true, conflicts: []string{"复议", "其他结果"}, units: uCases, domains: []string{"litigation"}, notDomains: []string{"reconsideration"}},
	// A judgment against the organ's act (一审判决确认我局行政行为违法1件,
	// 判决撤销2件, the disclosure format's 结果纠正) is a suit lost, whatever
	// word the report has for it.
	{code: "litigation.lost", objects: litigationCases, acts: []string{"败诉", "判决确认", "判决撤销", "被判决撤销", "被判决确认违法", "确认行政行为违法", "结果纠正"},
		// Cases told of as examples (通报典型败诉案例4件) are no count.
		needAct: true, otherHeads: []string{"败诉率", "案例"}, units: uCases, domains: []string{"litigation"}},
	// A labour arbitration's 调解和撤诉 are no lawsuits withdrawn.
	{code: "litigation.withdrawn", objects: litigationCases, acts: []string{"撤诉", "原告撤诉", "撤回起诉", "调解撤诉"}, needAct: true, units: uCases, domains: []string{"litigation"},
		notDomains: []string{"arbitration"}},
	// 受理矛盾纠纷86件,…未结2件已引导诉讼: disputes, no lawsuits.
	{code: "litigation.pending", objects: litigationCases, acts: pendingActs,
		needAct: true, units: uCases, domains: []string{"litigation"}, sentenceVetoes: []string{"矛盾纠纷", "民间纠纷"}},
	{code: "litigation.loss_rate", objects: []string{"败诉率"}, units: uRate},
	{code: "litigation.appearance_rate", objects: []string{"出庭应诉率", "出庭率", "负责人出庭"}, units: uRate},
	{code: "litigation.pre_suit_mediations", acts: []string{"诉前调解", "行政诉讼诉前调解", "诉前化解"}, units: uCases, domains: []string{"litigation"}},

	// publicity
	{code: "publicity.events",
		objects: []string{"法治宣传活动", "普法宣传活动", "普法活动", "法治宣传", "普法宣传", "法治活动", "宪法宣传", "宣传活动",
			"主题活动", "系列活动", "集中宣传活动", "八进", "六进", "七进", "五进", "送法下乡", "送法进", "宣讲", "宣讲活动", "巡讲", "巡讲活动", "活动",
			"宣传"},
		acts:       []string{"开展", "举办", "组织", "举行", "走进", "进社区", "进校园", "进企业", "进农村"},
		needObject: true,
		// A notice board's issues (法治宣传栏更新240期, 更新宣传内容32期) are no
		// events.
		conflicts:      []string{"培训", "学法", "讲授", "更新"},
		otherHeads:     []string{"讲座", "座谈", "会议", "培训班", "课", "宣传栏", "宣传橱窗", "宣传专栏", "专栏", "展板", "板报"},
		itemNotDomains: []string{"partySpirit"},
		units:          uTimes, typical: "场 场次 次", domains: []string{"publicity"}},
	// The formats law publicity takes (游园, 文艺演出, 汇演, 集市, 电影放映,
	// 快闪, 直播) are events of law publicity only when law is named in the item:
	// 普法游园2场次, 法治文艺汇演3场, not 文艺演出12场. (Quizzes are left
	// out: the sentence cases hold 组织法律知识竞赛2次 as no code.)
	{code: "publicity.events",
		objects: []string{"游园", "游园活动", "文艺演出", "文艺汇演", "汇演", "演出", "集市", "电影放映",
			"放映", "快闪", "情景剧", "文艺晚会", "嘉年华", "巡演", "巡回演出", "直播", "直播活动", "网络直播"},
		acts:       []string{"开展", "举办", "组织", "举行"},
		needObject: true,
		conflicts:  []string{"培训", "学法", "讲授"},
		units:      uTimes, typical: "场 场次 次", domains: []string{"law"}, needDomain: true, topicInItem: true},
	{code: "publicity.lectures",
		objects:    []string{"法治讲座", "法治课", "讲法治课", "法治党课", "法治专题培训", "讲法治", "讲法律", "法治培训", "法律培训", "普法讲座"},
		acts:       []string{"举办", "开展", "组织", "讲授", "授课", "培训"},
		needObject: true,
		units:      uTimes, typical: "期 场 次"},
	// Lectures and trainings in general count only where the sentence names
	// law or the people of law work: a cadre training on the Party congress
	// is no law training, a training of mediators is.
	{code: "publicity.lectures",
		objects: []string{"专题讲座", "讲座", "培训讲座", "培训班", "培训", "授课", "轮训", "讲课", "专题培训",
			"业务培训", "大讲堂", "辅导报告", "专题辅导", "研讨班", "课堂", "讲堂", "学堂", "夜校", "提升班", "轮训班", "研修班", "专题班"},
		acts:       []string{"举办", "开展", "组织", "讲授", "授课", "培训"},
		needObject: true,
		// Lectures of science and health (“健康讲堂”科普讲座120场次) teach no
		// law, whatever law publicity the sentence goes on to.
		not:   []string{"科普", "健康讲堂", "健康讲座", "健康教育"},
		units: uTimes, typical: "期 场 次", domains: []string{"law"}, needDomain: true},
	{code: "publicity.materials",
		objects: []string{"宣传资料", "宣传材料", "宣传册", "宣传手册", "法治宣传册", "普法资料", "普法读物", "宣传单", "宣传页", "折页", "资料", "手册",
			"读本", "单页", "书籍", "法律书籍", "普法书籍", "宣传单页", "明白纸", "单行本", "口袋书", "小册子"},
		acts:       []string{"发放", "派发", "分发", "赠送", "印发", "发送"},
		needObject: true,
		conflicts:  []string{"张贴", "悬挂"},
		// Gifts are no materials (GOLD.md: 普法礼品3000余份), and neither are
		// the promotional goods 宣传品 alone (印有普法标语的购物袋、扇子): no
		// object of the frame, though a count of materials and goods
		// together (宣传资料及宣传品7800余份) is the materials'.
		otherHeads: []string{"礼品", "纪念品", "横幅", "标语", "海报"},
		units:      uCopies, typical: "份 册 本"},
	// A titled paper handed out is a material: 发放《致家长的一封信》3200份
	// (the title's words name it, not what is counted: see openTitle).
	// A certificate or a notice handed out (《行政执法证》86本) is none.
	{code: "publicity.materials", objects: []string{"》"}, acts: []string{"发放", "派发", "分发", "赠送"},
		needObject: true, needAct: true, not: []string{"证》", "照》", "聘书》", "证书》", "通知书》", "决定书》"}, units: uCopies, typical: "份 册 本"},
	{code: "publicity.audience",
		objects:    []string{"受众", "参与群众", "参与人数", "参加人数", "受教育群众", "受教育人数", "覆盖群众", "教育群众", "受益群众"},
		acts:       []string{"受教育", "受到教育", "覆盖", "惠及", "受益", "参与", "参加", "辐射"},
		needObject: true,
		conflicts:  []string{"咨询", "解答", "服务"}, sentenceConflicts: traineeWords, otherHeads: traineePeople,
		units: uVisits, typical: "人次"},
	// People reached, named by who they are: an act must say they were reached.
	{code: "publicity.audience",
		objects:   []string{"群众", "学生", "居民", "村民", "师生", "干部群众", "人员", "青少年", "老年人", "家长", "妇女", "观众", "网民", "市民"},
		acts:      []string{"受教育", "受到教育", "覆盖", "惠及", "受益", "参与", "参加", "辐射", "教育", "聆听", "观看", "收看", "收听"},
		needAct:   true,
		conflicts: []string{"咨询", "解答", "服务"}, sentenceConflicts: traineeWords, otherHeads: traineePeople,
		units: uVisits, typical: "人次", domains: []string{"publicity"}},
	// Listeners and spectators of law publicity (“法治大讲堂”巡回宣讲38场,听众
	// 达4200余人次) are its audience: law must be named in the sentence; of
	// another topic's talks (宣讲党的二十大精神) they are not.
	{code: "publicity.audience",
		objects:   []string{"听众", "观众", "现场观众"},
		conflicts: []string{"咨询", "解答", "服务"}, sentenceConflicts: traineeWords, otherHeads: traineePeople,
		units: uVisits, typical: "人次", domains: []string{"law"}, needDomain: true},
	{code: "publicity.online_posts",
		objects: []string{"普法短信", "短信", "推文", "普法文章", "文章", "信息", "普法作品", "作品", "普法信息"},
		acts:    []string{"推送", "发布", "发送", "刊发", "推送微信", "转发"},
		needAct: true, conflicts: []string{"公开", "主动公开"}, units: uPosts, typical: "条 篇", domains: []string{"publicity"}, notDomains: []string{"disclosure"}},
	{code: "publicity.consultations",
		objects:    []string{"法律咨询", "咨询", "法律问题", "法律援助咨询", "咨询答疑", "群众咨询"},
		acts:       []string{"解答", "答疑", "接受咨询", "提供咨询", "接待咨询", "接受"},
		needObject: true,
		conflicts:  []string{"发现", "整改", "解读"},
		// Letters and messages to the government (县长信箱、留言板…咨询投诉)
		// and questions on policies (企业政策咨询2000余人次) are no legal
		// consultations.
		not: []string{"信箱", "留言板", "政策咨询"},
		// Places set up to take them (设立行政复议咨询受理点2个) are no
		// consultations.
		otherHeads: []string{"投诉", "受理点", "咨询点", "服务点", "站点", "窗口"},
		units:      uVisits + " 次 件 个", typical: "人次 次", notDomains: []string{"services"}, notDomainsLifted: []string{"法律咨询", "法律援助咨询"}},
	// Study of law, named as such: 学法, 会前学法.
	// Study by offenders on probation is no study of the government's, and
	// neither is the villages' own (村(社区)开展学习共38次 in a town's
	// report): the catalog counts the government's collective study.
	{code: "study.sessions",
		objects:    []string{"学法", "会前学法", "集体学法", "学法活动", "法治学习", "旁听庭审", "学法用法", "学法会", "学法会议"},
		acts:       []string{"学法", "组织", "开展"},
		needObject: true,
		not:        studyNot,
		conflicts:  []string{"宣讲"},
		otherHeads: studyOtherHeads,
		subjectNot: studySubjectNot, itemNotDomains: []string{"partyRules"},
		units: uTimes, typical: "次"},
	// Trials attended as study (seed 001 旁听庭审4次), with the court or the
	// kind of case between (到区法院旁听行政案件庭审1次).
	{code: "study.sessions",
		objects: []string{"庭审"},
		acts:    []string{"旁听", "观摩"},
		needAct: true, needObject: true,
		not:   studyNot,
		units: uTimes, typical: "次"},
	// Collective study in general: study of law only where the sentence
	// names law (习近平法治思想, 宪法, 法律法规), not 党的二十大精神.
	{code: "study.sessions",
		objects:    []string{"集体学习", "集中学习", "专题学习", "中心组学习", "第一议题", "专题研讨", "研讨", "理论学习", "学习", "学习会", "集中学习活动", "集体学习活动", "专题学习活动"},
		acts:       []string{"学习", "研讨", "组织", "开展"},
		needObject: true,
		not:        studyNot,
		conflicts:  []string{"宣讲"},
		otherHeads: studyOtherHeads,
		subjectNot: studySubjectNot, itemNotDomains: []string{"partyRules"},
		// 理论学习中心组(扩大)会议: the sitting of the study group.
		sittings: []string{"中心组", "学习"},
		units:    uTimes, typical: "次", domains: []string{"studied"}, needDomain: true},

	// reconsideration
	{code: "reconsideration.received",
		objects: []string{"行政复议申请", "复议申请", "行政复议案件", "复议案件", "行政复议"},
		acts:    []string{"受理", "收到", "新收", "办理"},
		// Applications outside the organ's remit, redirected (对不属于受理范
		// 围的22件依法告知申请人…), were not accepted.
		conflicts: []string{"被复议", "被申请", "审结", "纠错", "维持", "不予受理", "不予", "撤销", "驳回", "办结", "不属于", "告知", "受理前"},
		// Cases whose respondent the item names (以县政府为被申请人、由市政
		// 府办理的) are cases against it, whoever handled them. A hotline's
		// or a mailbox's demands (县长信箱、12345热线共受理群众诉求1.8万件) are
		// none, whatever the sentence before spoke of.
		not: append([]string{"为被申请人", "诉求", "信箱"}, append(hotlineWords, caseloadWords...)...),
		// A court's intake of lawsuits (全市法院新收一审行政诉讼案件1,362件)
		// after a reconsideration sentence is no application received, nor
		// are the cases its advisers discussed (参与案件研讨45件次).
		otherHeads: []string{"研讨"},
		subjectNot: otherCaseBodies,
		units:      uCases, typical: "件", domains: []string{"reconsideration"}, town: "reconsideration.as_respondent"},
	// The cases against the writer another organ concluded (县政府作为被申请人
	// 的行政复议案件6件,由市人民政府依法审理,已审结5件) are no conclusions of its.
	// Cases closed by a settlement (调解、和解结案58件) are settlements.
	{code: "reconsideration.concluded", objects: reconsiderationCases, acts: []string{"审结", "办结", "结案", "已审结"}, needAct: true, organOnly: true,
		conflicts:      []string{"和解", "调解"},
		sentenceVetoes: []string{"作为被申请人", "为被申请人"},
		units:          uCases, domains: []string{"reconsideration"}},
	{code: "reconsideration.settled", objects: reconsiderationCases, acts: []string{"调解和解", "和解", "经调解", "调解后", "调解方式", "以调解方式结案", "调解结案", "和解结案", "方式结案"},
		needAct: true, units: uCases, domains: []string{"reconsideration"}},
	// Disputes resolved by the reconsideration organ, before acceptance or
	// after, are settlements (复议受理前协商化解案件17件, 在复议受理前调解化解
	// 行政争议9件): a resolution verb with its cases, in a reconsideration
	// sentence. The mediation frames stand down there (notDomains).
	{code: "reconsideration.settled", objects: append([]string{"行政争议", "争议"}, reconsiderationCases...),
		acts:    []string{"化解", "调解", "和解", "协商"},
		needAct: true, needObject: true, units: uCases, domains: []string{"reconsideration"}, needDomain: true},
	{code: "reconsideration.corrected", objects: reconsiderationCases, acts: []string{"纠错", "撤销", "变更", "确认违法", "责令履行", "责令履职", "责令重新作出", "责令重作", "纠正", "结果纠正", "被撤销", "被纠错"},
		// The other outcomes of a list the act opens (结果纠正2件、尚未审结1件,
		// 撤销或确认违法8件、终止8件).
		needAct: true, conflicts: append([]string{"其他结果", "终止"}, pendingActs...), units: uCases, domains: []string{"reconsideration"}},
	{code: "reconsideration.upheld", objects: reconsiderationCases, acts: []string{"维持", "结果维持", "驳回", "驳回申请", "驳回复议申请", "驳回行政复议申请", "被维持"},
		// The other outcomes of a list the act opens (结果维持6件、其他结果1件、尚未审结2件).
		needAct: true, conflicts: append([]string{"其他结果", "终止"}, pendingActs...), units: uCases, domains: []string{"reconsideration"}},
	{code: "reconsideration.as_respondent",
		objects:   []string{"被复议案件"},
		acts:      []string{"被复议", "被申请行政复议", "被申请复议", "被申请税务行政复议", "作为被申请人", "被申请人"},
		conflicts: []string{"撤销", "纠错", "变更", "确认违法"},
		// Cases against the government's departments or its towns are
		// cases the government decided, not cases brought against it; cases
		// where it was respondent or defendant (作为被申请人或被告的行政争议
		// 案件共6件) are reconsiderations and lawsuits together.
		not:   append([]string{"部门", "各乡", "乡镇", "或被告"}, caseloadWords...),
		units: uCases},

	// petition
	{code: "petition.cases_received",
		objects: []string{"信访案件", "信访事项", "信访件", "来信来访", "来访", "信访"},
		acts:    []string{"受理", "接待", "办理", "收到"},
		// A review of petitions decided (受理信访事项复查申请14件) is no
		// petition received.
		conflicts: append([]string{"办结", "化解", "咨询", "参与", "复查", "复核"}, referredActs...),
		// A hotline's tickets in the item (12345热线受理群众诉求18.6万件) are
		// no petitions; a hotline named as a channel before is no veto.
		not:        append(mediationRooms, append(hotlineWords, caseloadWords...)...),
		otherHeads: []string{"积案", "问题"},
		// Leaders' own receptions (镇领导共接待来访群众58批次) are a part of
		// the petitions the leaders took, no total received.
		subjectNot: leaderSubjects,
		// What a legal-service station takes in (工作站接待群众来访…;受理法律
		// 援助申请41件) is no petition.
		sentenceVetoes: legalServiceWords,
		units:          uCases + " 批次", domains: []string{"petition"}, notDomains: []string{"adviser"}},
	// Visitors a legal-service platform receives (三级平台共接待群众来访1.8万
	// 人次, after 公共法律服务中心…实现全覆盖) come for its services, not to
	// petition.
	// Nor are those a mediation room receives (石门村“老支书调解室”…,全年接待
	// 来访群众150余人次): they come to have a dispute settled.
	{code: "petition.people", objects: []string{"信访", "来访", "上访", "信访群众"}, acts: []string{"接待"},
		conflicts: []string{"咨询", "参与"}, subjectNot: leaderSubjects, sentenceVetoes: append(mediationRooms, legalServiceWords...),
		// Petition officers trained (培训信访干部210人次) are no petitioners.
		not:   append([]string{"培训", "信访干部"}, append(mediationRooms, hotlineWords...)...),
		units: "人次", domains: []string{"petition"}, notDomains: []string{"adviser"}},
	// The people petitions involve, told after them (受理群众信访事项2146件,
	// 涉及群众3580人次).
	{code: "petition.people", objects: []string{"群众", "信访群众"}, acts: []string{"涉及"},
		needAct: true, needObject: true, subjectNot: leaderSubjects, sentenceVetoes: append(mediationRooms, legalServiceWords...),
		not:   hotlineWords,
		units: "人次", domains: []string{"petition"}, needDomain: true, notDomains: []string{"adviser"}},
	// What a legal-service station concludes (协助县法律援助中心办结法律援助
	// 案件19件, after 接待来访群众…) is no petition, as for cases received.
	{code: "petition.cases_concluded", objects: []string{"信访案件", "信访事项", "信访件"}, acts: []string{"办结", "已办结", "结案", "办结信访", "办理完毕"}, needAct: true,
		// The tickets a hotline concluded (受理12345热线转办工单326件,办结326件)
		// are no petitions, as the rate after one is not (below).
		not: hotlineWords, otherHeads: []string{"积案"}, sentenceVetoes: legalServiceWords, units: uCases + " 批次", domains: []string{"petition"}, notDomains: []string{"hotline"}},
	// A rate after a hotline in its sentence (12345热线受理群众诉求18.6万件,
	// 办结率98.7%) is the hotline's: a rate names no body of its own.
	// The share of first petitions resolved (初信初访化解率) is a subset's
	// resolution, no share concluded.
	{code: "petition.conclusion_rate", objects: []string{"办结率", "按期办结率", "化解率", "结案率"}, units: uRate, domains: []string{"petition"}, notDomains: []string{"hotline"},
		not: []string{"初信初访", "初信", "初访", "积案"}},

	// arbitration
	{code: "arbitration.cases_accepted",
		objects: []string{"劳动争议案件", "劳动人事争议案件", "劳动人事争议仲裁案件", "劳动争议仲裁案件", "仲裁案件", "劳动争议"},
		acts:    []string{"受理", "立案受理"},
		// Disputes settled before a case was filed (在仲裁立案前化解劳动争议
		// 160余件, 经调解组织成功化解) or mediated by a labour mediation body
		// (调解组织全年调解劳动争议580余件) were never the arbitration's cases.
		conflicts: []string{"结案", "审结", "办结", "不予受理", "协商", "化解", "调解成功", "成功调解", "调解"},
		// A court's labour lawsuits (法院审结劳动争议诉讼案件93件) are no
		// arbitration's cases.
		// A land-contract arbitration's (农村土地承包仲裁委员会受理…纠纷仲裁案件4件)
		// is none of the labour arbitration the catalog counts.
		not:        append([]string{"提起诉讼", "起诉", "立案前", "仲裁前", "土地承包"}, caseloadWords...),
		otherHeads: []string{"结余", "结转", "诉讼案件"},
		// Nor are a mediation body's (基层劳动争议调解组织共受理劳动争议案件
		// 近700件): they were mediated, never arbitrated.
		subjectNot: append([]string{"调解组织", "调解委员会", "调委会", "调解中心"}, otherCaseBodies...),
		units:      uCases, domains: []string{"arbitration"}},
	{code: "arbitration.cases_closed", objects: []string{"劳动争议案件", "劳动人事争议案件", "仲裁案件", "案件"}, acts: []string{"结案", "审结", "办结"}, needAct: true, not: []string{"土地承包"},
		otherHeads: []string{"诉讼案件"}, subjectNot: otherCaseBodies,
		units: uCases, domains: []string{"arbitration"}},
	// The share closed by mediation (仲裁调解结案率达63%) is no closure rate.
	{code: "arbitration.closure_rate", objects: []string{"仲裁结案率", "结案率"}, not: []string{"调解结案率", "调解率"}, units: uRate, domains: []string{"arbitration"}},

	// disclosure
	{code: "disclosure.proactive_items",
		objects:    []string{"主动公开", "主动公开政府信息", "政府信息", "信息", "政务信息", "各类信息", "政务文件", "政务公开信息"},
		acts:       []string{"公开", "发布"},
		needObject: true,
		// The upkeep of published items discloses nothing new (维护更新政务
		// 公开栏目信息32条). (更新 alone is not a conflict yet: its breakdown
		// after 具体包括 would then be read as disclosure.)
		// The outcomes of requests (其中予以公开3件,部分公开1件,本机关不
		// 掌握相关政府信息2件) are rows of the table's 办理结果.
		// What arose from disclosure (因政府信息公开引起行政复议1件) and the
		// disclosure type of cases (其中政府信息公开类12件) are no items
		// disclosed.
		conflicts: []string{"依申请", "解读", "整改", "错敏", "不予公开", "申请", "部分公开", "不掌握", "信息不存在", "无法提供", "因政府信息公开", "因信息公开", "信息公开类"},
		// Villages' own postings (村务公开1460余条, 党务公开, 公开村务财务信息
		// 1200余条) are no government information, nor is the enforcement
		// publicity of the 三项制度 (公示执法信息57条).
		not: []string{"维护", "村务公开", "党务公开", "公开村务", "公开党务", "村务财务", "三务", "执法信息", "执法公示",
			// …and a community's own (公开居务财务信息480余条). Items a review
			// went over again (对2021年以来公开的412条信息开展“回头看”) were
			// disclosed before.
			"居务", "村(居)务", "社区公开栏", "回头看"},
		units: uPosts + " 件 项 份", typical: "条", domains: []string{"disclosure"}},
	{code: "disclosure.requests",
		objects:    []string{"依申请公开", "政府信息公开申请", "信息公开申请", "申请公开", "公开申请"},
		acts:       []string{"收到", "受理", "办理", "新收"},
		needObject: true,
		// An outcome (已完成依申请公开申请1件, 答复2件) is a row of the
		// table's 办理结果, which the catalog does not count.
		conflicts: []string{"已完成", "完成", "办结", "答复", "已答复", "已办结"},
		units:     uCases + " 个", typical: "件", domains: []string{"disclosure"}},
	{code: "disclosure.policy_interpretations", objects: []string{"政策解读", "解读", "政策解读类信息", "解读类信息", "解读信息"}, acts: []string{"解读", "开展"},
		needObject: true, otherHeads: []string{"问题", "热点"}, units: uCases + " 条 篇 期 次 个"},

	// enforcement
	{code: "enforcement.penalty_cases",
		objects: []string{"行政处罚案件", "处罚案件", "一般程序案件", "简易程序案件", "违法案件", "行政处罚", "行政处罚决定", "处罚决定", "违法行为", "各类案件", "立案查处",
			"违法违规行为", "违法违规案件", "查处违法"},
		acts:       []string{"立案查处", "查处", "办理", "承办", "作出行政处罚", "处罚"},
		needObject: true,
		// Penalties waived (首违不罚: 依法免予处罚1207件) are no penalty cases.
		// Decisions reviewed before they are made (对47件重大行政处罚决定开展
		// 法制审核) are legality reviews; violations stopped or talked out of
		// (制止违法行为83起, 劝导) are no cases.
		conflicts: append([]string{"评查", "公示", "被撤销", "被纠正", "被确认违法", "被复议", "被诉", "被纠错", "不予", "免予", "免于", "免罚", "不罚", "法制审核", "合法性审核", "合法性审查",
			"制止", "劝阻", "劝导"}, letOffWords...),
		// 抽查行政处罚、行政许可案卷260件 counts files; 抽取18个执法部门
		// 行政处罚…案卷 counts departments.
		otherHeads: []string{"罚款", "案卷", "部门", "单位", "主体"},
		headVetoes: campaignWords,
		// A court's caseload (县人民法院全年受理各类案件9326件) holds no
		// administrative penalty.
		subjectNot: otherCaseBodies,
		units:      uCases + " 个", typical: "件 起"},
	// 立案 alone (直属一中队立案412件, a table's 立案(件) column beside 巡查)
	// files a penalty case where enforcement is the topic; a court's,
	// procuratorate's, arbitration's or discipline commission's filing, a
	// criminal case's (办理刑事案件立案1260起), and the courts' online filing
	// or guidance on it, are none.
	{code: "enforcement.penalty_cases", objects: []string{"立案"}, acts: []string{"立案"},
		conflicts:  []string{"结案", "办结", "不予立案", "未立案"},
		not:        []string{"网上立案", "立案指导", "优先立案", "立案前", "立案率", "立案登记", "仲裁", "诉讼", "信访", "审查调查", "公益诉讼", "刑事"},
		subjectNot: append(slices.Clone(otherCaseBodies), disciplineBodies...),
		units:      uCases + " 个", typical: "件 起", domains: []string{"enforcement"}, needDomain: true},
	{code: "enforcement.inspections",
		objects: []string{"行政检查", "执法检查", "联合检查", "双随机", "执法巡查", "日常检查", "抽查检查", "联合执法", "联合抽查",
			"检查", "抽查", "巡查", "专项检查"},
		acts:       []string{"检查", "抽查", "巡查", "开展"},
		needObject: true,
		// 减少对企业的重复检查2.1万余次 counts checks spared.
		conflicts: []string{"评查", "减少", "压减"},
		// Checks on the enforcers (行政执法监督检查) are supervision, no
		// inspections; so are the discipline commission's (镇纪委…开展专项监
		// 督检查4次).
		not:        []string{"审计", "考核", "督察", "督查", "执法监督", "执法专项监督"},
		subjectNot: disciplineBodies,
		otherHeads: []string{"学习", "安全隐患", "隐患"},
		units:      uTimes + " " + uCases + " 户次 家次", typical: "次 批次 户次", domains: []string{"enforcement"}},
	{code: "enforcement.licensing_cases", objects: []string{"行政许可案件", "行政许可", "许可案件", "许可"}, acts: []string{"办理许可", "办理", "审批", "受理"},
		needObject: true, otherHeads: []string{"案卷"}, units: uCases, typical: "件"},
	{code: "enforcement.certified_officers",
		// 取得/具备/持有 (行政)执法资格 or 执法证, with a gap between: the
		// act and the object are words of their own.
		objects: []string{"持证执法人员", "持证行政执法人员", "执法证件", "持证人员", "执法人员", "执法队员", "行政执法证", "执法证", "执法资格", "行政执法资格", "持证"},
		acts:    []string{"持证上岗", "持有行政执法证", "持有执法证", "持行政执法证", "持执法证", "持证", "取得行政执法证", "取得执法证", "持有", "取得", "具备", "具有"},
		needAct: true, needObject: true,
		conflicts: []string{"新申领", "申领", "换证", "换发", "培训", "考试", "新增", "参加"},
		// A flow word anywhere in the item makes the stock a flow:
		// 新增取得行政执法资格人员8名.
		not:   []string{"新增", "新申领", "新取得", "新考取"},
		units: uPersons, typical: "人 名", domains: []string{"enforcement"}, needDomain: true},
	{code: "enforcement.certification_rate", objects: []string{"持证率", "持证上岗率"}, units: uRate},
	{code: "enforcement.case_files_reviewed",
		objects: []string{"案卷", "行政处罚案卷", "执法案卷"},
		acts:    []string{"评查", "抽样评查", "案卷评查", "评查案卷", "抽查案卷", "抽查", "抽取", "随机抽取", "抽评", "自查"},
		needAct: true,
		// What a review found (发现问题案卷7卷) is no count of files reviewed.
		conflicts: []string{"发现", "不合格", "整改"},
		units:     uCases + " 卷 份 本", typical: "件 卷"},

	// legality
	{code: "legality.reviews",
		objects: []string{"规范性文件", "行政规范性文件", "重大行政决策", "行政决策", "决策事项", "执法决定", "处罚决定", "行政处罚决定", "文件", "事项", "各类事项", "重大事项", "重大决策", "法律事务", "议题"},
		// 备案审查: the review of documents other bodies filed (对各镇街、部门
		// 报送的规范性文件开展备案审查34件), a review as three blind batches
		// read it.
		acts:      []string{"合法性审查", "合法性审核", "前置审查", "审查", "审核", "法制审核", "全流程审查", "初审", "把关", "备案审查"},
		needAct:   true,
		conflicts: []string{"备案", "评查", "制定", "印发", "出台", "清理", "废止", "承办", "签订", "纠错"},
		// 终止审查 ends a reconsideration; it reviews nothing, and neither
		// does any figure after an organ's decisions in its sentence. A
		// court's 非诉行政执行审查案件 are its caseload; a discipline
		// commission's 立案审查调查 investigates people.
		sentenceVetoes: reconsiderationOutcomes, subjectNot: append(slices.Clone(otherCaseBodies), disciplineBodies...),
		not: []string{"审查调查"},
		// The opinions a review wrote are its reviews counted (realdev 014:
		// 出具合法性审查意见书124份).
		units: uCases + " 个 份 项 次", typical: "件", notDomains: []string{"reconsideration"}},
	{code: "legality.contract_reviews",
		objects: []string{"合同", "政府合同", "行政合同", "重大行政合同", "合同协议"},
		acts:    []string{"合同审查", "审查合同", "审核合同", "合同审核", "合法性审查", "合法性审核", "审查", "审核", "法律审查"},
		needAct: true, needObject: true,
		conflicts: []string{"签订", "聘用", "签约", "备案", "承办", "生效", "履行"},
		units:     uCases + " 份 个", typical: "份 件"},
	{code: "legality.normative_documents",
		objects:    []string{"规范性文件", "行政规范性文件"},
		acts:       []string{"制定", "印发", "出台", "制发", "发布", "现行有效", "保留", "备案", "有效", "清理"},
		needObject: true,
		conflicts:  []string{"审核", "审查", "合法性审查", "初审", "废止", "失效", "修改", "修订"},
		units:      uCases + " 份 个 部", typical: "件 份"},
	// The documents a clean-up kept in force, the documents named before in
	// the sentence (开展规范性文件专项清理,…废止27件、宣布失效14件,继续有效262件):
	// the stock in force (realdev 030).
	{code: "legality.normative_documents", acts: []string{"继续有效", "继续保留", "保留"},
		needAct: true, conflicts: []string{"废止", "失效", "修改", "修订"},
		// Other things kept (保留意见2件, 保留行政许可事项45个, 保留村规民约28件).
		not:   []string{"意见", "事项", "机构", "村规民约", "制度", "项目", "证照", "措施"},
		units: uCases + " 份 个 部", typical: "件 份", domains: []string{"cleanup"}, needDomain: true},
	{code: "legality.risk_assessments", objects: []string{"风险评估", "社会稳定风险评估", "稳评"}, acts: []string{"评估"},
		needObject: true, otherHeads: []string{"会议", "论证会", "培训", "专家"}, units: uCases + " 个 项 份 次"},
	// The projects assessed, counted before the assessment: 对…2个重大项目开展
	// 社会稳定风险评估.
	{code: "legality.risk_assessments", objects: []string{"重大项目", "项目", "建设项目"},
		acts: []string{"风险评估", "社会稳定风险评估", "稳评", "稳定风险评估"}, needAct: true, needObject: true, units: "个 项 件"},

	// counsel
	{code: "counsel.adviser_services",
		objects:    []string{"法律服务", "坐班值班", "值班", "法律顾问团"},
		acts:       []string{"提供", "出具", "提供法律服务"},
		needObject: true,
		units:      uTimes + " " + uCases + " 份 条", domains: []string{"counsel"}},
	// 法律意见 (书) and 法律文书 are an adviser's service only when an adviser
	// gives them: 法律顾问为镇政府提供法律意见32条 and 社区法律顾问…代写法律文书
	// 58份, not 提供法律意见210条 alone, nor a 司法所's papers written for the
	// public (代写法律文书15份), nor a contract review's (合同…合法性审查63件,
	// 出具法律意见书63份).
	{code: "counsel.adviser_services",
		objects: []string{"法律意见", "法律意见书", "书面法律意见", "法律文书"},
		acts:    []string{"提供", "出具", "提出"},
		// A review's opinions (提出修改意见91条) are the reviewing group's, no
		// service of an adviser.
		not:   []string{"修改意见", "审查意见", "整改意见"},
		units: uTimes + " " + uCases + " 份 条", domains: []string{"adviser", "lawyer"}, needDomain: true},
	// An adviser's hours at a village's or a community's office (法律顾问
	// 全年进村坐班96次, 坐班值守672次) are services given, counted in sittings.
	{code: "counsel.adviser_services",
		objects: []string{"坐班", "坐班值守", "坐班服务", "坐班值班"},
		// The adviser must sit in the number's item: a mediator's or a 司法所
		// officer's sittings (人民调解员在村调解室坐班值守240次) are theirs.
		units: uTimes, typical: "次", domains: []string{"adviser"}, needDomain: true, topicInItem: true},
	// An adviser's sittings in the government's meetings (法律顾问列席县政府
	// 常务会议26次) and the legal matters it takes part in (参与处理涉法事务
	// 93件, 参与重大事项论证41次) are services given, as blind writers since
	// p13 record them (realdev 005's duty sittings are the model). The adviser
	// must be named in the number's sentence before it; its mediations
	// (参与调解纠纷27件) stay mediation. The sitting is told by 列席 itself:
	// a meeting's name is no object of it, for a body's meeting heads a
	// study list too (镇政府常务会议分别开展集中学法8次、11次).
	{code: "counsel.adviser_services",
		objects: []string{"列席"},
		not:     adviserOtherWork,
		units:   uTimes, typical: "次", domains: []string{"adviser"}, needDomain: true},
	{code: "counsel.adviser_services",
		objects: []string{"涉法事务", "法律事务", "论证", "研究论证", "项目谈判", "谈判"},
		acts:    []string{"参与", "参加", "处理", "参与处理"},
		needAct: true, needObject: true,
		not:   adviserOtherWork,
		units: uTimes + " " + uCases, typical: "次", domains: []string{"adviser"}, needDomain: true},
	// Applications (受理法律援助申请31件) are no cases handled.
	{code: "counsel.legal_aid_cases", objects: []string{"法律援助案件", "法律援助", "法援案件", "援助案件"}, acts: []string{"承办", "办理", "受理"},
		// Applications helped along or passed on (协助群众申请法律援助58件,
		// 代为转交法律援助申请) are the legal aid centre's to grant, no cases.
		needObject: true, otherHeads: []string{"申请"}, conflicts: []string{"申请法律援助", "协助", "代为", "转交"}, units: uCases},
	// A bare 覆盖率 is an adviser's coverage only in the adviser's own clause.
	{code: "counsel.adviser_coverage_rate", objects: []string{"法律顾问覆盖率", "顾问覆盖率", "法律顾问配备率", "法律顾问聘请率"}, units: uRate},
	{code: "counsel.adviser_coverage_rate", objects: []string{"覆盖率", "配备率", "聘请率"}, acts: []string{"法律顾问"}, needAct: true, needObject: true, units: uRate},

	// supervision
	{code: "supervision.npc_suggestions", objects: []string{"人大代表建议", "人大代表意见", "人大建议", "代表建议", "人大代表议案", "代表议案"},
		acts: []string{"办理", "承办", "办结"}, needObject: true, conflicts: []string{"处理中", "正在办理", "未办结", "在办", "交办"},
		units: uCases + " 条 项 个"},
	// The deputies' suggestions written apart from their deputies (代表提出的
	// 41件建议已全部办结): 建议 counts them only where the item names the
	// congress's deputies.
	{code: "supervision.npc_suggestions", objects: []string{"建议", "意见建议"},
		acts: []string{"办理", "承办", "办结", "提出"}, needObject: true, conflicts: []string{"处理中", "正在办理", "未办结", "在办", "交办"},
		units: uCases + " 条 项 个", domains: []string{"npc"}, needDomain: true, topicInItem: true},
	{code: "supervision.cppcc_proposals", objects: []string{"政协提案", "政协委员提案", "委员提案", "提案"},
		acts: []string{"办理", "承办", "办结"}, needObject: true, conflicts: []string{"处理中", "正在办理", "未办结", "在办", "交办"},
		units: uCases + " 条 项 个"},
	{code: "supervision.audit_projects", objects: []string{"审计项目", "审计任务", "审计"}, acts: []string{"完成"},
		// What the audited bodies did after (建立健全制度21项) is no audit.
		needObject: true, otherHeads: []string{"审计建议", "问题", "制度", "建议", "资金"}, units: "项 个",
		// What audits found and what the audited did after (对审计发现的6个问题
		// 完成整改, 推动被审计单位建章立制37项) are no audits.
		not: []string{"审计发现", "发现问题", "被审计单位", "整改", "建章立制"}},

	// services
	{code: "services.items",
		objects:    []string{"服务事项", "政务服务事项", "进驻事项", "入驻事项", "入驻服务事项", "审批事项", "事项", "行政许可事项"},
		acts:       []string{"进驻", "入驻", "保留", "梳理", "纳入"},
		needObject: true,
		// The items a reform touches (推行证明事项告知承诺制,涉及事项51项)
		// are some of the items, no count of all.
		conflicts: append([]string{"清理", "涉及事项"}, propertyActs...),
		// Powers listed (公布县级部门权责清单事项4320项) are no service items.
		not:        []string{"权责清单", "权力清单", "责任清单"},
		otherHeads: []string{"权责清单", "清单", "中介", "其他事项"},
		units:      uItems, typical: "项", domains: []string{"services"}},
	// The items of the service list, counted in 项 (公布镇级政务服务事项清单
	// 162项); lists counted (事项清单31个) are no items.
	{code: "services.items",
		objects:    []string{"政务服务事项清单", "服务事项清单"},
		acts:       []string{"进驻", "入驻", "保留", "梳理", "纳入", "公布", "编制"},
		needObject: true,
		conflicts:  append([]string{"清理"}, propertyActs...),
		units:      "项", typical: "项", domains: []string{"services"}},
	// A rate of online service is (网办|网上可办|全程网办…) × (率|比例|占比).
	// A tax hall's 网上办税率 is its share of business done online.
	{code: "services.online_rate", objects: rateHeads([]string{"网办", "网上办理", "网上可办", "网上办", "全程网办", "网上办事", "掌上办", "掌上可办", "一网通办", "可办", "网上办税", "网上办税缴费"},
		[]string{"率", "比例", "占比", "事项比例", "事项占比"}),
		acts: []string{"全程网办", "网上办理"}, units: uRate, domains: []string{"services"}},
	{code: "services.cases_handled",
		objects:    []string{"便民服务事项", "各类业务", "业务", "办件", "办件量", "受理办件", "办结件", "各类事项", "政务服务事项", "服务事项", "审批事项", "等事项", "代办事项", "涉税业务", "办税业务"},
		acts:       []string{"办理", "受理", "代办", "办结"},
		needObject: true,
		// A hotline's tickets (受理12345热线转办件1560件) are no services, nor
		// are disputes, complaints, deputies' suggestions or petitions named
		// as matters (受理邻里纠纷、土地权属等事项86件). Matters done at
		// people's homes (为特殊群体上门代办事项420余件) are one mode of
		// service, no caseload (realdev README: 027 延时服务).
		not:   append([]string{"纠纷", "投诉", "调解", "建议", "提案", "信访", "诉求", "上门"}, hotlineWords...),
		units: uCases + " 件次", typical: "件", domains: []string{"services"}},
}

// studyNot rule study sessions out: see the study frames.
var studyNot = []string{"矫正", "服刑", "帮教", "戒毒", "村(社区)", "村(居)", "各村", "村级", "村居", "村两委"}

// studyBodies are the bodies whose collective study the catalog counts
// (领导干部, 中心组, 机关: INDICATORS.md), whatever its topic.
var studyBodies = []string{"中心组", "领导班子", "班子成员", "党委会", "党组", "党工委", "常务会", "机关干部", "领导干部"}

// studySubjectNot are bodies whose own study, as the subject of its clause,
// is no study the catalog counts: a party school's sessions are party
// education (镇委党校开展学习…2次, 街道党校开展学习《条例》2场次).
var studySubjectNot = []string{"党校"}

// otherCaseBodies are the courts and procuratorates: the administrative
// cases they take, try or supervise are their caseload, of every agency
// of the place, not the lawsuits brought against the writer.
var otherCaseBodies = []string{"人民法院", "法院", "人民检察院", "检察院", "法庭"}

// referredActs hand cases over to mediation: the cases are the mediators'
// intake (访调对接, 诉调对接).
var referredActs = []string{"转交调解", "移交调解", "委派调解", "委托调解", "转办调解", "交办调解", "分流调解", "诉前调解分流", "导入调解"}

// leaderSubjects, as the subject of a petition count, make it the leaders'
// own receptions (县领导接访下访: 镇领导共接待来访群众58批次).
var leaderSubjects = []string{"县领导", "镇领导", "乡领导", "区领导", "市领导", "街道领导", "级领导", "领导干部", "党政领导", "主要领导", "分管领导", "班子成员"}

// subjectBreakers, standing in a clause before a body, make the body an
// object or a place of the clause, not its subject: 组织干部到党校集中学习.

var subjectBreakers = []string{"组织", "参加", "到", "赴", "在", "依托", "通过", "邀请", "联合", "利用", "走进", "深入", "借助"}

// partyRuleWords name the party's own rules and education campaigns: the
// study of party discipline is not the study of law (GOLD conventions: 街道
// 党校学习《条例》, 纪法课), nor is a theme-education campaign's (主题教育专题
// 学习20次, realdev 017/018).
var partyRuleWords = []string{"党纪", "党规", "党内法规", "纪律处分条例", "主题教育", "党史学习教育"}

// partyQualifiable are law words that name no law when 党 or 纪 qualifies
// them (partyQualified): 《中国共产党纪律处分条例》, 党内法规.
var partyQualifiable = []string{"条例", "法规"}

// lawWords name law: the topic of the law study the catalog counts.
var lawWords = []string{"法治", "法律", "法规", "宪法", "民法典", "条例", "依法", "法学", "普法", "法典", "法制", "以案释法", "学法", "送法",
	// A law's title names it: 学习《行政处罚法》, 《行政复议法》专题讲座.
	"法》"}

// lawWorkers are the people whose training is law training: 调解员轮训,
// 执法人员培训.
var lawWorkers = []string{"调解员", "执法", "法律顾问", "律师", "法官", "检察官", "司法"}

// bodyNames are bodies whose names hold an act or an object of a frame:
// the word inside a name is no act (县委组织部举办了2期…轮训班: 组织 is
// not the act of organising).
var bodyNames = []string{"组织部", "宣传部", "组织委员", "宣传委员", "统战部", "政法委"}

// pendingActs say cases are still being heard (其余3件尚在审理中).
var pendingActs = []string{"尚在审理", "正在审理", "在审", "未审结", "未结案", "未结", "审理中", "尚未判决"}

// disciplineBodies are the party's discipline and supervision commissions:
// their checks watch the government's people, they enforce no law on the
// public.
var disciplineBodies = []string{"纪委", "纪工委", "纪检", "监委", "纪检监察"}

// legalServiceWords name the public legal service and its platforms: the
// visitors they receive are no petitioners.
var legalServiceWords = []string{"法律服务", "法律援助", "平台"}

// hotlineWords name a hotline or a complaints platform: its tickets are no
// petitions and no disputes taken in for mediation (12345; 12315 of market
// regulation, 12369 of the environment, 12366 of tax, 12358 of prices).
var hotlineWords = []string{"12345", "热线", "12315", "12369", "12366", "12358"}

// caseDomains are the topics of case counts: a sentence whose clauses
// before the number's name one of them borrows no other from the sentence
// before (全区行政机关作为被告的一审行政诉讼案件169件,审结142件 after a
// reconsideration sentence: the 142 are lawsuits). Mediation is none of
// them: 调解 is said of reconsiderations, lawsuits and arbitrations too
// (调解和解13件).
var caseDomains = []string{"litigation", "reconsideration", "petition", "arbitration"}

// sentenceWideDomains are the topics a frame that needs one may find
// anywhere in the sentence, after the number's phrase too (举办各类培训班5期,
// 培训执法人员600余人次). The bodies of "studied" are no such topic: they
// are the subjects of their own clauses (…精神2次,党委理论学习中心组开展学习1次).
var sentenceWideDomains = []string{"law"}

// domains are groups of words that set the topic of a sentence.
var domains = map[string][]string{
	"mediation":       {"调解", "调处", "纠纷", "矛盾", "人民调解"},
	"litigation":      {"行政诉讼", "行政应诉", "应诉", "诉讼", "被诉", "出庭", "被告", "败诉", "胜诉", "撤诉", "原告", "行政争议"},
	"reconsideration": {"行政复议", "复议"},
	"petition":        {"信访", "来访", "来信", "上访"},
	// A hotline (12345热线): a rate in its sentence is the hotline's.
	"hotline":     hotlineWords,
	"arbitration": {"劳动争议", "劳动人事争议", "仲裁", "劳资纠纷"},
	// An arbitration body at work: what it settles by mediation (其中调解
	// 结案228件, 在仲裁前化解争议196件, 通过仲裁调解结案226件) is its own closure, no people's
	// mediation. A labour-dispute mediation committee is no such body.
	"arbitral": {"仲裁院", "仲裁委", "仲裁庭", "仲裁案件", "仲裁前", "仲裁机构", "仲裁调解"},
	// Channels (推送, 公众号, 新媒体) name no topic: a disclosure report's
	// 公众号发布工作动态120条 is work news, not law publicity.
	// Law taken to the public — 法治进校园, 法律进社区, a law lecture or class
	// for pupils — is law publicity too (为师生上法治课8堂,受教育师生1200余人次).
	"publicity": {"普法", "法治宣传", "宣传", "法治教育", "宪法", "民法典", "法治文化", "法律知识", "八进", "六进", "七进", "五进", "送法", "以案释法", "法律七进", "法律八进", "宣讲",
		"法治进", "法律进", "法治讲座", "法治课"},
	"counsel": {"法律顾问", "法律服务", "律师", "顾问", "法律意见书", "法律意见"},
	"adviser": {"法律顾问", "顾问"},
	// The people's congress and its deputies.
	"npc": {"人大代表", "人民代表大会", "代表提出", "人大"},
	// Lawyers the government retains write and advise as its advisers do
	// (聘请的律师…起草法律文书26份).
	"lawyer":   {"律师"},
	"services": {"政务服务", "政务服务中心", "便民服务中心", "党群服务中心", "为民服务中心", "便民服务站", "政务大厅", "服务大厅", "便民服务", "办事大厅", "一网通办", "网上办", "政务服务网", "网办", "办事", "审批", "办件", "窗口", "办税服务厅", "办税", "涉税业务"},
	// An enforcement squad (直属一中队, 交警中队) is enforcement's body.
	"enforcement": {"执法", "行政处罚", "行政检查", "检查", "抽查", "监管", "中队"},
	"legality":    {"合法性", "审查", "审核"},
	// A clean-up of normative documents, whose figures count them (see
	// legality.normative_documents).
	"cleanup":    {"规范性文件清理", "清理规范性文件", "规范性文件专项清理", "规范性文件集中清理", "规范性文件全面清理", "规范性文件进行清理", "规范性文件进行全面清理"},
	"disclosure": {"政务公开", "信息公开", "公开"},
	"study":      {"学法", "学习", "中心组"},
	// "studied" are the words that make collective study a study of law:
	// law named, or the bodies whose study the catalog counts (领导干部,
	// 中心组, 机关: INDICATORS.md).
	"studied":     append(slices.Clone(lawWords), studyBodies...),
	"studyBodies": studyBodies,
	"law":         append(slices.Clone(lawWords), lawWorkers...),
	// The party's own rules (see itemNotDomains).
	"partyRules": partyRuleWords,
	// The party's congresses and theory: talks on them (宣讲党的二十大精神12场)
	// are no law publicity unless law is named too.
	"partySpirit": {"二十大精神", "党的二十大", "二十届", "十九届", "全会精神", "党史", "创新理论", "习近平新时代中国特色社会主义思想"},
}

// adviserOtherWork are an adviser's works that have codes of their own
// (调解, 审查, 讲座, 咨询): a sitting or a legal matter with one of them in
// its item is that work, no service of the adviser's.
var adviserOtherWork = []string{"调解", "调处", "化解", "审查", "审核", "讲座", "咨询"}

// mediationRooms are the bodies that settle disputes: what they receive is
// no petition.
var mediationRooms = []string{"调解室", "调解工作室", "调委会", "调解中心"}

// breakdownMarkers introduce the parts of a total stated before them; a
// remark cell that opens with 含 (| 1,480 | 含“双随机”检查612次 |) does so for
// its row's figure.
var breakdownMarkers = []string{"其中", "包括", "(含", "| 含"}

// scopeWords end the name of a sub-body whose figures are not the whole
// jurisdiction's: 莫满水调解工作室, 石水口工作站, 驻所调解室, 区政府法律顾问,
// an enforcement bureau's 直属一中队.
var scopeWords = []string{"诉前调解平台", "调解工作室", "调解室", "联调室", "工作室", "工作站", "法律顾问", "法律顾问团", "法律顾问室", "特邀调解员", "法治文化广场", "法治文化公园", "劳动争议调解组织", "劳动人事争议调解组织", "劳动争议调解委员会", "劳动人事争议调解委员会", "服务站", "调解中心", "调处中心", "诉调对接中心", "领域", "劳动保障监察机构", "劳动保障监察大队", "劳动保障监察部门", "劳动监察大队", "中队",
	// A committee of one kind of dispute (县医疗纠纷人民调解委员会, 交通事故
	// 纠纷人民调解委员会) is a specialised body beside the people's mediation
	// of the whole, whatever level word it carries.
	"纠纷人民调解委员会", "纠纷调解委员会", "事故人民调解委员会", "事故调解委员会", "医调委", "交调委"}

// zeroRules are statements of a zero count with no digit: 全年无败诉案件,
// 实现行政诉讼零败诉, 未收到政府信息公开申请. A negator (zeroNegators)
// shortly before the object word in the same clause states the zero; the
// fact's span is the negator.
type zeroRule struct {
	object, code string
	town         string // code for a town or street office (see frame.town)
	// bare objects state a zero only as an item of a list that ends in 案件:
	// 未发生行政复议、行政诉讼案件, not 未发生行政复议决定被撤销的情况.
	bare bool
	// topic, when set, must stand in the sentence before the object: 纠错
	// is a reconsideration's reversal only in a sentence about them (办理
	// 行政复议案件2件、行政应诉案件3件,无一被纠错或败诉; 行政复议零纠错), and not one of the
	// organ's own decisions (未发生行政复议决定被纠错的情况: topic+决定
	// right before).
	topic string
	// by, when set, are the only negators that state the rule's zero: a
	// verb of the writer's own act (未制发行政规范性文件), not 无, which also
	// qualifies (无法律法规依据规范性文件清理).
	by []string
}

var zeroRules = []zeroRule{
	{"败诉", "litigation.lost", "", false, "", nil},
	{"复议被纠错", "reconsideration.corrected", "", false, "", nil},
	{"复议纠错", "reconsideration.corrected", "", false, "", nil},
	{"被复议纠错", "reconsideration.corrected", "", false, "", nil},
	{"诉讼败诉", "litigation.lost", "", false, "", nil},
	{"纠错", "reconsideration.corrected", "", false, "复议", nil},
	{"行政诉讼案件", "litigation.cases", "", false, "", nil},
	{"行政应诉案件", "litigation.cases", "", false, "", nil},
	{"行政复议案件", "reconsideration.received", "reconsideration.as_respondent", false, "", nil},
	{"行政复议申请", "reconsideration.received", "reconsideration.as_respondent", false, "", nil},
	// What the writer did not do (未作出行政处罚决定, 未制发行政规范性文件):
	// a zero of its own acts.
	{"行政处罚决定", "enforcement.penalty_cases", "", false, "", actNegators},
	{"行政处罚案件", "enforcement.penalty_cases", "", false, "", actNegators},
	{"规范性文件", "legality.normative_documents", "", false, "", actNegators},
	{"政策解读", "disclosure.policy_interpretations", "", false, "", []string{"未发布", "没有发布"}}, // 本年度未发布政策解读
	{"政府信息公开申请", "disclosure.requests", "", false, "", nil},
	{"信息公开申请", "disclosure.requests", "", false, "", nil},
	{"依申请公开", "disclosure.requests", "", false, "", nil},
	// Bare objects count only as an item of a list whose last item carries
	// 案件: 未发生行政复议、行政诉讼案件.
	// 零复议、零诉讼: the short names after 零.
	{"复议", "reconsideration.received", "reconsideration.as_respondent", false, "", []string{"零"}},
	{"诉讼", "litigation.cases", "", false, "", []string{"零"}},
	{"行政复议", "reconsideration.received", "reconsideration.as_respondent", true, "", nil},
	{"行政诉讼", "litigation.cases", "", true, "", nil},
	// Cases none brought against the writer (未被申请行政复议,未被提起行政
	// 诉讼; 未因政府信息公开被申请行政复议或被提起行政诉讼).
	{"被申请行政复议", "reconsideration.as_respondent", "reconsideration.as_respondent", false, "", nil},
	{"申请行政复议", "reconsideration.as_respondent", "reconsideration.as_respondent", false, "", []string{"未被", "没有被"}},
	{"被提起行政诉讼", "litigation.cases", "", false, "", nil},
	{"提起行政诉讼", "litigation.cases", "", false, "", []string{"未被", "没有被"}},
	// Suggestions and proposals none sent (未收到人大代表建议和政协提案).
	{"人大代表建议", "supervision.npc_suggestions", "", false, "", receivedNegators},
	{"代表建议", "supervision.npc_suggestions", "", false, "", receivedNegators},
	{"政协委员提案", "supervision.cppcc_proposals", "", false, "", receivedNegators},
	{"政协提案", "supervision.cppcc_proposals", "", false, "", receivedNegators},
}

// receivedNegators deny that anything was sent to the writer: 未收到, 未接到.
var receivedNegators = []string{"未收到", "未接到", "没有收到"}

// zeroListObjects and zeroListSeps make the lists of zero objects under one
// negator: 未发生行政复议、行政诉讼案件, 未发生行政复议案件和行政诉讼案件 (full
// objects first, so that 案件 is cut with them).
var (
	zeroListObjects = []string{"行政复议案件", "行政诉讼案件", "行政应诉案件", "被申请行政复议", "被提起行政诉讼", "行政复议", "行政诉讼", "行政应诉", "人大代表建议", "代表建议", "政协委员提案", "政协提案"}
	zeroListSeps    = []string{"、", "和", "及", "与", "或"}
)

// zeroOutcomes are the outcomes a zero list's item may carry before the
// separator (行政复议被纠错和行政诉讼败诉案件), or be (无一被纠错或败诉).
var zeroOutcomes = []string{"被复议纠错", "复议纠错", "被纠错", "诉讼败诉", "败诉", "被撤销"}

// zeroOutcomeSeps join outcomes under one negator: 均无败诉或被纠错情形.
var zeroOutcomeSeps = []string{"或", "、", "和", "及", "与"}

// zeroNotAfter, right after the object word, show the statement is about
// something else: 无行政诉讼案件败诉 states no loss, not no lawsuit.
var zeroNotAfter = []string{"败诉", "被", "率"}

// zeroLookBack is how far, in bytes, a zero object's negator may stand
// before it: six characters, and a list of two other objects between.
const zeroLookBack = 66

// zeroNegators state that there were none, longest first.
// actNegators deny an act of the writer's: 未作出行政处罚决定, 未制发行政规范
// 性文件.
var actNegators = []string{"未制定出台", "未作出", "未制发", "未制定", "未出台", "未印发", "没有制定", "没有作出"}

var zeroNegators = append([]string{"无一起", "无一件", "无一例", "无一", "没有", "未发生", "未出现", "未收到", "未接到", "未引发", "未引起", "未有", "未被", "无", "零"}, actNegators...)

// rateHeads are the heads of a rate: each stem with each rate noun
// (网上可办 + 比例), the stem bare or closing a quote.
func rateHeads(stems, rates []string) []string {
	var out []string
	for _, st := range stems {
		for _, r := range rates {
			// The stem may stand in quotes: “一网通办”事项比例.
			out = append(out, st+r, st+"”"+r)
		}
	}
	return out
}
