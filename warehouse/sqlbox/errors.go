package sqlbox

import (
	"errors"
	"fmt"
)

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

// Refusal is a refused query: the English message researchers read, and
// the rule it broke (Reason, one of the Refuse… constants) with what it
// refused (Subject: a function's or table's name, a count; "" when
// nothing is named), so that a page can say it in its own language. It
// wraps ErrRejected.
type Refusal struct {
	Reason  string
	Subject string
	Message string
}

// The rules a refused query breaks (Refusal.Reason).
const (
	RefuseStatement     = "statement"      // not a SELECT
	RefuseStatements    = "statements"     // more than one statement (Subject: how many)
	RefuseForm          = "form"           // a form of query the checker does not know (Subject: its kind)
	RefuseExpression    = "expression"     // a kind of expression not allowed (Subject: the kind)
	RefuseFunction      = "function"       // a function not on the list (Subject: its name)
	RefuseFromItem      = "from_item"      // a kind of FROM item not allowed (Subject: the kind)
	RefuseTableFunction = "table_function" // a table function not on the list (Subject: its name)
	RefuseShow          = "show"           // SHOW
	RefuseDatabase      = "database"       // a table named with its database (Subject: the name)
	RefuseTable         = "table"          // a table that is not the warehouse's (Subject: its name)
	RefuseLength        = "length"         // too long (Subject: the most characters allowed)
	RefusePermission    = "permission"     // DuckDB refused it (file or network access)
)

func (r *Refusal) Error() string { return ErrRejected.Error() + ": " + r.Message }

// Unwrap makes a Refusal an ErrRejected.
func (r *Refusal) Unwrap() error { return ErrRejected }

// refuse returns a Refusal of a rule and subject with the English message
// format and args make.
func refuse(reason, subject, format string, args ...any) error {
	return &Refusal{Reason: reason, Subject: subject, Message: fmt.Sprintf(format, args...)}
}
