package warehouse

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// The roles of a user, each allowed what the ones before it are.
const (
	// RoleViewer reads (查看).
	RoleViewer = "viewer"
	// RoleAnalyst corrects facts and reports (分析).
	RoleAnalyst = "analyst"
	// RoleAdmin uploads, retires reports and manages users (管理).
	RoleAdmin = "admin"
)

// RoleRank orders the roles: a user may do what any role of lower or equal
// rank may. An unknown role ranks 0, below every role.
func RoleRank(role string) int {
	switch role {
	case RoleViewer:
		return 1
	case RoleAnalyst:
		return 2
	case RoleAdmin:
		return 3
	}
	return 0
}

// ErrBadLogin: the name or the password is wrong, or the user is disabled
// (one error for all three, so that a login page cannot tell which).
var ErrBadLogin = errors.New("wrong name or password")

// User is a person who logs in.
type User struct {
	Name      string    `json:"name"`
	Role      string    `json:"role"`
	Disabled  bool      `json:"disabled"`
	CreatedAt time.Time `json:"created_at"`
	ChangedAt time.Time `json:"changed_at"`
}

// Session is a logged-in browser: its user and the token its forms send.
type Session struct {
	User      User
	CSRF      string
	ExpiresAt time.Time
}

// userName: letters (any script), digits, dot, dash, underscore; 1–40.
var userName = regexp.MustCompile(`^[\p{L}\p{N}._-]{1,40}$`)

// ValidUserName reports whether name can be a user's name.
func ValidUserName(name string) bool { return userName.MatchString(name) }

// MinPasswordLength is the shortest password a user may set (characters).
const MinPasswordLength = 10

// bcryptCost is the work factor of password hashes (about 50 ms a check
// on one core at 10; 12 is the usual choice today, about 200 ms).
const bcryptCost = 12

func checkUser(name, role, password string) error {
	var errs []string
	if !userName.MatchString(name) {
		errs = append(errs, "a user name is 1 to 40 letters, digits, dots, dashes or underscores")
	}
	if role != "" && RoleRank(role) == 0 {
		errs = append(errs, fmt.Sprintf("role must be viewer, analyst or admin, not %q", role))
	}
	if n := utf8.RuneCountInString(password); n < MinPasswordLength || len(password) > 72 {
		errs = append(errs, fmt.Sprintf("a password has at least %d characters and at most 72 bytes", MinPasswordLength))
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w: %s", ErrInvalidQuery, strings.Join(errs, "; "))
	}
	return nil
}

// AddUser adds a user with a role and a password (hashed with bcrypt). A
// name already taken wraps ErrInvalidQuery.
func (db *DB) AddUser(ctx context.Context, name, role, password string) error {
	if role == "" {
		return fmt.Errorf("add user %s: %w: a role is required", name, ErrInvalidQuery)
	}
	if err := checkUser(name, role, password); err != nil {
		return fmt.Errorf("add user %s: %w", name, err)
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcryptCost)
	if err != nil {
		return fmt.Errorf("add user %s: %w", name, err)
	}
	return db.authWrite(ctx, "add user "+name, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM auth.users WHERE name = $1`, name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: the user exists already (fazhi user passwd changes the password)", ErrInvalidQuery)
		}
		now := time.Now().UTC()
		_, err := tx.ExecContext(ctx, `INSERT INTO auth.users VALUES ($1, $2, $3, false, $4, $4)`, name, role, string(hash), now)
		return err
	})
}

// SetPassword changes a user's password; the user's sessions end.
func (db *DB) SetPassword(ctx context.Context, name, password string) error {
	if err := checkUser(name, "", password); err != nil {
		return fmt.Errorf("set password of %s: %w", name, err)
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcryptCost)
	if err != nil {
		return fmt.Errorf("set password of %s: %w", name, err)
	}
	return db.changeUser(ctx, "set password of "+name, name,
		`UPDATE auth.users SET password_hash = $3, changed_at = $2 WHERE name = $1`, string(hash))
}

// DisableUser disables a user: they cannot log in, their sessions end.
// The user stays, as the author of their corrections.
func (db *DB) DisableUser(ctx context.Context, name string) error {
	return db.changeUser(ctx, "disable user "+name, name, `UPDATE auth.users SET disabled = true, changed_at = $2 WHERE name = $1`)
}

// changeUser runs an update of one user ($1 its name, $2 the time, then
// args) and ends their sessions; an unknown user wraps ErrNotFound.
func (db *DB) changeUser(ctx context.Context, op, name, update string, args ...any) error {
	return db.authWrite(ctx, op, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, update, append([]any{name, time.Now().UTC()}, args...)...)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return fmt.Errorf("%w: no user %q", ErrNotFound, name)
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM auth.sessions WHERE user_name = $1`, name)
		return err
	})
}

