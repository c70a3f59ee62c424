package rules

import (
	"fmt"

	"github.com/alembic-patterns/alembic-patterns/server/internal/migration"
)

// inferredEnumName says, when the enum type name of an operation's use is
// SQLAlchemy's default for a Python enum class (no name= given), where the name
// comes from: the reader sees OrderStatus in the code, not "orderstatus".
func inferredEnumName(m *migration.Migration, o *migration.Op, name string) string {
	var en *migration.Enum
	if o.Name == migration.EnumCreate {
		if t := m.Type(o, o.Target); t != nil {
			en = t.Enum
		}
	}
	for _, u := range enumUses(m, o) {
		if u.Enum.Name == name {
			en = u.Enum
		}
	}
	if en == nil || !en.NameInferred || en.Name != name {
		return ""
	}
	return fmt.Sprintf(" The name %q is inferred: SQLAlchemy names the type of sa.Enum(%s) after the Python enum class, lowercased, when no name= is given.", name, en.Class)
}
