package jurisdiction

import (
	"slices"

	"github.com/fazhi/fazhi/ingest/anyof"
	"github.com/fazhi/fazhi/ingest/wordmatch"
)

// regionPhrases are names that only the divisions of a few provinces use
// of themselves: the regional strategies of their own (成渝地区双城经济圈,
// 海南自由贸易港), the provinces' literary names (八闽, 三秦) and the
// provinces' government service apps and platforms (浙里办, 渝快办, 粤省事),
// which reports cite by name. Each names the provinces (by code) it can
// stand for; one naming several is a weaker clue, divided among them. The
// regions others join or serve (粤港澳大湾区, 长三角, 京津冀: 融入粤港澳大湾区
// in 广西 and 湖南 as often as in 广东) are none, and a phrase in a clause of
// joining, serving or learning from it (joinWords) says nothing.
var regionPhrases = []struct {
	phrase    string
	provinces []string
}{
	{"成渝地区双城经济圈", []string{"50", "51"}},
	{"成渝双城经济圈", []string{"50", "51"}},
	{"海南自由贸易港", []string{"46"}},
	{"海南自贸港", []string{"46"}},
	{"雄安新区", []string{"13"}},
	{"八闽", []string{"35"}},
	{"三秦", []string{"61"}},
	{"八桂", []string{"45"}},
	{"三晋", []string{"14"}},
	{"齐鲁", []string{"37"}},
	{"燕赵", []string{"13"}},
	{"荆楚", []string{"42"}},
	{"三湘", []string{"43"}},
	{"巴渝", []string{"50"}},
	{"陇原", []string{"62"}},
	{"赣鄱", []string{"36"}},
	{"浙里办", []string{"33"}},
	{"浙政钉", []string{"33"}},
	{"粤省事", []string{"44"}},
	{"粤政易", []string{"44"}},
	{"随申办", []string{"31"}},
	{"苏服办", []string{"32"}},
	{"皖事通", []string{"34"}},
	{"闽政通", []string{"35"}},
	{"赣服通", []string{"36"}},
	{"鄂汇办", []string{"42"}},
	{"湘易办", []string{"43"}},
	{"渝快办", []string{"50"}},
	{"渝快政", []string{"50"}},
	{"天府通办", []string{"51"}},
	{"蒙速办", []string{"15"}},
	{"冀时办", []string{"13"}},
	{"爱山东", []string{"37"}},
	{"豫事办", []string{"41"}},
	{"秦务员", []string{"61"}},
	{"辽事通", []string{"21"}},
	{"吉事办", []string{"22"}},
	{"津心办", []string{"12"}},
	{"海易办", []string{"46"}},
}

// joinWords, in a region phrase's clause, make it a region the writer joins
// or serves, which its neighbours do too.
var joinWords = []string{"融入", "对接", "承接", "接轨", "借鉴", "学习", "辐射", "联动", "衔接", "协同", "主动服务", "服务于", "对标", "参与"}

// regionMatcher finds the region phrases in one pass.
var regionMatcher = func() *wordmatch.Matcher {
	words := make([]string, len(regionPhrases))
	for i, rp := range regionPhrases {
		words[i] = rp.phrase
	}
	return wordmatch.New(words)
}()

// regionWeights returns, for every province a region phrase of text names,
// the clue's weight: 1 divided by the provinces the phrase can stand for,
// the largest where several phrases name it. A phrase in a clause about
// another place (赴成渝地区双城经济圈考察), as elsewhereOut tells them, says
// nothing.
func regionWeights(text string) map[string]float64 {
	hits := regionMatcher.Scan(text, nil)
	if len(hits) == 0 {
		return nil
	}
	ms := make([]mention, len(hits))
	for i, h := range hits {
		ms[i] = mention{name: regionPhrases[h.Word].phrase, start: int(h.Start), end: int(h.End)}
	}
	slices.SortFunc(ms, func(a, b mention) int { return a.start - b.start })
	ms, _ = elsewhereOut(text, ms, nil)
	out := map[string]float64{}
	for _, m := range ms {
		if cs, ce := clauseSpan(text, m.start, m.end); anyof.Contains(text[cs:ce], joinWords...) {
			continue // 主动融入成渝地区双城经济圈: a neighbour's words too
		}
		for _, rp := range regionPhrases {
			if rp.phrase != m.name {
				continue
			}
			w := 1 / float64(len(rp.provinces))
			for _, p := range rp.provinces {
				out[p] = max(out[p], w)
			}
		}
	}
	return out
}
