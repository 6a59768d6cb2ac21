package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"

	"github.com/fazhi/fazhi/warehouse/sqlbox"
)

// sqlWorkerCommand is the hidden subcommand that runs researchers' SQL in
// a process of its own (warehouse/sqlbox): serve and sql start it from
// this same binary.
const sqlWorkerCommand = "sql-worker"

func runSQLWorker(ctx context.Context, cfg Config, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet(sqlWorkerCommand, flag.ContinueOnError)
	fs.Int64Var(&cfg.SQLMemory, "memory", cfg.SQLMemory, "DuckDB memory_limit in bytes (env FAZHI_SQL_MEMORY)")
	fs.Int64Var(&cfg.SQLProcessLimit, "process-limit", cfg.SQLProcessLimit, "data memory of the process in bytes (env FAZHI_SQL_PROCESS_LIMIT)")
	if err := parseFlags(fs, &cfg, args, stderr); err != nil {
		return err
	}
	return sqlbox.Serve(ctx, sqlbox.WorkerConfig{Memory: cfg.SQLMemory, ProcessLimit: cfg.SQLProcessLimit},
		stdin, stdout, newLogger(cfg, stderr))
}

// workerCommand returns what starts one SQL worker: this binary's
// sql-worker subcommand with cfg's limits.
func workerCommand(cfg Config) (func() *exec.Cmd, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("find this program to start SQL workers: %w", err)
	}
	args := []string{sqlWorkerCommand,
		"--memory", strconv.FormatInt(cfg.SQLMemory, 10),
		"--process-limit", strconv.FormatInt(cfg.SQLProcessLimit, 10)}
	return func() *exec.Cmd { return exec.Command(self, args...) }, nil
}
