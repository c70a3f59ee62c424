package naming

import "testing"

var standard = &Convention{Templates: map[string]string{
	Index:      "ix_%(column_0_label)s",
	Unique:     "uq_%(table_name)s_%(column_0_name)s",
	Check:      "ck_%(table_name)s_%(constraint_name)s",
	ForeignKey: "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
	PrimaryKey: "pk_%(table_name)s",
}}

func TestName(t *testing.T) {
	multi := &Convention{Templates: map[string]string{
		Unique:     "%(table_name)s_%(column_0_N_name)s_key",
		Index:      "ix_%(column_0N_name)s",
		ForeignKey: "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s_%(referred_column_0_N_name)s",
		Check:      "ck_100%%_%(constraint_name)s",
	}}
	custom := &Convention{Templates: map[string]string{
		ForeignKey: "fk_%(table_name)s_%(column_names)s_%(referred_table_name)s",
		Check:      "ck_%(table_name)s_%(constraint_name)s",
	}, Custom: []string{"column_names"}}
	unreadable := &Convention{Templates: map[string]string{}, Unknown: map[string]string{Unique: "not a literal"}}
	// env.py's target_metadata is one of two MetaData: one names unique constraints, one does not
	either := (&Convention{Templates: map[string]string{}, Via: "target_metadata"}).or(
		&Convention{Templates: map[string]string{Unique: "uq_%(table_name)s_%(column_0_name)s", Check: "ck_%(constraint_name)s"}, Via: "target_metadata"})
	long := "a_very_long_table_name_for_testing_truncation"
	tests := []struct {
		name    string
		conv    *Convention
		dialect string
		obj     Object
		want    Result
	}{
		{"no convention keeps the name", nil, "", Object{Kind: ForeignKey, Name: "x"}, Result{Name: "x", Known: true}},
		{"no convention, None", nil, "", Object{Kind: ForeignKey}, Result{}},
		{"fk None", standard, "postgresql", Object{Kind: ForeignKey, Table: "oauth_codes", Columns: []string{"client_id"}, ColumnsKnown: true,
			RefTable: "oauth_clients", RefColumns: []string{"identifier"}}, Result{Name: "fk_oauth_codes_client_id_oauth_clients", Known: true, Converted: true}},
		{"explicit name kept without constraint_name", standard, "postgresql", Object{Kind: Unique, Name: "my_uq", Table: "t", Columns: []string{"a"}, ColumnsKnown: true},
			Result{Name: "my_uq", Known: true}},
		{"ck converts an explicit name", standard, "postgresql", Object{Kind: Check, Name: "valid_title", Table: "contributions"},
			Result{Name: "ck_contributions_valid_title", Known: true, Converted: true}},
		{"ck None fails", standard, "postgresql", Object{Kind: Check, Table: "t"}, Result{Err: ErrConstraintNameRequired, Converted: true}},
		{"op.f is final", standard, "postgresql", Object{Kind: Check, Name: "ck_t_x", Final: true, Table: "t"}, Result{Name: "ck_t_x", Known: true}},
		{"drop_constraint with type_ converts again", standard, "postgresql", Object{Kind: Check, Name: "ck_t_x", Table: "t", Drop: true},
			Result{Name: "ck_t_ck_t_x", Known: true, Converted: true}},
		{"plain Constraint has no convention", standard, "postgresql", Object{Name: "ck_t_x", Table: "t", Drop: true}, Result{Name: "ck_t_x", Known: true}},
		{"ix label with schema", standard, "postgresql", Object{Kind: Index, Table: "users", Schema: "auth", Columns: []string{"email"}, ColumnsKnown: true},
			Result{Name: "ix_auth_users_email", Known: true, Converted: true}},
		{"ix expression", standard, "postgresql", Object{Kind: Index, Table: "users"}, Result{Converted: true}},
		{"pk", standard, "postgresql", Object{Kind: PrimaryKey, Table: "t", Columns: []string{"id"}, ColumnsKnown: true},
			Result{Name: "pk_t", Known: true, Converted: true}},
		{"column_0_N_name", multi, "postgresql", Object{Kind: Unique, Table: "t", Columns: []string{"a", "b"}, ColumnsKnown: true},
			Result{Name: "t_a_b_key", Known: true, Converted: true}},
		{"column_0N_name", multi, "postgresql", Object{Kind: Index, Table: "t", Columns: []string{"a", "b"}, ColumnsKnown: true},
			Result{Name: "ix_ab", Known: true, Converted: true}},
		{"referred columns", multi, "postgresql", Object{Kind: ForeignKey, Table: "t", Columns: []string{"a", "b"}, ColumnsKnown: true, RefTable: "p", RefColumns: []string{"x", "y"}},
			Result{Name: "fk_t_a_b_p_x_y", Known: true, Converted: true}},
		{"%% escapes", multi, "postgresql", Object{Kind: Check, Name: "c", Table: "t"}, Result{Name: "ck_100%_c", Known: true, Converted: true}},
		{"custom token", custom, "postgresql", Object{Kind: ForeignKey, Table: "t", Columns: []string{"a"}, ColumnsKnown: true, RefTable: "p"}, Result{Converted: true}},
		{"custom convention, standard ck", custom, "postgresql", Object{Kind: Check, Name: "x", Table: "t"}, Result{Name: "ck_t_x", Known: true, Converted: true}},
		{"unreadable template", unreadable, "postgresql", Object{Kind: Unique, Name: "x", Table: "t"}, Result{Converted: true}},
		{"either convention keeps a name written", either, "postgresql", Object{Kind: Unique, Name: "x", Table: "t"}, Result{Name: "x", Known: true}},
		{"either convention, None", either, "postgresql", Object{Kind: Unique, Table: "t", Columns: []string{"a"}, ColumnsKnown: true}, Result{Converted: true}},
		{"either convention may convert a name", either, "postgresql", Object{Kind: Check, Name: "x", Table: "t"}, Result{Converted: true}},
		{"drop of a None fk", standard, "postgresql", Object{Kind: ForeignKey, Table: "t", Drop: true}, Result{Err: errIndex, Converted: true}},
		{"drop of a None unique", standard, "postgresql", Object{Kind: Unique, Table: "t", Drop: true}, Result{Name: "uq_t_", Known: true, Converted: true}},
		{"truncated on PostgreSQL", standard, "postgresql", Object{Kind: ForeignKey, Table: long, Columns: []string{"some_column_id"}, ColumnsKnown: true, RefTable: "referenced_table"},
			Result{Name: "fk_a_very_long_table_name_for_testing_truncation_some_c_eaaf", Known: true, Converted: true}},
		{"long on an unknown dialect", standard, "oracle", Object{Kind: ForeignKey, Table: long, Columns: []string{"c"}, ColumnsKnown: true, RefTable: "p"},
			Result{Converted: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Namer{Convention: tt.conv, Dialect: tt.dialect}.Name(tt.obj)
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
