package dashboard_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mrtrack/mrtrack/internal/clients"
	"github.com/mrtrack/mrtrack/pkg/report/dashboard"
	"github.com/rogpeppe/go-internal/txtar"
)

// golden is the dashboard of the Mali data that testdata/script/report-mali.txtar
// checks the real command writes, byte for byte.
func golden(t *testing.T) []byte {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("..", "..", "..", "testdata", "script", "report-mali.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range a.Files {
		if f.Name == "report.html" {
			return f.Data
		}
	}
	t.Fatal("report-mali.txtar holds no report.html")
	return nil
}

// TestDashboardSelfContained checks the page can fetch and run nothing:
// the strict policy is in it, and it has no script, link, source or
// reference that could load anything.
func TestDashboardSelfContained(t *testing.T) {
	page := string(golden(t))
	if !strings.Contains(page, `<meta http-equiv="Content-Security-Policy" content="`+template.HTMLEscapeString(dashboard.CSP)+`">`) {
		t.Errorf("the page does not carry the policy %q", dashboard.CSP)
	}
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "src=", "href=", "@import", "url(http", "@font-face"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	for _, want := range []string{`role="img"`, "<title id=", "<desc id=", "break-inside: avoid", "@page { size: A4", "31 décembre 2024"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

// chromium runs headless Chromium on page with extra flags, and returns
// the console messages it logged and the network requests the page made.
func chromium(t *testing.T, bin, page string, flags ...string) (console []string, requests []string) {
	t.Helper()
	dir := t.TempDir()
	netlog := filepath.Join(dir, "netlog.json")
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + filepath.Join(dir, "profile"), "--enable-logging=stderr", "--v=0", "--log-net-log=" + netlog}, flags...)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append(args, "file://"+page)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(flags, " "), err, stderr.String())
	}
	for line := range strings.SplitSeq(stderr.String(), "\n") {
		if strings.Contains(line, ":CONSOLE") {
			console = append(console, line)
		}
	}
	return console, pageRequests(t, netlog)
}

// pageRequests lists the URLs the page asked for in a net log: requests
// keyed to the file:// site, not the browser's own (updates, accounts).
func pageRequests(t *testing.T, netlog string) []string {
	t.Helper()
	data, err := os.ReadFile(netlog)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Events []struct {
			Params map[string]any `json:"params"`
		} `json:"events"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		// Chromium may stop before closing the log's last bracket.
		if err = json.Unmarshal(append(bytes.TrimRight(bytes.TrimSpace(data), ","), "]}"...), &log); err != nil {
			t.Fatalf("net log: %v", err)
		}
	}
	var out []string
	for _, e := range log.Events {
		url, _ := e.Params["url"].(string)
		key, _ := e.Params["network_isolation_key"].(string)
		if url != "" && strings.HasPrefix(key, "file://") {
			out = append(out, url)
		}
	}
	return out
}

// TestDashboardInChromium renders the dashboard at desktop and phone
// widths and prints it to PDF: no console message, no request, and a page
// break before every section.
func TestDashboardInChromium(t *testing.T) {
	bin := clients.Path(t, "chromium", "chromium-browser")
	pdfinfo := clients.Path(t, "pdfinfo")
	pdftotext := clients.Path(t, "pdftotext")
	dir := t.TempDir()
	if d := os.Getenv("MRTRACK_SHOTS"); d != "" { // to look at them
		dir = d
	}
	page := filepath.Join(dir, "report.html")
	html := golden(t)
	if err := os.WriteFile(page, html, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, run := range []struct{ name, size string }{{"desktop", "1280,2000"}, {"phone", "390,2400"}} {
		png := filepath.Join(dir, run.name+".png")
		console, requests := chromium(t, bin, page, "--window-size="+run.size, "--screenshot="+png)
		if len(console) > 0 || len(requests) > 0 {
			t.Errorf("%s: console %q, requests %q", run.name, console, requests)
		}
		if fi, err := os.Stat(png); err != nil || fi.Size() < 10000 {
			t.Errorf("%s: no screenshot (%v)", run.name, err)
		}
	}
	pdf := filepath.Join(dir, "report.pdf")
	console, requests := chromium(t, bin, page, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
	if len(console) > 0 || len(requests) > 0 {
		t.Errorf("pdf: console %q, requests %q", console, requests)
	}
	out, err := exec.Command(pdfinfo, pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo says no page count:\n%s", out)
	}
	pages, _ := strconv.Atoi(string(m[1]))
	titles := regexp.MustCompile(`<h2 id="[a-z]+-h">([^<]+)</h2>`).FindAllSubmatch(html, -1)
	// Each section starts a page; the action list, the longest, takes a
	// few (at most 6 for the 34 actions).
	if pages < len(titles) || pages > len(titles)+6 {
		t.Errorf("the PDF has %d pages for %d sections", pages, len(titles))
	}
	// Every section after the first begins a page.
	starts := map[string]bool{}
	for p := 1; p <= pages; p++ {
		text, err := exec.Command(pdftotext, "-f", fmt.Sprint(p), "-l", fmt.Sprint(p), "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(strings.TrimSpace(string(text)), "\n")
		starts[strings.TrimSpace(first)] = true
	}
	for _, ti := range titles[1:] {
		title := strings.ReplaceAll(string(ti[1]), "&#39;", "'")
		if !starts[title] {
			t.Errorf("section %q does not start a page of the PDF", title)
		}
	}
}

// TestChromiumChecksCanFail runs the same checks on two broken pages: one
// that tries to load an image (blocked by the policy: a console message),
// and one without the policy that loads it (a request).
func TestChromiumChecksCanFail(t *testing.T) {
	bin := clients.Path(t, "chromium", "chromium-browser")
	dir := t.TempDir()
	html := string(golden(t))
	img := `<img src="http://127.0.0.1:9/x.png" alt="">`
	blocked := filepath.Join(dir, "blocked.html")
	open := filepath.Join(dir, "open.html")
	os.WriteFile(blocked, []byte(strings.Replace(html, "<main>", "<main>"+img, 1)), 0o644)
	os.WriteFile(open, []byte("<!DOCTYPE html><html><body>"+img+"</body></html>"), 0o644)
	shot := "--screenshot=" + filepath.Join(dir, "x.png")
	if console, _ := chromium(t, bin, blocked, shot); len(console) == 0 {
		t.Error("a blocked image logged no console message")
	}
	if _, requests := chromium(t, bin, open, shot); len(requests) != 1 {
		t.Errorf("an image without the policy: requests %q, want the image", requests)
	}
}
