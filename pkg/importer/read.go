package importer

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Limits bound what a reader takes in, so that no source file, however
// hostile, holds unbounded memory: a record file is at most 2 MiB
// (store.DefaultLimits), and no cell worth importing comes near these.
const (
	// MaxSourceSize is the largest file import reads: a Word document
	// with pictures is larger than any record.
	MaxSourceSize = 64 << 20
	// MaxUnzipped is the most a workbook may unpack to (a zip bomb stops
	// here).
	MaxUnzipped = 128 << 20
	// MaxCell is the longest text a cell may hold, in bytes.
	MaxCell = 256 << 10
	// MaxRows and MaxColumns bound a sheet or CSV file: a management
	// response has tens of rows and a dozen columns.
	MaxRows    = 20_000
	MaxColumns = 200
)

// Formats are the source formats import reads, by file extension.
var Formats = []string{".docx", ".xlsx", ".csv"}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") // .doc, .xls (and encrypted OOXML)
)

// Read reads a management response from a source file of size bytes,
// choosing the reader by the file's extension and checking that its
// content is what the extension says. Every problem with the file is a
// *SourceError.
func Read(name string, r io.ReaderAt, size int64, o Options) (*Draft, error) {
	ext := strings.ToLower(filepath.Ext(name))
	if size == 0 {
		return nil, &SourceError{File: name, Msg: "the file is empty", Hint: "export the management response again; the file holds nothing"}
	}
	if size > MaxSourceSize {
		return nil, &SourceError{File: name, Msg: "the file is larger than the " + sizeName(MaxSourceSize) + " import reads", Hint: "remove pictures and attachments, or export the table alone"}
	}
	head := make([]byte, 8)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, oleMagic):
		return nil, &SourceError{File: name, Msg: "an Office 97-2003 document (.doc, .xls) or a password-protected file", Hint: "open it and save it as .docx or .xlsx without a password"}
	case ext == ".docx" || ext == ".xlsx":
		if !bytes.HasPrefix(head, zipMagic) {
			return nil, &SourceError{File: name, Msg: "not a " + ext + " file: it is not a zip archive, as Office files are", Hint: "check the file; save it again from Word or Excel as " + ext}
		}
		if ext == ".docx" {
			return ReadDocx(name, r, size, o)
		}
		return ReadSheet(name, r, size, o)
	case ext == ".csv" || ext == ".txt" && !bytes.HasPrefix(head, zipMagic):
		return ReadCSV(name, io.NewSectionReader(r, 0, size), o)
	}
	return nil, &SourceError{File: name, Msg: "import reads " + strings.Join(Formats, ", ") + " files, not " + kindOfName(ext), Hint: "save the management response as .docx (Word), .xlsx (Excel) or .csv"}
}

func kindOfName(ext string) string {
	if ext == "" {
		return "a file without an extension"
	}
	return ext
}

func sizeName(n int64) string { return fmt.Sprintf("%d MiB", n>>20) }
