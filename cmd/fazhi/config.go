package main

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // FAZHI_TIMEZONE works on hosts without a zone database

	"github.com/fazhi/fazhi/ingest"
	"github.com/fazhi/fazhi/warehouse"
	"github.com/fazhi/fazhi/warehouse/sqlbox"
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
	// The SQL sandbox (warehouse/sqlbox): sizes in bytes.
	SQLMaxBytes     int64  // FAZHI_SQL_MAX_BYTES: the rows of one answer, as JSON
	SQLMaxCell      int64  // FAZHI_SQL_MAX_CELL: one text value of an answer (longer ones are cut)
	SQLMemory       int64  // FAZHI_SQL_MEMORY: DuckDB's memory_limit in a worker
	SQLProcessLimit int64  // FAZHI_SQL_PROCESS_LIMIT: a worker's data memory (RLIMIT_DATA)
	PublishDir      string // FAZHI_PUBLISH_DIR: where serve publishes the copies workers query
	NoSamples       bool   // FAZHI_NO_SAMPLES, --no-samples (serve): do not load the bundled samples
	Token           string // FAZHI_TOKEN, --token (ingest --server): the secret every API write must send
	MaxUpload       int64  // FAZHI_MAX_UPLOAD: largest POST /api/reports body, in bytes; also the largest report file read
	MaxReportChars  int    // FAZHI_MAX_REPORT_CHARS: the most characters of text one report may have
	MaxReportFacts  int    // FAZHI_MAX_REPORT_FACTS: the most facts one report may yield
	// MinConfidence is FAZHI_MIN_CONFIDENCE: the extractor confidence a fact
	// needs to be ranked unless a person confirmed it.
	MinConfidence float64
	TimeZone      string // FAZHI_TIMEZONE: the IANA zone the pages write times in
	// The workbench's logins.
	ReadAuth      bool          // FAZHI_READ_AUTH: reading needs a login too
	SessionTTL    time.Duration // FAZHI_SESSION_TTL: how long a login lasts
	SecureCookies bool          // FAZHI_SECURE_COOKIES: mark the session cookie Secure on plain HTTP (behind a TLS proxy)
	// TrustedProxies is FAZHI_TRUSTED_PROXIES: the addresses (IPs or CIDRs,
	// comma-separated) of proxies in front whose X-Forwarded-For names the
	// client; none by default, so a client cannot choose its own address
	// (the login throttle counts failures by it).
	TrustedProxies []string

	// allowedDirs are the directories the warehouse's SQL may write files
	// in (exports); set by the subcommand, never by the user.
	allowedDirs []string
}

// DefaultConfig is the configuration with no environment and no flags.
func DefaultConfig() Config {
	return Config{
		DB:              "./fazhi.duckdb",
		Addr:            ":8080",
		LogLevel:        "info",
		LogFormat:       "text",
		SQLTimeout:      sqlbox.DefaultLimits.Timeout,
		SQLMaxRows:      sqlbox.DefaultLimits.MaxRows,
		SQLMaxBytes:     int64(sqlbox.DefaultLimits.MaxBytes),
		SQLMaxCell:      int64(sqlbox.DefaultLimits.MaxCell),
		SQLMemory:       sqlbox.DefaultWorkerConfig.Memory,
		SQLProcessLimit: sqlbox.DefaultWorkerConfig.ProcessLimit,
		MaxUpload:       64 << 20,
		MaxReportChars:  ingest.DefaultLimits.MaxChars,
		MaxReportFacts:  ingest.DefaultLimits.MaxFacts,
		MinConfidence:   warehouse.DefaultMinConfidence,
		TimeZone:        "Asia/Shanghai",
		SessionTTL:      8 * time.Hour,
	}
}

// reportLimits are the limits every report read by ingest, extract, eval
// and uploads is held to.
func (c Config) reportLimits() ingest.Limits {
	return ingest.Limits{MaxFileBytes: c.MaxUpload, MaxChars: c.MaxReportChars, MaxFacts: c.MaxReportFacts}
}

// sqlLimits are the limits of one researcher's query.
func (c Config) sqlLimits() sqlbox.Limits {
	return sqlbox.Limits{Timeout: c.SQLTimeout, MaxRows: c.SQLMaxRows, MaxBytes: int(c.SQLMaxBytes),
		MaxCell: int(c.SQLMaxCell), MaxLength: sqlbox.DefaultLimits.MaxLength}
}

