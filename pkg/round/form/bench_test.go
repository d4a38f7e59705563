package form

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mrtrack/mrtrack/pkg/civil"
	"github.com/mrtrack/mrtrack/pkg/model"
)

// bigForm is a form of n items with paragraphs of progress, as a unit
// owning many actions would get.
func bigForm(n int) *Form {
	f := &Form{Round: "q1", Owner: "Protection", Language: "fr", Due: civil.New(2025, 1, 31)}
	for i := range n {
		f.Items = append(f.Items, Item{
			ID: fmt.Sprintf("E-1/R%d.%d", i/10+1, i%10+1), Recommendation: "R1 " + strings.Repeat("Renforcer le suivi. ", 10),
			Title: strings.Repeat("Former les équipes. ", 5), Due: "2025-12-31", Status: model.InProgress,
			Progress: strings.Repeat("Atelier tenu avec les partenaires. ", 20), Updated: civil.New(2024, 11, 30),
		})
	}
	return f
}

// go test -run '^$' -bench . -benchmem ./pkg/round/form
func BenchmarkWriteXLSX(b *testing.B) {
	f := bigForm(200)
	for b.Loop() {
		if _, err := XLSX(f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadXLSX(b *testing.B) {
	f := bigForm(200)
	data, err := XLSX(f)
	if err != nil {
		b.Fatal(err)
	}
	check := Check{Language: "fr", Day: civil.New(2025, 1, 20),
		Sent:    func(id string) (string, bool) { return "", true },
		Current: func(id string) (Item, bool) { return f.Items[0], true }}
	for b.Loop() {
		ret, fs := Read("f.xlsx", data)
		if ret == nil {
			b.Fatal(fs)
		}
		ret.Updates(check)
	}
}

func BenchmarkReadCSV(b *testing.B) {
	data := CSV(bigForm(200))
	for b.Loop() {
		if ret, fs := Read("f.csv", data); ret == nil {
			b.Fatal(fs)
		}
	}
}
