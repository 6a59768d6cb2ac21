package dashboards

import (
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"/review?kind=fact": "/review?kind=fact", "": "/", "https://evil.example/": "/", "//evil.example": "/",
		"/\\evil.example": "/", "review": "/", "/a\r\nSet-Cookie: x": "/",
		"/\t/evil.example/x": "/", "/\x7f/evil": "/", "/%09/evil.example": "/%09/evil.example", "javascript:alert(1)": "/",
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestLoginThrottle(t *testing.T) {
	th := newLoginThrottle()
	now := time.Unix(1_000_000, 0)
	keys := []string{"name:a", "ip:1"}
	for i := 0; i < freeFailures-1; i++ {
		th.fail(keys, now)
		if w := th.wait(keys, now); w != 0 {
			t.Fatalf("after %d failures wait = %v; want 0", i+1, w)
		}
	}
	var last time.Duration
	for i := 0; i < 12; i++ {
		th.fail(keys, now)
		w := th.wait(keys, now)
		if w <= last && w != maxLoginWait || w > maxLoginWait {
			t.Fatalf("failure %d: wait = %v after %v; want it to double up to %v", freeFailures+i, w, last, maxLoginWait)
		}
		last = w
	}
	if w := th.wait([]string{"ip:1"}, now); w != maxLoginWait {
		t.Errorf("the address waits %v; want %v", w, maxLoginWait)
	}
	if w := th.wait(keys, now.Add(maxLoginWait)); w != 0 {
		t.Errorf("after the wait, wait = %v; want 0", w)
	}
	th.succeeded(keys)
	if w := th.wait([]string{"name:a"}, now); w != 0 {
		t.Errorf("after a success, the name waits %v; want 0", w)
	}
}

// Tries sent together count before any is checked: of many parallel
// tries of one name, only the free ones go through.
func TestLoginThrottleCountsParallelTries(t *testing.T) {
	th := newLoginThrottle()
	now := time.Unix(1_000_000, 0)
	var wg sync.WaitGroup
	var through atomic.Int64
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if th.try([]string{"ip:" + strconv.Itoa(i), "name:bob"}, now) == 0 {
				through.Add(1)
			}
		}()
	}
	wg.Wait()
	if n := through.Load(); n != freeFailures {
		t.Errorf("%d of 20 parallel tries of one name went through; want %d", n, freeFailures)
	}
}
