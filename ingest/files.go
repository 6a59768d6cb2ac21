package ingest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/fazhi/fazhi/ingest/source"
)

// Limits bound what one report file may cost to read and extract. Past a
// limit the file is refused with an error wrapping ErrTooLarge that names
// the limit; nothing of it is stored.
type Limits struct {
	// MaxFileBytes: a larger file is refused before it is read.
	MaxFileBytes int64
	// MaxChars: a report whose text (after reading and normalising) has
	// more characters is refused; a .docx stops inflating at this point.
	MaxChars int
	// MaxFacts: a report yielding more facts is refused.
	MaxFacts int
}

// DefaultLimits are generous for real reports (under 100,000 characters
// and a few hundred facts) and refuse what the issue tracker called hostile.
var DefaultLimits = Limits{MaxFileBytes: 64 << 20, MaxChars: 2_000_000, MaxFacts: 5_000}

// withDefaults fills the zero fields of l from DefaultLimits.
func (l Limits) withDefaults() Limits {
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = DefaultLimits.MaxFileBytes
	}
	if l.MaxChars <= 0 {
		l.MaxChars = DefaultLimits.MaxChars
	}
	if l.MaxFacts <= 0 {
		l.MaxFacts = DefaultLimits.MaxFacts
	}
	return l
}

// ErrTooLarge marks a report refused for passing one of its Limits; the
// message names the limit. It is source.ErrTooLong, which reading returns.
var ErrTooLarge = source.ErrTooLong

// ErrNotRegular marks a path that is not a regular file (a named pipe, a
// device, a socket) or a symbolic link that may not be followed.
var ErrNotRegular = errors.New("not a regular file")

// ListOptions tune List.
type ListOptions struct {
	// FollowSymlinks follows symbolic links to files, as long as the file
	// they point at lies inside one of the paths given to List. Without it
	// a symbolic link is skipped. Links to folders are never followed.
	FollowSymlinks bool
	// MaxFileBytes refuses larger files before they are read; 0 means
	// DefaultLimits.MaxFileBytes.
	MaxFileBytes int64
}

// Listing is what List found: the files to read (a file that may not be
// read is among them, and fails with its reason when read, so that it is
// counted and reported like any file that fails) and the entries it
// passed over, each with its reason.
type Listing struct {
	Inputs  []Input
	Skipped []Skipped
}

// Skipped is a folder entry that List did not take, and why.
type Skipped struct {
	Path   string
	Reason string
}

// reportExtensions are the file types List picks up inside folders. A file
// named explicitly is always tried, whatever its extension.
var reportExtensions = map[string]bool{
	".txt": true, ".text": true, ".htm": true, ".html": true, ".shtml": true, ".docx": true, ".pdf": true,
	".doc": true, ".wps": true,
}

// ReportExtensions lists the extensions List reads inside folders, sorted.
func ReportExtensions() []string {
	out := make([]string, 0, len(reportExtensions))
	for ext := range reportExtensions {
		out = append(out, ext)
	}
	sort.Strings(out)
	return out
}

// List lists the report files named by paths: files as they are, folders
// recursively (a path given that is a symbolic link is followed). Only
// regular files are read. A symbolic link met inside a folder is skipped
// unless opt.FollowSymlinks, and even then only followed to a file inside
// one of paths; named pipes, devices and sockets are refused. Inside
// folders, hidden entries and files of other types are skipped; every
// entry passed over is in Listing.Skipped with its reason. A path that does
// not exist is an error.
func List(paths []string, opt ListOptions) (Listing, error) {
	maxBytes := opt.MaxFileBytes
	if maxBytes <= 0 {
		maxBytes = DefaultLimits.MaxFileBytes
	}
	l := lister{opt: opt, maxBytes: maxBytes, seen: map[string]string{}}
	for _, p := range paths {
		root, err := filepath.Abs(p)
		if err == nil {
			root, err = filepath.EvalSymlinks(root)
		}
		if err != nil {
			return Listing{}, fmt.Errorf("list %s: %w", p, err)
		}
		l.roots = append(l.roots, root)
	}
	for _, p := range paths {
		if err := l.add(p); err != nil {
			return Listing{}, err
		}
	}
	return l.out, nil
}

type lister struct {
	opt      ListOptions
	maxBytes int64
	roots    []string
	seen     map[string]string // real path → first name it was listed under
	out      Listing
}

// add lists one path given by the user.
func (l *lister) add(p string) error {
	info, err := os.Lstat(p)
	if err != nil {
		return fmt.Errorf("list %s: %w", p, err)
	}
	if info.IsDir() {
		return l.walk(p)
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		// A link the user named is one of the paths given: it is followed.
		target, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("list %s: %w", p, err)
		}
		if target.IsDir() {
			return l.walk(p + string(filepath.Separator))
		}
	}
	l.file(p, info, true)
	return nil
}

func (l *lister) walk(dir string) error {
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == dir {
				return err
			}
			l.skip(path, fmt.Sprintf("cannot be read: %v", errors.Unwrap(err)))
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if path == dir {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				l.skip(path, "hidden folder")
				return filepath.SkipDir
			}
			l.skip(path, "hidden file")
			return nil
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			l.skip(path, fmt.Sprintf("cannot be read: %v", err))
			return nil
		}
		l.file(path, info, false)
		return nil
	})
	if err != nil {
		return fmt.Errorf("list %s: %w", dir, err)
	}
	return nil
}

