package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// ajvPackages are what a team validating YAML against a JSON schema would
// install from npm; the versions are pinned so runs compare.
var ajvPackages = []string{"ajv-cli@5.0.0", "ajv-formats@3.0.1"}

// defaultAjvDir keeps ajv-cli between runs, so only the first one needs
// the npm registry.
func defaultAjvDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "mrtrack-bench", "ajv")
}

// ajv returns the command line that runs ajv-cli, installing it into dir
// with npm when it is not there yet.
func ajv(dir string) ([]string, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("ajv-cli needs Node.js: %v (or pass -no-ajv)", err)
	}
	script := filepath.Join(dir, "node_modules", "ajv-cli", "dist", "index.js")
	if _, err := os.Stat(script); err != nil {
		npm, err := exec.LookPath("npm")
		if err != nil {
			return nil, fmt.Errorf("installing ajv-cli needs npm: %v (or pass -no-ajv)", err)
		}
		fmt.Fprintf(os.Stderr, "mrbench: installing %v into %s\n", ajvPackages, dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		args := append([]string{"install", "--prefix", dir, "--no-audit", "--no-fund", "--loglevel=error"}, ajvPackages...)
		cmd := exec.Command(npm, args...)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("npm install %v: %v", ajvPackages, err)
		}
	}
	return []string{node, script}, nil
}

// ajvValidate is the two ajv-cli runs that check a data folder: the
// recommendation files against one schema, the evaluation files against
// the other. ajv-cli expands the globs itself and compiles each schema once.
func ajvValidate(ajv []string, root, data string) [][]string {
	run := func(schema, glob string) []string {
		return append(append([]string{}, ajv...), "validate", "--spec=draft7", "--strict=false", "-c", "ajv-formats",
			"-s", filepath.Join(root, "schema", schema), "-d", filepath.Join(data, "*", glob), "--errors=line")
	}
	return [][]string{run("recommendation.schema.json", "rec-*.yaml"), run("evaluation.schema.json", "evaluation.yaml")}
}
