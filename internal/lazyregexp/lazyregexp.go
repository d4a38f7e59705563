// Package lazyregexp is a regexp compiled on first use, for the
// expressions packages keep at top level: compiled in init, every command
// would pay for every package's expressions at start, used or not (as
// cmd/go's internal/lazyregexp, after which it is made).
package lazyregexp

import (
	"os"
	"regexp"
	"strings"
	"sync"
)

// Regexp is a *regexp.Regexp compiled the first time one of its methods
// is called. It is safe for concurrent use.
type Regexp struct {
	re func() *regexp.Regexp
}

// New returns expr, to be compiled on first use. In a test binary it is
// compiled at once, so a bad expression fails every test that loads the
// package, as regexp.MustCompile would.
func New(expr string) *Regexp {
	r := &Regexp{re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })}
	if inTest {
		r.re()
	}
	return r
}

var inTest = strings.HasSuffix(os.Args[0], ".test")

func (r *Regexp) MatchString(s string) bool { return r.re().MatchString(s) }

func (r *Regexp) FindStringSubmatch(s string) []string { return r.re().FindStringSubmatch(s) }

func (r *Regexp) FindAllStringIndex(s string, n int) [][]int { return r.re().FindAllStringIndex(s, n) }

func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.re().FindAllStringSubmatchIndex(s, n)
}

func (r *Regexp) ReplaceAllString(src, repl string) string { return r.re().ReplaceAllString(src, repl) }

func (r *Regexp) Split(s string, n int) []string { return r.re().Split(s, n) }
