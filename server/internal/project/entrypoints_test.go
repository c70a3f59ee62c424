package project

import (
	"os"
	"path/filepath"
	"testing"
)

func TestHistoryEntryPoint(t *testing.T) {
	tests := []struct {
		name, file, content, want string
	}{
		{"pyproject", "pyproject.toml", "[project]\nname = \"p\"\n\n[project.entry-points.\"invenio_db.alembic\"]\np = \"p:alembic\"\n\n" +
			"[project.entry-points.console_scripts]\np = \"p.cli:main\"\n", "invenio_db.alembic"},
		{"setup.cfg", "setup.cfg", "[metadata]\nname = p\n\n[options.entry_points]\nconsole_scripts =\n    p = p.cli:main\n" +
			"quetz.migrations =\n    p = p.migrations\n", "quetz.migrations"},
		{"setup.py", "setup.py", "setup(name='p', entry_points={\n    'console_scripts': ['p = p.cli:main'],\n" +
			"    \"quetz.migrations\": [\"p = p.migrations\"],\n})\n", "quetz.migrations"},
		{"other groups only", "pyproject.toml", "[project.entry-points.console_scripts]\np = \"p.cli:main\"\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			if err := os.MkdirAll(filepath.Join(root, "p", "alembic"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(root, tt.file), []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			p := &Project{Root: root}
			if got := p.HistoryEntryPoint(ScriptDir{Location: filepath.Join(root, "p", "alembic")}); got != tt.want {
				t.Errorf("HistoryEntryPoint = %q, want %q", got, tt.want)
			}
		})
	}
}
