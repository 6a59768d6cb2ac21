package jurisdiction

import (
	"net"
	"net/url"
	"strings"
)

// reading is one division a report's web address names: through a token of
// its host (liujiang.gov.cn → 柳江区), a host split into a parent's and a
// child's token (cqwx → 重庆 + 巫溪县), a path segment under a division the
// host names (sz.gov.cn/…/nsq/ → 深圳市 南山区), or a Chinese name in the
// path. shared counts the divisions the same reading could stand for; a
// token shared by many is a weak clue.
type reading struct {
	code   string
	shared int
	token  string
}

// hostNoise are host labels that name no place.
var hostNoise = map[string]bool{
	"www": true, "gov": true, "cn": true, "com": true, "net": true, "org": true, "edu": true, "wap": true,
	"m": true, "mobile": true, "zwgk": true, "xxgk": true, "zw": true, "gk": true, "info": true, "web": true,
	"news": true, "site": true, "portal": true, "en": true, "old": true, "new": true, "nw": true, "ww": true,
}

// governmentHost reports whether host is a government's (…gov.cn): only
// such hosts are made of the tokens of the division that runs them.
func governmentHost(host string) bool {
	host = strings.TrimSuffix(host, ".")
	return host == "gov.cn" || strings.HasSuffix(host, ".gov.cn")
}

// maxPathSegment bounds the path segments read as tokens (art, zwgk and
// long slugs are not places).
const maxPathSegment = 8

// readAddress returns the divisions a web address names.
func (r *Resolver) readAddress(raw string) []reading {
	if raw == "" || r.hosts == nil {
		return nil
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return nil
	}
	host := strings.ToLower(u.Hostname())
	if net.ParseIP(host) != nil {
		return nil
	}
	var out []reading
	// A platform's or a newspaper's host (mp.weixin.qq.com, sohu.com) names
	// no publisher: weixin is no 威信县.
	labels := strings.Split(host, ".")
	if !governmentHost(host) {
		labels = nil
	}
	for _, label := range labels {
		if len(label) < 2 || hostNoise[label] {
			continue
		}
		out = append(out, r.readToken(label)...)
	}
	// Path segments: only as children of a division the host names.
	hosted := out
	for _, seg := range strings.Split(u.Path, "/") {
		seg = strings.ToLower(seg)
		if len(seg) < 2 || len(seg) > maxPathSegment || !isLetters(seg) || hostNoise[seg] {
			continue
		}
		var under []string
		for _, c := range r.hosts.Codes(seg) {
			for _, h := range hosted {
				if r.t.IsAncestor(h.code, c) {
					under = append(under, c)
					break
				}
			}
		}
		for _, c := range under {
			out = append(out, reading{code: c, shared: len(under), token: seg})
		}
	}
	// Chinese names written in the path (…/临海市/…).
	if p, err := url.PathUnescape(u.Path); err == nil {
		for _, m := range r.ix.scan(p, 3, false, nil) {
			es := r.ix.entries[m.name]
			for _, e := range es {
				out = append(out, reading{code: e.code, shared: len(es), token: m.name})
			}
		}
	}
	return out
}

// readToken reads one host label: as a token of one division, and as a
// parent's token followed by a child's (qzlc = 泉州 + 鲤城).
func (r *Resolver) readToken(label string) []reading {
	var out []reading
	if codes := r.hosts.Codes(label); len(codes) > 0 {
		for _, c := range codes {
			out = append(out, reading{code: c, shared: len(codes), token: label})
		}
	}
	type pair struct{ parent, child string }
	var pairs []pair
	for i := 2; i+2 <= len(label); i++ {
		parents, children := r.hosts.Codes(label[:i]), r.hosts.Codes(label[i:])
		for _, p := range parents {
			for _, c := range children {
				if r.t.IsAncestor(p, c) {
					pairs = append(pairs, pair{p, c})
				}
			}
		}
	}
	for _, p := range pairs {
		out = append(out, reading{code: p.child, shared: len(pairs), token: label})
		out = append(out, reading{code: p.parent, shared: len(pairs), token: label})
	}
	return out
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}
