package source

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// catdoc is the Debian tool that reads legacy Word (.doc, Word 97–2003)
// files, and the WPS files that WPS Office writes in the same format.
// antiword was tried too: it refuses short documents ("the text stream of
// this file is too small to handle"), which catdoc reads.
var catdoc = tool{name: "catdoc", pkg: "catdoc", format: "Word .doc and .wps"}

// readDOC extracts the text of a Word 97–2003 compound file with
// `catdoc -d utf-8 -w FILE` (UTF-8, no wrapping). A .wps file that catdoc
// cannot read (WPS's own older format) fails with the reason and what to
// do about it.
func readDOC(ctx context.Context, name string, data []byte, lim Limits) (Document, error) {
	out, err := catdoc.runFile(ctx, []string{"-d", "utf-8", "-w", "%s"}, data, lim)
	if err != nil {
		if strings.EqualFold(filepath.Ext(name), ".wps") && errors.Is(err, ErrUndecodable) {
			return Document{}, fmt.Errorf("%w; this WPS file is not in the Word-compatible format catdoc reads (older WPS versions have their own): open it in WPS Office and save it as .docx or PDF", err)
		}
		return Document{}, err
	}
	return Document{Text: strings.ReplaceAll(string(out), "\r", "\n"), Format: FormatDOC}, nil
}
