package migration

import (
	"slices"
	"testing"
)

// TestEnumFromPythonClass: sa.Enum(SomeEnum) names the type after the class,
// lowercased, unless name= is given; the members' names are the values when
// the class is in the file.
func TestEnumFromPythonClass(t *testing.T) {
	m := parseSource(t, `import enum
import sqlalchemy as sa
from alembic import op
from app.models import Priority as Prio
from app import models


class OrderStatus(str, enum.Enum):
    """Where an order is."""
    pending = "pending"
    shipped = "shipped"
    _ignore_ = ["x"]
    note: str

    def label(self):
        return self.value.title()


class Plain:
    a = 1


LEVELS = ("low", "high")


def upgrade():
    op.add_column("orders", sa.Column("status", sa.Enum(OrderStatus)))
    op.add_column("orders", sa.Column("named", sa.Enum(OrderStatus, name="order_status")))
    op.add_column("orders", sa.Column("prio", sa.Enum(Prio)))
    op.add_column("orders", sa.Column("kind", sa.Enum(models.Kind)))
    op.add_column("orders", sa.Column("plain", sa.Enum(Plain)))
    op.add_column("orders", sa.Column("level", sa.Enum(LEVELS)))
    op.add_column("orders", sa.Column("cb", sa.Enum(OrderStatus, values_callable=lambda c: [e.value for e in c])))
`)
	type want struct {
		name, class string
		inferred    bool
		values      []string
		valuesKnown bool
	}
	wants := []want{
		{"orderstatus", "OrderStatus", true, []string{"pending", "shipped"}, true},
		{"order_status", "OrderStatus", false, []string{"pending", "shipped"}, true},
		{"priority", "Priority", true, nil, false},
		{"kind", "Kind", true, nil, false},
		{"", "", false, nil, false}, // a class of the file that is no enum
		{"", "", false, nil, false}, // a variable
		{"orderstatus", "OrderStatus", true, nil, false},
	}
	for i, w := range wants {
		o := m.Upgrade.Ops[i]
		en := m.Column(o, o.Arg("column")).Type.Enum
		if en.Name != w.name || en.Class != w.class || en.NameInferred != w.inferred || !slices.Equal(en.Values, w.values) || en.ValuesKnown != w.valuesKnown {
			t.Errorf("op %d: enum %+v, want %+v", i, *en, w)
		}
	}
}
