// Package corpus gathers the record files tests and fuzz targets start
// from: the bundled data, every record of the end-to-end scripts (valid ones
// and the corpus of broken ones) and generated records. It is for tests only.
package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/mrtrack/mrtrack/internal/gen"
	"github.com/rogpeppe/go-internal/txtar"
)

// Records returns the records by a name that says where each came from.
// root is the repository's top folder; generated is how many generated
// recommendations to add.
func Records(root string, generated int) (map[string][]byte, error) {
	out := map[string][]byte{}
	paths, _ := filepath.Glob(filepath.Join(root, "data", "*", "*.yaml"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		out["data/"+filepath.Base(filepath.Dir(p))+"/"+filepath.Base(p)] = b
	}
	scripts, _ := filepath.Glob(filepath.Join(root, "testdata", "script", "*.txtar"))
	for _, s := range scripts {
		a, err := txtar.ParseFile(s)
		if err != nil {
			return nil, err
		}
		for _, f := range a.Files {
			if strings.HasSuffix(f.Name, ".yaml") {
				out[filepath.Base(s)+":"+f.Name] = f.Data
			}
		}
	}
	files, _ := gen.Generate(gen.Options{Seed: 3, Recommendations: generated})
	for _, f := range files {
		out["gen/"+f.Path] = f.Data
	}
	if len(paths) == 0 || len(scripts) == 0 {
		return nil, fmt.Errorf("no records under %s: are data/ and testdata/script/ where they were?", root)
	}
	return out, nil
}
