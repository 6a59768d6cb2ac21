package sqlbox

import "errors"

// Errors a query can end with; callers branch on them with errors.Is. The
// messages they wrap are meant for the researcher.
var (
	// ErrRejected: the query is well-formed but not allowed (a statement
	// other than SELECT, a function, table or form not on the allow-list,
	// too long).
	ErrRejected = errors.New("query rejected")
	// ErrInvalid: the query is malformed or fails in DuckDB (syntax, an
	// unknown column, a conversion).
	ErrInvalid = errors.New("invalid query")
	// ErrTimeout: the query ran past its time limit; its worker was killed.
	ErrTimeout = errors.New("query stopped at its time limit")
	// ErrMemory: the query needed more memory than the sandbox allows.
	ErrMemory = errors.New("query stopped at the memory limit")
	// ErrCrashed: the worker died running the query (not for lack of memory).
	ErrCrashed = errors.New("query crashed the sandbox")
	// ErrLocked: the warehouse file is held by another process (fazhi sql
	// while fazhi serve runs).
	ErrLocked = errors.New("warehouse is locked by another process")
	// ErrClosed: the pool is closed.
	ErrClosed = errors.New("sql sandbox is closed")
)
