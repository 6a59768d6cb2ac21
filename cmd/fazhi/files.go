package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/fazhi/fazhi/ingest"
)

// fileFlags are the flags of the commands that read report files.
type fileFlags struct {
	followSymlinks *bool
}

func addFileFlags(fs *flag.FlagSet) fileFlags {
	return fileFlags{followSymlinks: fs.Bool("follow-symlinks", false,
		"follow symbolic links to files inside the folders given (links out of them are refused; links to folders are never followed)")}
}

// listReports lists the report files named by paths and prints one
// "SKIPPED path: reason" line to w per entry passed over: nothing is
// skipped silently. Files that may not be read (special files, links out
// of the folders given, files past the size limit) are among the inputs
// and fail with their reason.
func listReports(cfg Config, ff fileFlags, paths []string, w io.Writer) ([]ingest.Input, []ingest.Skipped, error) {
	l, err := ingest.List(paths, ingest.ListOptions{FollowSymlinks: *ff.followSymlinks, MaxFileBytes: cfg.MaxUpload})
	if err != nil {
		return nil, nil, err
	}
	for _, s := range l.Skipped {
		fmt.Fprintf(w, "SKIPPED %s: %s\n", s.Path, s.Reason)
	}
	return l.Inputs, l.Skipped, nil
}
