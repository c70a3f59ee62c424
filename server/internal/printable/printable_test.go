package printable

import "testing"

func TestText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain\ttext\n", "plain\ttext\n"},
		{"\x1b[31mFAILED:\x1b[0m no", "FAILED: no"},
		{"\x1b]0;owned\x07title", "title"},
		{"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"\x1b[2J\x1b[Hcleared", "cleared"},
		{"bell\x07 nul\x00 del\x7f c1\u0085 csi\u009b31m.", "bell nul del c1 csi."},
		{"bin\xff\xfe\xfdary", "bin\uFFFDary"},
		{"progress 10%\rprogress 100%\r\n", "progress 10%\nprogress 100%\n"},
		{"\x1b(Bcharset", "charset"},
		{"trailing\x1b", "trailing"},
		{"é ü ✓", "é ü ✓"},
	} {
		if got := Text(c.in); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