// publishDir is where serve publishes the warehouse's copies: by default a
// directory beside the warehouse file (same disk, and no tmpfs in RAM).
func (c Config) publishDir() string {
	if c.PublishDir != "" {
		return c.PublishDir
	}
	return c.DB + ".published"
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
	str("FAZHI_PUBLISH_DIR", &c.PublishDir)
	str("FAZHI_TIMEZONE", &c.TimeZone)
	var errs []error
	size := func(key string, dst *int64) {
		if v := getenv(key); v != "" {
			n, err := parseSize(v)
			errs = append(errs, wrapEnv(key, err))
			*dst = n
		}
	}
	size("FAZHI_SQL_MAX_BYTES", &c.SQLMaxBytes)
	size("FAZHI_SQL_MAX_CELL", &c.SQLMaxCell)
	size("FAZHI_SQL_MEMORY", &c.SQLMemory)
	size("FAZHI_SQL_PROCESS_LIMIT", &c.SQLProcessLimit)
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
	if v := getenv("FAZHI_MIN_CONFIDENCE"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		errs = append(errs, wrapEnv("FAZHI_MIN_CONFIDENCE", err))
		c.MinConfidence = f
	}
	if v := getenv("FAZHI_MAX_UPLOAD"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		errs = append(errs, wrapEnv("FAZHI_MAX_UPLOAD", err))
		c.MaxUpload = n
	}
	count := func(key string, dst *int) {
		if v := getenv(key); v != "" {
			n, err := strconv.Atoi(strings.ReplaceAll(v, "_", ""))
			errs = append(errs, wrapEnv(key, err))
			*dst = n
		}
	}
	count("FAZHI_MAX_REPORT_CHARS", &c.MaxReportChars)
	count("FAZHI_MAX_REPORT_FACTS", &c.MaxReportFacts)
	boolean := func(key string, dst *bool) {
		if v := getenv(key); v != "" {
			b, err := strconv.ParseBool(v)
			errs = append(errs, wrapEnv(key, err))
			*dst = b
		}
	}
	boolean("FAZHI_NO_SAMPLES", &c.NoSamples)
	boolean("FAZHI_READ_AUTH", &c.ReadAuth)
	boolean("FAZHI_SECURE_COOKIES", &c.SecureCookies)
	if v := getenv("FAZHI_TRUSTED_PROXIES"); v != "" {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				if net.ParseIP(p) == nil {
					if _, _, err := net.ParseCIDR(p); err != nil {
						errs = append(errs, wrapEnv("FAZHI_TRUSTED_PROXIES", fmt.Errorf("%q is neither an IP address nor a CIDR", p)))
						continue
					}
				}
				c.TrustedProxies = append(c.TrustedProxies, p)
			}
		}
	}
	if v := getenv("FAZHI_SESSION_TTL"); v != "" {
		d, err := time.ParseDuration(v)
		errs = append(errs, wrapEnv("FAZHI_SESSION_TTL", err))
		c.SessionTTL = d
	}
	return c, errors.Join(errs...)
}

// parseSize reads a size in bytes: a number, optionally followed by KB, MB
// or GB (powers of 1024; "1GB" is 1073741824 bytes).
func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		mult   int64
	}{{"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"B", 1}}
	num, mult := strings.TrimSpace(strings.ToUpper(s)), int64(1)
	for _, u := range units {
		if rest, ok := strings.CutSuffix(num, u.suffix); ok {
			num, mult = strings.TrimSpace(rest), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q is not a size such as 1GB, 512MB or 65536", s)
	}
	return n * mult, nil
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
	if c.SessionTTL < time.Minute {
		errs = append(errs, errors.New("FAZHI_SESSION_TTL must be a minute or longer, e.g. 8h"))
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
	if !(c.MinConfidence > 0 && c.MinConfidence <= 1) {
		errs = append(errs, errors.New("FAZHI_MIN_CONFIDENCE must be above 0 and at most 1 (0.5 by default)"))
	}
	if c.MaxUpload <= 0 {
		errs = append(errs, errors.New("FAZHI_MAX_UPLOAD must be a positive number of bytes"))
	}
	if c.MaxReportChars <= 0 || c.MaxReportFacts <= 0 {
		errs = append(errs, errors.New("FAZHI_MAX_REPORT_CHARS and FAZHI_MAX_REPORT_FACTS must be positive numbers"))
	}
	if c.SQLMaxBytes < 1<<10 || c.SQLMaxCell < 1<<10 {
		errs = append(errs, errors.New("FAZHI_SQL_MAX_BYTES and FAZHI_SQL_MAX_CELL must be at least 1KB"))
	}
	if c.SQLMemory < 64<<20 {
		errs = append(errs, errors.New("FAZHI_SQL_MEMORY must be at least 64MB"))
	}
	// DuckDB copies a result out of its memory and Go converts it: the
	// process needs room for twice DuckDB's limit, plus the runtimes.
	if need := 2*c.SQLMemory + 512<<20; c.SQLProcessLimit < need {
		errs = append(errs, fmt.Errorf("FAZHI_SQL_PROCESS_LIMIT must be at least twice FAZHI_SQL_MEMORY plus 512MB (%dMB here)", need>>20))
	}
	if _, err := c.location(); err != nil {
		errs = append(errs, err)
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

// location is the time zone the pages write times in (the binary embeds
// the zone database, time/tzdata, so this works on hosts without one).
func (c Config) location() (*time.Location, error) {
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil || c.TimeZone == "" {
		return nil, fmt.Errorf("FAZHI_TIMEZONE must be an IANA time zone such as Asia/Shanghai, not %q", c.TimeZone)
	}
	return loc, nil
}
