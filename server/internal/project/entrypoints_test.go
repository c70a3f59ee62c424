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
		{"an entry named migrations", "setup.py", "setup(name='p', entry_points={'gn_module': ['code = p:CODE', 'migrations = p:migrations']})\n", "gn_module"},
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

func TestHistoryEntryPointReader(t *testing.T) {
	tests := []struct{ name, code, want string }{
		{"group alembic", "for ep in entry_points(group=\"alembic\", name=\"migrations\"):\n    add(ep.value)\n", "alembic"},
		{"select", "eps = entry_points().select(group=\"quetz.migrations\")\n", "quetz.migrations"},
		{"an entry named migrations", "for ep in iter_entry_points('gn_module', name = 'migrations'):\n    pass\n", "gn_module"},
		{"other groups", "entry_points(group=\"console_scripts\")\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			for name, content := range map[string]string{"app/db/alembic/env.py": "", "app/db/alembic/versions/a1.py": "", "app/db/app.py": tt.code} {
				p := filepath.Join(root, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			p := &Project{Root: root}
			if got := p.HistoryEntryPointReader(ScriptDir{Location: filepath.Join(root, "app", "db", "alembic")}); got != tt.want {
				t.Errorf("HistoryEntryPointReader = %q, want %q", got, tt.want)
			}
		})
	}
}
