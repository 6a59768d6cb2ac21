package main

import (
	"slices"
	"testing"

	"github.com/mozillazg/go-pinyin"

	"github.com/fazhi/fazhi/datasets/divisions"
)

// A polyphonic place name reads as atlases read it, and only so; other
// names keep every common reading of their characters.
func TestTokensReadPlaceNames(t *testing.T) {
	args := pinyin.NewArgs()
	args.Heteronym = true
	cases := []struct {
		name      string
		want, not []string
	}{
		{"宝坻区", []string{"baodi", "bd", "baodiqu"}, []string{"baochi", "bc"}},
		{"六安市", []string{"luan", "la"}, []string{"liuan"}},
		{"乐亭县", []string{"laoting", "lt"}, []string{"leting"}},
		{"重庆市", []string{"chongqing", "cq"}, []string{"zhongqing"}},
		{"北辰区", []string{"beichen", "bc"}, nil},
	}
	for _, c := range cases {
		got := Tokens(divisions.Division{Name: c.name, Level: divisions.County}, args)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("Tokens(%s) = %v; want %s among them", c.name, got, w)
			}
		}
		for _, w := range c.not {
			if slices.Contains(got, w) {
				t.Errorf("Tokens(%s) = %v; want no %s", c.name, got, w)
			}
		}
	}
}
