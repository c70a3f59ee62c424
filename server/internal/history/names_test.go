package history

import "testing"

// The names PostgreSQL 15 gave these constraints (ALTER TABLE ... ADD FOREIGN
// KEY / UNIQUE without a name, then pg_constraint.conname).
func TestPostgresDefaultNames(t *testing.T) {
	long := "a_table_name_that_is_really_quite_long_for_sure_yes_more_than_63_chars"
	for _, tc := range []struct{ got, want string }{
		{DefaultFKName("child", []string{"parent_id"}), "child_parent_id_fkey"},
		{DefaultFKName("kebechet_github_installations", []string{"external_software_environment_id"}),
			"kebechet_github_installations_external_software_environmen_fkey"},
		{DefaultFKName("kebechet_github_installations", []string{"a_very_long_column_name_number_one", "another_quite_long_column_name_two"}),
			"kebechet_github_installations_a_very_long_column_name_numb_fkey"},
		{DefaultUniqueName("kebechet_github_installations", []string{"a_very_long_column_name_number_one", "another_quite_long_column_name_two"}),
			"kebechet_github_installations_a_very_long_column_name_numbe_key"},
		{DefaultUniqueName("kebechet_github_installations", []string{"short"}), "kebechet_github_installations_short_key"},
		{DefaultFKName(long, []string{"x"}), "a_table_name_that_is_really_quite_long_for_sure_yes_more_x_fkey"},
		{DefaultUniqueName(long, []string{"y"}), "a_table_name_that_is_really_quite_long_for_sure_yes_more__y_key"},
		{DefaultFKName("tâble_"+long, []string{"x"}), "tâble_a_table_name_that_is_really_quite_long_for_sure_y_x_fkey"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
