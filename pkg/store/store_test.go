package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/finding"
)

func TestDataDir(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{".git", "data", "sub/deep", "other"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	sub := filepath.Join(root, "sub", "deep")
	tests := []struct {
		name, flag, env, cwd, want string
	}{
		{"flag wins", "../../other", "x", sub, filepath.Join(root, "other")},
		{"env next", "", filepath.Join(root, "other"), sub, filepath.Join(root, "other")},
		{"git root", "", "", sub, filepath.Join(root, "data")},
	}
	for _, tt := range tests {
		got, err := DataDir(tt.flag, tt.env, tt.cwd)
		if err != nil || got != tt.want {
			t.Errorf("%s: DataDir = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
	if _, err := DataDir("", "", filepath.Join(root, "..")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing ./data: err = %v", err)
	}
}

func TestReadLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "rec-01.yaml")
	if err := os.WriteFile(p, make([]byte, 1001), 0o644); err != nil {
		t.Fatal(err)
	}
	var tl ErrTooLarge
	if _, err := Read(p, 1000); !errors.As(err, &tl) {
		t.Errorf("Read over the limit: err = %v, want ErrTooLarge", err)
	}
	if b, err := Read(p, 1001); err != nil || len(b) != 1001 {
		t.Errorf("Read at the limit: %d bytes, %v", len(b), err)
	}
}

func TestDiscoverMaxFiles(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.yaml", "b.yml", "c.yaml", "d.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, fs, err := Discover([]string{"."}, dir, Limits{MaxFileSize: 10, MaxFiles: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Path != "a.yaml" || files[1].Path != "b.yml" {
		t.Errorf("files = %+v", files)
	}
	if len(fs) != 1 || fs[0].Rule != finding.RuleTooManyFiles || fs[0].File != "c.yaml" {
		t.Errorf("findings = %+v", fs)
	}
}
