package main

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"strconv"
	"time"
)

// Config is every setting of fazhi. It is built from defaults, then
// environment variables, then flags (flags win), and validated before
// anything starts. The README documents each variable.
type Config struct {
	DB         string        // FAZHI_DB, --db
	Addr       string        // FAZHI_ADDR, --addr (serve)
	LogLevel   string        // FAZHI_LOG_LEVEL: debug, info, warn, error
	LogFormat  string        // FAZHI_LOG_FORMAT: text or json
	Threads    int           // FAZHI_THREADS: DuckDB threads, 0 = all cores
	Memory     string        // FAZHI_MEMORY_LIMIT: DuckDB memory limit, e.g. 4GB
	SQLTimeout time.Duration // FAZHI_SQL_TIMEOUT: limit of one read-only query
	SQLMaxRows int           // FAZHI_SQL_MAX_ROWS: row cap of one read-only query
	NoSamples  bool          // FAZHI_NO_SAMPLES, --no-samples (serve): do not load the bundled samples
	Token      string        // FAZHI_TOKEN, --token (ingest --server): the secret every API write must send
	MaxUpload  int64         // FAZHI_MAX_UPLOAD: largest POST /api/reports body, in bytes

	// allowedDirs are the directories the warehouse's SQL may write files
	// in (exports); set by the subcommand, never by the user.
	allowedDirs []string
}

// DefaultConfig is the configuration with no environment and no flags.
func DefaultConfig() Config {
	return Config{
		DB:         "./fazhi.duckdb",
		Addr:       ":8080",
		LogLevel:   "info",
		LogFormat:  "text",
		SQLTimeout: 10 * time.Second,
		SQLMaxRows: 10000,
		MaxUpload:  64 << 20,
	}
}

// fromEnv overrides c with the variables that are set.
func (c Config) fromEnv(getenv func(string) string) (Config, error) {
	str := func(key string, dst *string) {
		if v := getenv(key); v != "" {
			*dst = v
		}
	}
	str("FAZHI_DB", &c.DB)
	str("FAZHI_ADDR", &c.Addr)
	str("FAZHI_LOG_LEVEL", &c.LogLevel)
	str("FAZHI_LOG_FORMAT", &c.LogFormat)
	str("FAZHI_MEMORY_LIMIT", &c.Memory)
	str("FAZHI_TOKEN", &c.Token)
	var errs []error
	if v := getenv("FAZHI_THREADS"); v != "" {
		n, err := strconv.Atoi(v)
		errs = append(errs, wrapEnv("FAZHI_THREADS", err))
		c.Threads = n
	}
	if v := getenv("FAZHI_SQL_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		errs = append(errs, wrapEnv("FAZHI_SQL_TIMEOUT", err))
		c.SQLTimeout = d
	}
	if v := getenv("FAZHI_SQL_MAX_ROWS"); v != "" {
		n, err := strconv.Atoi(v)
		errs = append(errs, wrapEnv("FAZHI_SQL_MAX_ROWS", err))
		c.SQLMaxRows = n
	}
	if v := getenv("FAZHI_MAX_UPLOAD"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		errs = append(errs, wrapEnv("FAZHI_MAX_UPLOAD", err))
		c.MaxUpload = n
	}
	if v := getenv("FAZHI_NO_SAMPLES"); v != "" {
		b, err := strconv.ParseBool(v)
		errs = append(errs, wrapEnv("FAZHI_NO_SAMPLES", err))
		c.NoSamples = b
	}
	return c, errors.Join(errs...)
}

func wrapEnv(key string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("environment variable %s: %w", key, err)
}

// commonFlags binds the flags every subcommand takes.
func (c *Config) commonFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.DB, "db", c.DB, "warehouse file (env FAZHI_DB)")
}

// Validate reports settings that cannot work.
func (c Config) Validate() error {
	var errs []error
	if c.DB == "" {
		errs = append(errs, errors.New("--db (FAZHI_DB) must name a file"))
	}
	if _, err := c.level(); err != nil {
		errs = append(errs, err)
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, fmt.Errorf("FAZHI_LOG_FORMAT must be text or json, not %q", c.LogFormat))
	}
	if c.Threads < 0 {
		errs = append(errs, errors.New("FAZHI_THREADS must not be negative"))
	}
	if c.SQLTimeout <= 0 {
		errs = append(errs, errors.New("FAZHI_SQL_TIMEOUT must be positive, e.g. 10s"))
	}
	if c.SQLMaxRows <= 0 {
		errs = append(errs, errors.New("FAZHI_SQL_MAX_ROWS must be positive"))
	}
	if c.MaxUpload <= 0 {
		errs = append(errs, errors.New("FAZHI_MAX_UPLOAD must be a positive number of bytes"))
	}
	if c.Token != "" && len(c.Token) < 16 {
		errs = append(errs, errors.New("FAZHI_TOKEN must be at least 16 characters (e.g. openssl rand -hex 16)"))
	}
	return errors.Join(errs...)
}

func (c Config) level() (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return l, fmt.Errorf("FAZHI_LOG_LEVEL must be debug, info, warn or error, not %q", c.LogLevel)
	}
	return l, nil
}
