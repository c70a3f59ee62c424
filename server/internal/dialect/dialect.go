// Package dialect names the SQL dialects the tool knows, as SQLAlchemy's URLs
// and the project's settings write them.
package dialect

import "strings"

// backends maps SQLAlchemy URL backend names to the dialects we know.
var backends = map[string]string{
	"postgresql": "postgresql",
	"postgres":   "postgresql", // rejected by SQLAlchemy 1.4+, still common in URLs
	"mysql":      "mysql",
	"mariadb":    "mysql",
	"sqlite":     "sqlite",
	"mssql":      "mssql",
	"oracle":     "oracle",
}

// OfBackend returns the dialect of a SQLAlchemy backend name, in any case
// ("postgres", "MariaDB"), or "" for a name it does not know.
func OfBackend(name string) string { return backends[strings.ToLower(name)] }
