package pymodule

import (
	"os"
	"path/filepath"
	"testing"
)

// tree writes files below a temporary directory holding .git (the repository root).
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	files[".git/HEAD"] = "ref: refs/heads/main\n"
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestImport(t *testing.T) {
	root := tree(t, map[string]string{
		"src/app/__init__.py": "",
		"src/app/db/__init__.py": `from .base import Base, db
from .models import *
`,
		"src/app/db/base.py": `from sqlalchemy.orm import declarative_base, sessionmaker
from flask_sqlalchemy import SQLAlchemy
import sqlalchemy as sa

Base = declarative_base()
db = SQLAlchemy()
Session = sessionmaker()
metadata = sa.MetaData()
`,
		"src/app/db/models.py": `import enum
from sqlalchemy import TypeDecorator, String, Table, Column, Integer
from sqlalchemy.orm import DeclarativeBase
from pydantic import BaseModel
from .base import Base, db

PREFIX_LENGTH = 8


class Status(str, enum.Enum):
    A = "a"


class RichStatus(Status):
    pass


class GUID(TypeDecorator):
    impl = String


class User(Base):
    __tablename__ = "users"

    @staticmethod
    def parent_keys(key):
        return key.split(".")


class Group(db.Model):
    pass


class Mixin:
    pass


class Admin(User, Mixin):
    pass


class Settings(BaseModel):
    pass


class Base2(DeclarativeBase):
    pass


class Thing(Base2):
    name = Column(String)


assoc = Table("assoc", Base.metadata, Column("id", Integer))


def helper(op):
    pass
`,
		"src/app/migrations/versions/0001_x.py": "",
		"src/app/sqlmodels.py": `from sqlmodel import SQLModel, Field


class Hero(SQLModel, table=True):
    id: int = Field(primary_key=True)


class HeroRead(SQLModel):
    id: int
`,
	})
	from := filepath.Join(root, "src/app/migrations/versions/0001_x.py")
	r := NewResolver()
	cases := []struct {
		module, name string
		want         Kind
	}{
		{"app.db.models", "User", ORMModel},
		{"app.db.models", "Admin", ORMModel},
		{"app.db.models", "Group", ORMModel},
		{"app.db.models", "Thing", ORMModel},
		{"app.db.models", "Base2", ORMBase},
		{"app.db.models", "Status", Enum},
		{"app.db.models", "RichStatus", Enum},
		{"app.db.models", "GUID", ColumnType},
		{"app.db.models", "Settings", Class},
		{"app.db.models", "Mixin", Class},
		{"app.db.models", "PREFIX_LENGTH", Value},
		{"app.db.models", "helper", Function},
		{"app.db.models", "assoc", Table},
		{"app.db", "User", ORMModel}, // through a star import
		{"app.db", "Base", ORMBase},
		{"app.db", "db", FlaskDB},
		{"app.db.base", "Session", Session},
		{"app.db.base", "metadata", Metadata},
		{"app.db", "models", Module},
		{"app.db.models", "String", NotFound}, // a re-exported library name
		{"app.sqlmodels", "Hero", ORMModel},
		{"app.sqlmodels", "HeroRead", Class},
		{"fideslang.models", "Dataset", NotFound},
		{"app.db.models", "Missing", Unknown},
	}
	for _, c := range cases {
		if got := r.Import(from, c.module, c.name).Kind; got != c.want {
			t.Errorf("from %s import %s: %s, want %s", c.module, c.name, got, c.want)
		}
	}
	mod := r.Import(from, "app", "")
	if mod.Kind != Module {
		t.Fatalf("import app: %s", mod.Kind)
	}
	if d := r.Attr(r.Attr(r.Attr(mod, "db"), "models"), "GUID"); d.Kind != ColumnType {
		t.Errorf("app.db.models.GUID: %s", d.Kind)
	}
	if d := r.Import(from, "app.db.models", "User"); !d.StaticMethods["parent_keys"] {
		t.Errorf("static methods of User: %v", d.StaticMethods)
	}
	if d := r.Import(from, "app.db.models", "String"); !d.Library {
		t.Errorf("String is not marked as a library name")
	}
}

// TestNamespacePackages: a module below folders without __init__.py (PEP 420
// namespace packages, nested: backend.ai's src/ai/backend/...) is found and
// read; a dotted name that matches only folders holding no Python is not.
func TestNamespacePackages(t *testing.T) {
	root := tree(t, map[string]string{
		"src/ns/sub/app/__init__.py": "",
		"src/ns/sub/app/frozen.py": `import sqlalchemy as sa
from sqlalchemy.orm import registry

mapper_registry = registry(metadata=sa.MetaData())
`,
		"src/ns/sub/app/models.py": `from sqlalchemy.orm import declarative_base

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
`,
		"docs/guide/sub/index.md":             "",
		"migrations/versions/0001_x.py":       "",
		"migrations/versions/0002_y.py":       "",
		"migrations/versions/unrelated/a.txt": "",
	})
	from := filepath.Join(root, "migrations/versions/0001_x.py")
	r := NewResolver()
	for _, c := range []struct {
		module, name string
		want         Kind
	}{
		{"ns.sub.app.models", "User", ORMModel},
		{"ns.sub.app.frozen", "mapper_registry", Value}, // found and read: not the application's ORM
		{"ns.sub", "app", Module},
		{"guide.sub", "index", NotFound}, // folders of the same names, no Python in them
	} {
		if got := r.Import(from, c.module, c.name).Kind; got != c.want {
			t.Errorf("from %s import %s: %s, want %s", c.module, c.name, got, c.want)
		}
	}
}
