package warehouse

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestUsersAndSessions(t *testing.T) {
	ctx := context.Background()
	db := mustOpenMemory(t)
	if err := db.AddUser(ctx, "李明", RoleAnalyst, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, role, password string }{
		{"李明", RoleAnalyst, "another long one"}, // taken
		{"bad name!", RoleViewer, "correct horse battery"},
		{"wang", "boss", "correct horse battery"},
		{"wang", RoleViewer, "short"},
		{"wang", "", "correct horse battery"},
	} {
		if err := db.AddUser(ctx, tc.name, tc.role, tc.password); !errors.Is(err, ErrInvalidQuery) {
			t.Errorf("AddUser(%q, %q, …) = %v; want ErrInvalidQuery", tc.name, tc.role, err)
		}
	}
	users, err := db.Users(ctx)
	if err != nil || len(users) != 1 || users[0].Name != "李明" || users[0].Role != RoleAnalyst || users[0].Disabled {
		t.Fatalf("Users = %+v, %v; want one enabled analyst 李明", users, err)
	}
	if _, _, err := db.Login(ctx, "李明", "wrong password!", time.Hour); !errors.Is(err, ErrBadLogin) {
		t.Errorf("Login with a wrong password = %v; want ErrBadLogin", err)
	}
	if _, _, err := db.Login(ctx, "nobody", "correct horse battery", time.Hour); !errors.Is(err, ErrBadLogin) {
		t.Errorf("Login of an unknown user = %v; want ErrBadLogin", err)
	}
	token, s, err := db.Login(ctx, "李明", "correct horse battery", time.Hour)
	if err != nil || token == "" || s.CSRF == "" || s.User.Name != "李明" {
		t.Fatalf("Login = %q, %+v, %v", token, s, err)
	}
	if got, ok, err := db.SessionOf(ctx, token); err != nil || !ok || got.User.Role != RoleAnalyst || got.CSRF != s.CSRF {
		t.Fatalf("SessionOf = %+v, %v, %v; want the analyst's session", got, ok, err)
	}
	if _, ok, _ := db.SessionOf(ctx, token+"x"); ok {
		t.Error("SessionOf(another token) found a session")
	}
	// An expired session is over.
	short, _, err := db.Login(ctx, "李明", "correct horse battery", time.Nanosecond)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Millisecond)
	if _, ok, _ := db.SessionOf(ctx, short); ok {
		t.Error("an expired session still counts")
	}
	// A new password ends the sessions; the new one logs in, the old one not.
	time.Sleep(time.Millisecond)
	if err := db.SetPassword(ctx, "李明", "a new long password"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := db.SessionOf(ctx, token); ok {
		t.Error("a session outlived a password change")
	}
	if _, _, err := db.Login(ctx, "李明", "correct horse battery", time.Hour); !errors.Is(err, ErrBadLogin) {
		t.Errorf("Login with the old password = %v; want ErrBadLogin", err)
	}
	token, _, err = db.Login(ctx, "李明", "a new long password", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Logout(ctx, token); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := db.SessionOf(ctx, token); ok {
		t.Error("a session outlived its logout")
	}
	// Disabled: no login.
	if err := db.DisableUser(ctx, "李明"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.Login(ctx, "李明", "a new long password", time.Hour); !errors.Is(err, ErrBadLogin) {
		t.Errorf("Login of a disabled user = %v; want ErrBadLogin", err)
	}
	if err := db.DisableUser(ctx, "nobody"); !errors.Is(err, ErrNotFound) {
		t.Errorf("DisableUser(nobody) = %v; want ErrNotFound", err)
	}
}

// TestUsersHiddenFromResearchers: the auth schema is not among the tables
// researchers and exports see.
func TestUsersHiddenFromResearchers(t *testing.T) {
	db := mustOpenMemory(t)
	tables, err := db.Tables(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		if tb.Name == "users" || tb.Name == "sessions" {
			t.Errorf("Tables lists %s", tb.Name)
		}
	}
}