// file lists one non-folder entry; info is from Lstat. named says the user
// gave the path itself (any extension is then tried).
func (l *lister) file(path string, info fs.FileInfo, named bool) {
	ext := strings.ToLower(filepath.Ext(path))
	if !named && !reportExtensions[ext] && info.Mode().IsRegular() {
		l.skip(path, notReportReason(ext))
		return
	}
	real := path
	if info.Mode()&fs.ModeSymlink != 0 {
		if !l.opt.FollowSymlinks && !named {
			l.skip(path, "symbolic link (not followed; use --follow-symlinks to read links to files inside the folders given)")
			return
		}
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			l.refuse(path, fmt.Errorf("%w: symbolic link that points at nothing readable: %v", ErrNotRegular, err))
			return
		}
		if !l.inRoots(target) {
			l.refuse(path, fmt.Errorf("%w: symbolic link to %s, outside the folders given", ErrNotRegular, target))
			return
		}
		tinfo, err := os.Stat(target)
		if err != nil {
			l.refuse(path, fmt.Errorf("%w: %v", ErrNotRegular, err))
			return
		}
		if tinfo.IsDir() {
			l.skip(path, "symbolic link to a folder (folders are read through their real path only)")
			return
		}
		if !named && !reportExtensions[strings.ToLower(filepath.Ext(target))] && tinfo.Mode().IsRegular() {
			l.skip(path, "symbolic link to "+notReportReason(strings.ToLower(filepath.Ext(target))))
			return
		}
		real, info = target, tinfo
	} else if abs, err := filepath.Abs(path); err == nil {
		if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
			real = filepath.Join(dir, filepath.Base(abs))
		}
	}
	if kind := specialKind(info.Mode()); kind != "" {
		l.refuse(path, fmt.Errorf("%w: %s; only regular files are read", ErrNotRegular, kind))
		return
	}
	if first, ok := l.seen[real]; ok {
		l.skip(path, "the same file as "+first)
		return
	}
	l.seen[real] = path
	if info.Size() > l.maxBytes {
		l.refuse(path, fmt.Errorf("%w: the file has %d bytes; the limit is %d (FAZHI_MAX_UPLOAD)", ErrTooLarge, info.Size(), l.maxBytes))
		return
	}
	max := l.maxBytes
	l.out.Inputs = append(l.out.Inputs, Input{Name: path, Size: info.Size(),
		read: func() ([]byte, error) { return readRegular(real, max) }})
}

func (l *lister) skip(path, reason string) {
	l.out.Skipped = append(l.out.Skipped, Skipped{Path: path, Reason: reason})
}

// refuse lists path as an input that fails with err when read.
func (l *lister) refuse(path string, err error) {
	l.out.Inputs = append(l.out.Inputs, Input{Name: path, read: func() ([]byte, error) {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}})
}

// inRoots reports whether the real path p lies in (or is) one of the roots.
func (l *lister) inRoots(p string) bool {
	for _, r := range l.roots {
		rel, err := filepath.Rel(r, p)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// notReportReason says why a file of extension ext is not read.
func notReportReason(ext string) string {
	if ext == "" {
		return "not a report file type (no extension; name it explicitly to try it)"
	}
	if ext == ".csv" {
		return "not a report file type (.csv table; a manifest is given with --manifest)"
	}
	if kind, ok := otherKinds[ext]; ok {
		return fmt.Sprintf("not a report file type (%s %s; save it as .docx or PDF)", ext, kind)
	}
	return fmt.Sprintf("not a report file type (%s; read are %s)", ext, strings.Join(ReportExtensions(), " "))
}

// otherKinds names file types offices keep beside their reports.
var otherKinds = map[string]string{
	".xls": "spreadsheet", ".xlsx": "spreadsheet", ".et": "WPS spreadsheet", ".csv": "table",
	".ppt": "presentation", ".pptx": "presentation", ".dps": "WPS presentation",
	".ofd": "OFD document", ".odt": "OpenDocument text", ".rtf": "RTF document", ".caj": "CAJ document",
	".jpg": "image", ".jpeg": "image", ".png": "image", ".gif": "image", ".tif": "image", ".tiff": "image",
	".zip": "archive", ".rar": "archive", ".7z": "archive",
}

// specialKind names a file mode that is not a regular file; "" for one.
func specialKind(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "block device"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m.IsDir():
		return "folder"
	}
	return "special file"
}

// readRegular reads the regular file at path, at most max bytes. It opens
// without following a symbolic link and without blocking (a named pipe put
// there since the listing opens at once), and checks that what it opened
// is a regular file before reading it.
func readRegular(path string, max int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		if errors.Is(err, syscall.ELOOP) {
			return nil, fmt.Errorf("read %s: %w: it became a symbolic link", path, ErrNotRegular)
		}
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if kind := specialKind(info.Mode()); kind != "" {
		return nil, fmt.Errorf("read %s: %w: %s; only regular files are read", path, ErrNotRegular, kind)
	}
	if info.Size() > max {
		return nil, fmt.Errorf("read %s: %w: the file has %d bytes; the limit is %d (FAZHI_MAX_UPLOAD)", path, ErrTooLarge, info.Size(), max)
	}
	data, err := readSized(f, info.Size(), max)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("read %s: %w: the file grew past the limit of %d bytes (FAZHI_MAX_UPLOAD)", path, ErrTooLarge, max)
	}
	return data, nil
}

// readSized reads r to its end, or to one byte past max: into one buffer of
// the size the file was listed with (and a byte more, to see it grow),
// rather than io.ReadAll's doubling from 512 bytes, which copied each
// report's bytes several times over.
func readSized(r io.Reader, size, max int64) ([]byte, error) {
	limit := max + 1
	buf := make([]byte, 0, min(size, max)+1)
	for int64(len(buf)) < limit {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow: the file grew since its stat
		}
		n, err := r.Read(buf[len(buf):min(int64(cap(buf)), limit)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
	return buf, nil
}
