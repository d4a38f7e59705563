// Package export writes an evaluation's management response as a
// document for people who do not use mrtrack: today the UNHCR management
// response template as a Word (.docx) file. It reads typed records and
// writes bytes to an io.Writer; it never touches the disk or the clock
// (the command writes the file through pkg/edit and passes the day in).
package export
