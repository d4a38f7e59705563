package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// parseMain is the floor: walk DIR, read every *.yaml file and parse it
// with yaml.v3 into nodes, on GOMAXPROCS workers, and nothing else. It does
// what mrtrack validate cannot do without, so validate's time over it is
// the cost of everything mrtrack adds.
func parseMain(args []string) int {
	if len(args) != 1 {
		return fail(2, "usage: mrbench parse DIR")
	}
	files, err := yamlFiles(args[0])
	if err != nil {
		return fail(3, "%v", err)
	}
	if err := eachFile(files, func(p string) error {
		data, err := os.ReadFile(p)
		if err == nil {
			var n yaml.Node
			err = yaml.Unmarshal(data, &n)
		}
		return err
	}); err != nil {
		return fail(1, "%v", err)
	}
	fmt.Printf("%d files parsed\n", len(files))
	return 0
}

// yamlFiles lists the *.yaml files under dir.
func yamlFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && strings.HasSuffix(p, ".yaml") {
			files = append(files, p)
		}
		return nil
	})
	return files, err
}

// eachFile runs do on every file on GOMAXPROCS workers and returns the
// first error, naming its file.
func eachFile(files []string, do func(path string) error) error {
	next := make(chan string)
	errs := make([]error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := range errs {
		wg.Go(func() {
			for p := range next {
				if err := do(p); err != nil && errs[w] == nil {
					errs[w] = fmt.Errorf("%s: %w", p, err)
				}
			}
		})
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}
