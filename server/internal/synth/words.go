package synth

// Word pools used to build realistic table, column and message names.
// Every word is a valid, unreserved PostgreSQL identifier, so generated
// raw SQL (op.execute) never needs quoting.

// tableNouns are plural nouns; tables are named noun or prefix_noun.
var tableNouns = []string{
	"users", "organizations", "projects", "invoices", "orders", "products",
	"customers", "accounts", "payments", "subscriptions", "teams", "members",
	"roles", "permissions", "comments", "posts", "articles", "tags", "categories",
	"addresses", "shipments", "warehouses", "suppliers", "contracts", "tickets",
	"messages", "notifications", "devices", "sessions", "tokens", "webhooks",
	"events", "reports", "dashboards", "widgets", "documents", "attachments",
	"folders", "tasks", "milestones", "releases", "deployments", "environments",
	"clusters", "nodes", "jobs", "schedules", "alerts", "incidents", "audits",
	"credits", "coupons", "discounts", "refunds", "ledgers", "transfers",
	"vendors", "campaigns", "segments", "experiments", "feedbacks", "surveys",
	"answers", "questions", "lessons", "courses", "enrollments", "grades",
	"bookings", "rooms", "venues", "tickets_sold", "playlists", "tracks",
	"albums", "artists", "reviews", "ratings", "favorites", "bookmarks",
	"licenses", "quotas", "plans", "features", "flags", "settings_groups",
}

// tablePrefixes qualify nouns once the plain nouns are used up.
var tablePrefixes = []string{
	"user", "org", "project", "billing", "invoice", "order", "product", "team",
	"account", "payment", "audit", "api", "admin", "shop", "crm", "hr", "sales",
	"support", "content", "media", "search", "report", "sync", "import",
	"export", "legacy", "archive", "partner", "mobile", "web",
}

// singular maps a table name to the stem used for foreign key columns.
func singular(table string) string {
	switch {
	case len(table) > 4 && table[len(table)-3:] == "ies":
		return table[:len(table)-3] + "y"
	case len(table) > 4 && (table[len(table)-4:] == "sses" || table[len(table)-4:] == "ches"):
		return table[:len(table)-2]
	case len(table) > 2 && table[len(table)-1] == 's':
		return table[:len(table)-1]
	}
	return table
}

var stringCols = []string{
	"name", "title", "email", "slug", "code", "label", "full_name", "display_name",
	"first_name", "last_name", "phone", "country_code", "currency", "locale",
	"timezone", "external_ref", "sku", "username", "url", "domain", "state_text",
	"kind", "source", "channel", "reference", "short_name", "nickname", "city",
	"zip_code", "vat_number", "color", "icon", "provider", "category_code",
}

var textCols = []string{
	"description", "notes", "body", "summary", "comment_text", "details",
	"bio", "content", "instructions", "reason",
}

var boolCols = []string{
	"is_active", "is_deleted", "is_public", "is_verified", "archived", "enabled",
	"is_default", "is_admin", "visible", "locked", "is_featured", "needs_review",
}

var dateCols = []string{
	"updated_at", "deleted_at", "published_at", "expires_at", "started_at",
	"finished_at", "last_login_at", "verified_at", "due_at", "archived_at",
	"sent_at", "scheduled_at",
}

var intCols = []string{
	"position", "quantity", "priority", "attempts", "version_number",
	"sort_order", "retry_count", "max_items", "rank", "score", "views",
	"duration_seconds", "capacity", "level",
}

var numericCols = []string{
	"amount", "price", "balance", "total", "tax_rate", "discount",
	"weight", "cost", "fee", "latitude", "longitude", "ratio",
}

var jsonCols = []string{
	"extra_data", "settings", "payload", "attributes", "config", "meta_info",
	"options", "context",
}

var uuidCols = []string{
	"external_id", "public_id", "tracking_id", "correlation_id", "request_uuid",
}

// renameTargets are alternative names used by rename revisions.
var renameSuffixes = []string{"_old", "_legacy", "_v2", "_value", "_raw"}

var enumValueSets = [][]string{
	{"draft", "published", "archived"},
	{"pending", "active", "suspended", "closed"},
	{"low", "medium", "high", "critical"},
	{"queued", "running", "succeeded", "failed"},
	{"open", "in_progress", "resolved"},
	{"owner", "admin", "member", "viewer"},
	{"monthly", "yearly"},
	{"email", "sms", "push"},
}

var enumColNames = []string{"status", "state", "role", "priority_level", "frequency", "visibility", "channel_kind"}

var genericMessages = []string{
	"empty message", "wip", "schema changes", "update models", "sync models",
	"misc schema fixes", "add fields", "cleanup",
}
