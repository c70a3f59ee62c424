package rules

import (
	"github.com/alembic-patterns/alembic-patterns/server/internal/effect"
	"github.com/alembic-patterns/alembic-patterns/server/internal/history"
	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// downgradeEnums is what a revision's downgrade does to enum types, found in
// one walk and shared by the rules: a walk per type made a file of many enum
// types quadratic.
type downgradeEnums struct {
	// lastRemoval is, per type, the operation after which no column uses it
	// any more (the last one that removes its last user)
	lastRemoval map[string]*migration.Op
	dropped     map[string]bool // types an operation drops
	// dropsUnknown: an operation drops a type whose name is not known
	dropsUnknown bool
	// followable: every operation is certain, shows its effects and runs
	// outside helpers
	followable bool
}

func (p *Pass) downgradeEnums() *downgradeEnums {
	if p.steps.enums != nil {
		return p.steps.enums
	}
	d := &downgradeEnums{lastRemoval: map[string]*migration.Op{}, dropped: map[string]bool{}, followable: true}
	var op *migration.Op
	var before *history.State
	removals := func(after *history.State) { // of op, from before to after
		for _, name := range before.EnumUsersChanged(after) {
			if len(before.EnumUsers(name)) > 0 && len(after.EnumUsers(name)) == 0 {
				d.lastRemoval[name] = op
			}
		}
	}
	p.Downgrade(func(o *migration.Op, s *history.State) {
		if op != nil {
			removals(s)
		}
		op, before = o, s
		d.followable = d.followable && o.Certain() && !hidesEffects(o) && o.Helper == ""
		if o.Name == migration.EnumDrop {
			if en := effect.EnumOf(p.Migration.Type(o, o.Target)); en == nil || en.Name == "" {
				d.dropsUnknown = true
			} else {
				d.dropped[en.Name] = true
			}
		}
		if o.SQL != nil {
			for _, st := range o.SQL.Statements {
				if st.Kind == migration.SQLDropType {
					d.dropped[st.Object] = true
				}
			}
		}
	})
	if op != nil {
		removals(p.AfterDowngrade())
	}
	p.steps.enums = d
	return d
}
