package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// fakeGH stands in for the GitHub CLI in the scripts: it keeps the issues
// of one repository in $GH_FAKE_DIR/issues.json and appends each call,
// with the body it was given on stdin, to $GH_FAKE_DIR/calls.log, so a
// script can check exactly which calls mrtrack made. It knows the issue
// subcommands mrtrack issues uses and fails on anything else.
func fakeGH() int {
	dir := os.Getenv("GH_FAKE_DIR")
	if dir == "" {
		fmt.Fprintln(os.Stderr, "fake gh: set GH_FAKE_DIR")
		return 1
	}
	args := os.Args[1:]
	type issue struct {
		Number int    `json:"number"`
		Title  string `json:"title"`
		Body   string `json:"body"`
		State  string `json:"state"`
	}
	var issues []issue
	state := filepath.Join(dir, "issues.json")
	if b, err := os.ReadFile(state); err == nil {
		if err := json.Unmarshal(b, &issues); err != nil {
			fmt.Fprintln(os.Stderr, "fake gh:", err)
			return 1
		}
	}
	flag := func(name string) (string, bool) {
		for i, a := range args {
			if a == name && i+1 < len(args) {
				return args[i+1], true
			}
		}
		return "", false
	}
	logLine := "gh " + quoteArgs(args) + "\n"
	body := ""
	if f, _ := flag("--body-file"); f == "-" {
		b, _ := io.ReadAll(os.Stdin)
		body = string(b)
		for _, l := range strings.Split(strings.TrimSuffix(body, "\n"), "\n") {
			logLine += "  | " + l + "\n"
		}
	}
	log, err := os.OpenFile(filepath.Join(dir, "calls.log"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fake gh:", err)
		return 1
	}
	log.WriteString(logLine)
	log.Close()
	find := func() *issue {
		n, _ := strconv.Atoi(args[2])
		for i := range issues {
			if issues[i].Number == n {
				return &issues[i]
			}
		}
		return nil
	}
	if len(args) < 2 || args[0] != "issue" {
		fmt.Fprintf(os.Stderr, "fake gh: unknown command %q\n", args)
		return 1
	}
	switch args[1] {
	case "list":
		if issues == nil {
			issues = []issue{}
		}
		b, _ := json.Marshal(issues)
		fmt.Println(string(b))
		return 0
	case "create":
		title, _ := flag("--title")
		issues = append(issues, issue{Number: len(issues) + 1, Title: title, Body: body, State: "OPEN"})
		fmt.Printf("https://github.com/office/records/issues/%d\n", len(issues))
	case "edit", "close", "reopen":
		i := find()
		if i == nil {
			fmt.Fprintf(os.Stderr, "fake gh: no issue %q\n", args[2])
			return 1
		}
		switch args[1] {
		case "edit":
			i.Title, _ = flag("--title")
			i.Body = body
		case "close":
			i.State = "CLOSED"
		case "reopen":
			i.State = "OPEN"
		}
	default:
		fmt.Fprintf(os.Stderr, "fake gh: unknown command %q\n", args)
		return 1
	}
	b, _ := json.MarshalIndent(issues, "", "  ")
	if err := os.WriteFile(state, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "fake gh:", err)
		return 1
	}
	return 0
}

// quoteArgs writes args as a shell would read them back.
func quoteArgs(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = a
		if a == "" || strings.ContainsAny(a, " '\"$\\;&|<>()*?") {
			out[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
	}
	return strings.Join(out, " ")
}
