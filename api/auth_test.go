package api

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/fazhi/fazhi/warehouse"
)

// testSessions logs a request in by its header X-Test-User (a stand-in for
// the dashboards' session cookie): its value is the role.
func testSessions(r *http.Request) (warehouse.Session, bool) {
	role := r.Header.Get("X-Test-User")
	if role == "" {
		return warehouse.Session{}, false
	}
	return warehouse.Session{User: warehouse.User{Name: "用户" + role, Role: role}, CSRF: "form-" + role}, true
}

// TestSessionWrites: a logged-in user writes by role, with the form token,
// and is the author; without the token, or below the role, nothing is written.
func TestSessionWrites(t *testing.T) {
	srv := mustWriteServer(t, true, func(c *Config) { c.Session = testSessions })
	fact, _, value := firstHeadline(t, srv)
	body := fmt.Sprintf(`{"value": %g, "author": "冒名", "reason": "核对原文"}`, value+2)
	cases := []struct {
		name, role, csrf string
		want             int
		wantIn           string
	}{
		{"anonymous", "", "", 401, "log in"},
		{"viewer", warehouse.RoleViewer, "form-viewer", 403, "role analyst"},
		{"no form token", warehouse.RoleAnalyst, "", 403, "form token"},
		{"wrong form token", warehouse.RoleAnalyst, "form-admin", 403, "form token"},
		{"analyst", warehouse.RoleAnalyst, "form-analyst", 200, `"author":"用户analyst"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest("PUT", srv.URL+"/api/facts/"+fact, strings.NewReader(body))
			if tc.role != "" {
				req.Header.Set("X-Test-User", tc.role)
			}
			if tc.csrf != "" {
				req.Header.Set(CSRFHeader, tc.csrf)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.want || !strings.Contains(string(b), tc.wantIn) {
				t.Errorf("PUT as %q = %d %s; want %d with %q", tc.role, resp.StatusCode, b, tc.want, tc.wantIn)
			}
		})
	}
	// Uploads need an admin.
	req, _ := http.NewRequest("POST", srv.URL+"/api/reports", strings.NewReader(""))
	req.Header.Set("X-Test-User", warehouse.RoleAnalyst)
	req.Header.Set(CSRFHeader, "form-analyst")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 403 {
		t.Errorf("upload by an analyst = %d; want 403", resp.StatusCode)
	}
}

// TestReadAuth: with ReadAuth, reading needs a login or the token; health stays open.
func TestReadAuth(t *testing.T) {
	srv := mustWriteServer(t, false, func(c *Config) { c.Session = testSessions; c.ReadAuth = true })
	for _, tc := range []struct {
		path, user, auth string
		want             int
	}{
		{"/api/health", "", "", 200},
		{"/api/indicators", "", "", 401},
		{"/api/review", "", "", 401},
		{"/api/indicators", warehouse.RoleViewer, "", 200},
		{"/api/indicators", "", "Bearer " + testToken, 200},
		{"/api/indicators", "", "Bearer wrong", 401},
	} {
		req, _ := http.NewRequest("GET", srv.URL+tc.path, nil)
		if tc.user != "" {
			req.Header.Set("X-Test-User", tc.user)
		}
		if tc.auth != "" {
			req.Header.Set("Authorization", tc.auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("GET %s (user %q, auth %q) = %d; want %d", tc.path, tc.user, tc.auth, resp.StatusCode, tc.want)
		}
	}
}
