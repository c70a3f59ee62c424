package rules

import "testing"

func TestMentions(t *testing.T) {
	for _, c := range []struct {
		text, name string
		want       bool
	}{
		{"UPDATE Users SET x = 1", "users", true},
		{`ALTER TYPE "Mood" RENAME`, "mood", true},
		{"UPDATE users_old SET x = 1", "users", false},
		{"UPDATE old_users SET x = 1", "users", false},
		{"SELECT users$1", "users", false},
		{"SELECT 1users", "users", false},
		{"users", "users", true},
		{"x users_users users", "users", true},
		{"user", "users", false},
		{"anything", "", false},
		{"public.users.id", "users.id", true},
	} {
		if got := mentions(c.text, c.name); got != c.want {
			t.Errorf("mentions(%q, %q) = %v, want %v", c.text, c.name, got, c.want)
		}
	}
}
