package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
	"unicode/utf8"
)

// tool is an external program that turns a file into text, and the Debian
// package that installs it.
type tool struct {
	name, pkg string
	// format names what the tool reads, for messages ("PDF", "Word .doc").
	format string
}

// toolWaitDelay bounds how long a converter's output pipes are waited for
// once it has been killed (a child it started may hold them open).
const toolWaitDelay = 2 * time.Second

// run runs t with args, input on stdin when stdin is set, and returns its
// standard output. The process is killed when ctx ends, and when it writes
// more than maxOut bytes (0: no bound), which is reported as ErrTooLong
// with lim's message.
func (t tool) run(ctx context.Context, args []string, stdin []byte, lim Limits) ([]byte, error) {
	path, err := exec.LookPath(t.name)
	if err != nil {
		return nil, fmt.Errorf("%w: %s (Debian package %s) is needed to read %s files", ErrToolMissing, t.name, t.pkg, t.format)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.WaitDelay = toolWaitDelay
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	stdout := &cappedBuffer{max: lim.maxBytes(), full: cancel}
	stderr := &cappedBuffer{max: 64 << 10}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	err = cmd.Run()
	if stdout.over {
		return nil, lim.tooLong(true, lim.MaxChars)
	}
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, fmt.Errorf("%s: %w", t.name, context.Cause(ctx))
		}
		msg := strings.TrimSpace(stderr.buf.String())
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			// A converter that exits with an error was given a file it
			// cannot read: the input is at fault.
			return nil, fmt.Errorf("%w: %s: %s: %w", ErrUndecodable, t.name, firstLine(msg), err)
		}
		return nil, fmt.Errorf("%s: %w", t.name, err)
	}
	out := stdout.buf.Bytes()
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return out, nil
}

// runFile is run with the input written to a temporary file, for tools
// that cannot read standard input; "%s" in args stands for its path.
func (t tool) runFile(ctx context.Context, args []string, data []byte, lim Limits) ([]byte, error) {
	f, err := os.CreateTemp("", "fazhi-*."+t.name)
	if err != nil {
		return nil, fmt.Errorf("%s: temporary file: %w", t.name, err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: temporary file: %w", t.name, err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("%s: temporary file: %w", t.name, err)
	}
	full := make([]string, len(args))
	for i, a := range args {
		full[i] = strings.ReplaceAll(a, "%s", f.Name())
	}
	return t.run(ctx, full, nil, lim)
}

// cappedBuffer keeps at most max bytes (0: no bound); past them it fails
// the write, which ends the copy from the process, and calls full.
type cappedBuffer struct {
	buf  bytes.Buffer
	max  int
	over bool
	full func()
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if b.max > 0 && b.buf.Len()+len(p) > b.max {
		b.over = true
		if b.full != nil {
			b.full()
		}
		return 0, errors.New("output past its limit")
	}
	return b.buf.Write(p)
}

func firstLine(s string) string {
	if s == "" {
		return "no message"
	}
	line, _, _ := strings.Cut(s, "\n")
	return line
}
