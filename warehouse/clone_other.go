//go:build !linux

package warehouse

import (
	"errors"
	"os"
)

// cloneFile is Linux's reflink; elsewhere the caller copies the bytes.
func cloneFile(dst, src *os.File) error { return errors.ErrUnsupported }
