package apply

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestUserPathMoved: an existing user under another path is moved with
// UpdateUser, as the plan says, and reads back at once (D14).
func TestUserPathMoved(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	f.iam.users[keyUser] = true
	f.iam.paths = map[string]string{keyUser: "/ext/"}
	items := loadSpec(t, "setup-guide-user", nil)
	p := planFor(t, e, items)
	var user *Change
	for _, c := range p.Changes {
		if c.Type == TIAMUser {
			user = c
		}
	}
	if user == nil || user.Action != ActionUpdate || mustJSON(user.Before) != `{"Path":"/ext/","UserName":"`+keyUser+`"}` {
		t.Fatalf("plan's user change = %+v", user)
	}
	if _, err := e.Apply(context.Background(), p, false); err != nil {
		t.Fatalf("apply: %v", err)
	}
	if got := f.iam.paths[keyUser]; got != "/" {
		t.Errorf("path = %q, want /", got)
	}
	if countCalls(f, "UpdateUser "+keyUser) != 1 || countCalls(f, "CreateUser") != 0 {
		t.Errorf("calls: %v", f.calls)
	}
	assertConverged(t, f, e, items)
}

// TestRolePathCannotMove: a role under another path is a plan error that
// says what to do, not a write that never reads back (D14).
func TestRolePathCannotMove(t *testing.T) {
	f := newFake()
	e := fakeEngine(t, f)
	items := loadSpec(t, "setup-guide-role", nil)
	if _, err := converge(t, e, items); err != nil {
		t.Fatal(err)
	}
	for _, r := range f.iam.roles {
		r.path = "/ext/"
	}
	_, err := e.Read(context.Background(), items)
	var prob *Problem
	if !errors.As(err, &prob) || !strings.Contains(prob.Summary, `exists with path "/ext/", but grant.`) ||
		!strings.Contains(prob.Detail, `set path = "/ext/"`) || !strings.Contains(prob.Detail, "Nothing was written to AWS") {
		t.Fatalf("read error = %v, want the role path problem", err)
	}
	x := (&Clients{}).Explain(err)
	if x.Summary != prob.Summary {
		t.Errorf("Explain summary = %q", x.Summary)
	}
}