// Users lists the users by name.
func (db *DB) Users(ctx context.Context) ([]User, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT name, role, disabled, created_at, changed_at FROM auth.users ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("users: %w", err)
	}
	defer rows.Close()
	out := []User{}
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.Name, &u.Role, &u.Disabled, &u.CreatedAt, &u.ChangedAt); err != nil {
			return nil, fmt.Errorf("users: %w", err)
		}
		u.CreatedAt, u.ChangedAt = u.CreatedAt.UTC(), u.ChangedAt.UTC()
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("users: %w", err)
	}
	return out, nil
}

// Login checks a name and password and begins a session that ends after
// ttl. It returns the session's cookie value (random; the warehouse keeps
// only its SHA-256) and the session. A wrong name or password, or a
// disabled user, wraps ErrBadLogin; the check costs the same either way.
func (db *DB) Login(ctx context.Context, name, password string, ttl time.Duration) (string, Session, error) {
	var u User
	var hash string
	err := db.sql.QueryRowContext(ctx, `SELECT name, role, disabled, created_at, changed_at, password_hash FROM auth.users WHERE name = $1`,
		name).Scan(&u.Name, &u.Role, &u.Disabled, &u.CreatedAt, &u.ChangedAt, &hash)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		hash = dummyHash() // spend the time of a real check
	case err != nil:
		return "", Session{}, fmt.Errorf("login: %w", err)
	}
	if bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) != nil || u.Name == "" || u.Disabled {
		return "", Session{}, fmt.Errorf("login: %w", ErrBadLogin)
	}
	token, err := randomHex(32)
	if err != nil {
		return "", Session{}, fmt.Errorf("login: %w", err)
	}
	csrf, err := randomHex(32)
	if err != nil {
		return "", Session{}, fmt.Errorf("login: %w", err)
	}
	now := time.Now().UTC()
	s := Session{User: u, CSRF: csrf, ExpiresAt: now.Add(ttl)}
	err = db.authWrite(ctx, "login", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM auth.sessions WHERE expires_at < $1`, now); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO auth.sessions VALUES ($1, $2, $3, $4, $5)`, tokenHash(token), u.Name, csrf, now, s.ExpiresAt)
		return err
	})
	if err != nil {
		return "", Session{}, err
	}
	return token, s, nil
}

// dummyHash is a bcrypt hash of nothing anyone types, compared against when
// the user does not exist.
var dummyHash = sync.OnceValue(func() string {
	h, err := bcrypt.GenerateFromPassword([]byte("no such user, no such password"), bcryptCost)
	if err != nil {
		panic(err) // only for a cost out of range, fixed at compile time
	}
	return string(h)
})

// SessionOf returns the session of a cookie value: (s, true) while it has
// not expired and its user is enabled and unchanged since it began.
func (db *DB) SessionOf(ctx context.Context, token string) (Session, bool, error) {
	if token == "" {
		return Session{}, false, nil
	}
	var s Session
	err := db.sql.QueryRowContext(ctx, `
		SELECT u.name, u.role, u.disabled, u.created_at, u.changed_at, s.csrf, s.expires_at
		FROM auth.sessions s JOIN auth.users u ON u.name = s.user_name
		WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled AND s.created_at >= u.changed_at`,
		tokenHash(token), time.Now().UTC()).Scan(&s.User.Name, &s.User.Role, &s.User.Disabled, &s.User.CreatedAt,
		&s.User.ChangedAt, &s.CSRF, &s.ExpiresAt)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return Session{}, false, nil
	case err != nil:
		return Session{}, false, fmt.Errorf("session: %w", err)
	}
	return s, true, nil
}

// Logout ends the session of a cookie value (nothing happens for an
// unknown one).
func (db *DB) Logout(ctx context.Context, token string) error {
	return db.authWrite(ctx, "logout", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM auth.sessions WHERE token_hash = $1`, tokenHash(token))
		return err
	})
}

// authWrite runs a write of users or sessions in one transaction under the
// writer lock. It changes nothing the dashboards show, so their snapshot is
// kept.
func (db *DB) authWrite(ctx context.Context, op string, fn func(*sql.Tx) error) error {
	if db.readOnly {
		return fmt.Errorf("%s: warehouse is open read-only", op)
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	if err := db.inTx(ctx, fn); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	// The replicas read sessions from the published copies: a login or a
	// logout is published like a write of data (the dashboards' snapshot
	// holds no session and stays).
	db.authWrites.Add(1)
	db.written.signal()
	return nil
}

func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func randomHex(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}
