package version

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestAgreesWithPlugin: the program's version is the plugin's, the number the
// release scripts tag, archive and build the wheel with.
func TestAgreesWithPlugin(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", ".claude-plugin", "plugin.json"))
	if err != nil {
		t.Fatal(err)
	}
	var manifest struct{ Version string }
	if err := json.Unmarshal(data, &manifest); err != nil {
		t.Fatal(err)
	}
	if manifest.Version != Number {
		t.Errorf("plugin.json has version %q, the program %q: change both", manifest.Version, Number)
	}
}
