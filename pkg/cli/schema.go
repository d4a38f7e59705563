package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/mrtrack/mrtrack/pkg/validate"

	"github.com/mrtrack/mrtrack/schema"
	"github.com/spf13/cobra"
)

// schemaFiles are the embedded schemas by kind, with the file names that
// the records' modelines point at.
var schemaFiles = []struct {
	kind, file string
	data       []byte
}{
	{"evaluation", "evaluation.schema.json", schema.Evaluation},
	{"recommendation", "recommendation.schema.json", schema.Recommendation},
	{"owners", validate.OwnersSchemaFile, schema.Owners},
	{"round", "round.schema.json", schema.Round},
}

type schemaOptions struct {
	kind string // the schema to print; "" with dir
	dir  string // write every schema here
}

func newSchemaCmd(env *Env) *cobra.Command {
	return newSchemaCmdRun(env, runSchema)
}

// newSchemaCmdRun builds schema with run as its body, so tests can check
// the arguments without writing anything.
func newSchemaCmdRun(env *Env, run func(*Env, *schemaOptions) error) *cobra.Command {
	opts := &schemaOptions{}
	cmd := &cobra.Command{
		Use:   "schema evaluation|recommendation|owners|round",
		Short: "Print the JSON schema of a record file, for editors and pinning",
		Long: `Print the JSON schema that validate checks a record file against: the
schema of evaluation.yaml, that of rec-NN.yaml, that of the data folder's
owners.yaml, or that of an update round's rounds/NAME.yaml. They are the
schemas built into this mrtrack, so a team can keep a copy beside its data
that matches the version it runs, and point editors at it.

With --dir, write all four into DIR as evaluation.schema.json,
recommendation.schema.json, owners.schema.json and round.schema.json, the
names the files' first line refers to:

  # yaml-language-server: $schema=../../schema/recommendation.schema.json

Exit status: 0, 2 for a usage error, 3 if DIR cannot be written.`,
		Example: `  mrtrack schema recommendation
  mrtrack schema --dir schema`,
		ValidArgs: []string{"evaluation", "recommendation", "owners", "round"},
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case opts.dir != "" && len(args) > 0:
				return usage("give a schema name or --dir, not both")
			case opts.dir != "":
				return run(env, opts)
			case len(args) != 1:
				return usage("name the schema to print, evaluation, recommendation, owners or round, or pass --dir DIR to write them all")
			}
			if schemaOf(args[0]) == nil {
				return usage("unknown schema %q: use evaluation, recommendation, owners or round", args[0])
			}
			opts.kind = args[0]
			return run(env, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.dir, "dir", "d", "", "write every schema into `DIR` (created if missing)")
	cmd.MarkFlagDirname("dir")
	return cmd
}

func runSchema(env *Env, opts *schemaOptions) error {
	if opts.dir != "" {
		return writeSchemas(env, opts.dir)
	}
	if _, err := env.Stdout.Write(schemaOf(opts.kind)); err != nil {
		return cannotRun(fmt.Errorf("cannot write the output: %w", err))
	}
	return nil
}

// schemaOf returns the embedded schema of kind, or nil.
func schemaOf(kind string) []byte {
	for _, s := range schemaFiles {
		if s.kind == kind {
			return s.data
		}
	}
	return nil
}

func writeSchemas(env *Env, dir string) error {
	abs := env.abs(dir)
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return cannotRun(err)
	}
	names := make([]string, len(schemaFiles))
	for i, s := range schemaFiles {
		if err := os.WriteFile(filepath.Join(abs, s.file), s.data, 0o644); err != nil {
			return cannotRun(err)
		}
		names[i] = s.file
	}
	fmt.Fprintf(env.Stderr, "mrtrack: wrote %s and %s to %s\n", strings.Join(names[:len(names)-1], ", "), names[len(names)-1], dir)
	return nil
}
