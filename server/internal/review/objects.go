package review

import (
	"fmt"
	"strings"

	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// Objects that are not tables: enum types created or dropped through their
// SQLAlchemy object, sequences, and the batch_alter_table block itself.

func (c *opCtx) enumType(f *facts) {
	en := effect.EnumOf(c.m.Type(c.o, c.o.Target))
	if en == nil || en.Name == "" {
		f.unknownBecause("the enum type's name is not a literal")
		return
	}
	checkfirst, _ := c.m.ChecksFirst(c.o)
	existing := c.s.Enum(en.Name)
	if c.o.Name == migration.EnumCreate {
		f.sql = append(f.sql, createTypeSQL(en))
		f.say("creates enum type %s", en.Name)
		f.added = append(f.added, "enum type "+en.Name)
		switch {
		case checkfirst:
			f.note("checkfirst (True here): skipped when the type exists (offline --sql ignores checkfirst).")
		case existing != nil && !existing.Uncertain:
			f.note("Type %s already exists at this point: CREATE TYPE fails with: type %q already exists.", en.Name, en.Name)
		}
		return
	}
	f.sql = append(f.sql, "DROP TYPE "+ident(en.Name))
	f.say("drops enum type %s", en.Name)
	if checkfirst {
		f.note("checkfirst (True here): skipped when the type does not exist (offline --sql ignores checkfirst).")
	}
	if users := c.s.EnumUsers(en.Name); len(users) > 0 {
		f.note("Columns still use type %s at this point (%s): DROP TYPE fails unless they are dropped or converted first.", en.Name, strings.Join(users, ", "))
	}
}

func (c *opCtx) sequence(f *facts) {
	seq := c.o.Value("sequence")
	name, ok := argAt(seq, 0).StringValue()
	if !ok {
		f.unknownBecause("the sequence's name is not a literal")
		return
	}
	verb, word := "CREATE", "creates"
	if c.o.Name == "drop_sequence" {
		verb, word = "DROP", "drops"
	}
	f.sql = append(f.sql, fmt.Sprintf("%s SEQUENCE %s", verb, ident(name)))
	f.say("%s sequence %s", word, name)
	if verb == "CREATE" {
	} else {
	}
}

func (c *opCtx) batch(f *facts) {
	key, ok := c.tableArg(f)
	if !ok {
		return
	}
	recreate, _ := c.o.Value("recreate").StringValue()
	if recreate != "always" {
		f.say("opens a batch block on %s: on PostgreSQL its operations run as plain ALTER TABLE statements (listed below)", key)
		return
	}
	f.say("copies table %s into a new table (recreate='always'), runs the operations on the copy and swaps it in", key)
	f.lock(key, AccessExclusive)
	f.rewrite = Yes
	f.note("The whole table is copied: every row is written again and the table is unavailable until the migration commits.")
}
