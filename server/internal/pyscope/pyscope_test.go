package pyscope

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/alembic-patterns/alembic-patterns/server/internal/edit"
)

// marked turns source whose checked stretches are written ⟦like this⟧ into the
// source and its ranges.
func marked(t *testing.T, text string) ([]byte, []edit.Range) {
	t.Helper()
	var src []byte
	var ranges []edit.Range
	for i, part := range strings.Split(text, "⟦") {
		if i == 0 {
			src = append(src, part...)
			continue
		}
		inside, after, ok := strings.Cut(part, "⟧")
		if !ok {
			t.Fatalf("unclosed ⟦ in %q", text)
		}
		ranges = append(ranges, edit.Range{Start: len(src), End: len(src) + len(inside)})
		src = append(src, inside...)
		src = append(src, after...)
	}
	return src, ranges
}

func TestUnbound(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string // name:line, with "later" for a binding after the use
	}{
		{"import alembic does not bind op", `import alembic
import sqlalchemy as sa


def downgrade():
    alembic.op.drop_table("orders")
    ⟦sa.Enum(name="x").drop(op.get_bind(), checkfirst=True)⟧
`, []string{"op:7"}},
		{"an aliased op is bound by its alias only", `from alembic import op as migration_op
def upgrade():
    ⟦migration_op.get_bind()⟧
    ⟦op.get_bind()⟧
`, []string{"op:4"}},
		{"op as a parameter", `def downgrade(op):
    ⟦op.drop_table("orders")⟧
`, nil},
		{"a parameter of another function does not count", `def upgrade(op):
    pass
def downgrade():
    ⟦op.drop_table("orders")⟧
`, []string{"op:4"}},
		{"a local bound after the use", `import sqlalchemy
def downgrade():
    ⟦sa.Enum(name="x")⟧
    sa = sqlalchemy
`, []string{"sa:3 later"}},
		{"a local bound before the use", `def downgrade():
    status = make()
    ⟦status.drop()⟧
`, nil},
		{"a module name bound after the function", `def downgrade():
    ⟦status.drop()⟧
status = None
`, nil},
		{"a star import may bind anything", `from alembic.op import *
def downgrade():
    ⟦drop_table("x")⟧
`, nil},
		{"comprehension variables", `def f():
    ⟦[v for v in range(3)]⟧
    ⟦[w for v in range(3)]⟧
    ⟦{k: v for k, v in {}.items()}⟧
`, []string{"w:3"}},
		{"lambda parameters", `⟦key = lambda a, b=1: a + b + c⟧
`, []string{"c:1"}},
		{"a class body is not seen from its methods", `class C:
    X = 1
    Y = ⟦X⟧
    def m(self):
        return ⟦X⟧
`, []string{"X:5"}},
		{"with ... as binds", `from alembic import op
def downgrade():
    ⟦with op.batch_alter_table("t") as batch_op:
        batch_op.drop_column("c")⟧
`, nil},
		{"keyword names and attributes are no variables", `def f():
    ⟦sa.Enum(name="x").drop(bind=None, checkfirst=True)⟧
`, []string{"sa:2"}},
		{"a global assigned in a function is a module name", `def f():
    global G
    G = 1
def g():
    ⟦G⟧
`, nil},
		{"builtins", `⟦print(len(x), True, None, __name__)⟧
`, []string{"x:1"}},
		{"f-string interpolations are read", `⟦s = f"{y!r} {z}"⟧
z = 1
`, []string{"y:1", "z:1 later"}},
		{"a walrus in a comprehension binds in the function", `def f():
    [(n := i) for i in range(2)]
    ⟦n⟧
`, nil},
		{"except as and for targets", `def f():
    for i, (j, k) in enumerate([]):
        pass
    try:
        pass
    except (ValueError, KeyError) as e:
        ⟦print(e, i, j, k)⟧
`, nil},
		{"imports of every shape", `import a.b.c
import d.e as de
from f import g, h as hh
from . import rel
def x():
    ⟦a.b.c, de, g, hh, rel, d, h⟧
`, []string{"d:6", "h:6"}},
		{"names outside the ranges are not checked", `def f():
    undefined_here()
    ⟦print()⟧
`, nil},
		{"defaults and annotations are read outside the function", `def f(a: ⟦T⟧ = ⟦a⟧, *args, b: int, **kw):
    ⟦return a, args, b, kw⟧
`, []string{"T:1", "a:1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, ranges := marked(t, c.src)
			uses, err := Unbound(context.Background(), src, ranges)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, u := range uses {
				s := fmt.Sprintf("%s:%d", u.Name, u.Line)
				if u.Later {
					s += " later"
				}
				got = append(got, s)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("unbound %q, want %q", got, c.want)
			}
		})
	}
}
