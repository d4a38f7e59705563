package edit

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Field is one key and value of a mapping to add.
type Field struct {
	Key   string
	Value Value
}

// Append adds a mapping made of fields at the end of the list under key in
// the block mapping m. When m has no such key, or holds an empty [], the
// list is written out in block style, placed after the last key of order
// that precedes it.
func (d *Doc) Append(m *yaml.Node, key string, fields []Field, order []string) error {
	if m.Style&yaml.FlowStyle != 0 {
		return fmt.Errorf("line %d is written in flow style {…}; run mrtrack fmt on the file first", m.Line)
	}
	keyIndent := keyColumn(m)
	_, list := entry(m, key)
	switch {
	case list == nil:
		item, err := d.item(fields, keyIndent+2)
		if err != nil {
			return err
		}
		d.addEntry(m, key, order, key+":"+item)
	case list.Kind != yaml.SequenceNode:
		return fmt.Errorf("line %d: %s is not a list", list.Line, key)
	case len(list.Content) == 0:
		start, end, err := d.extent(list, keyIndent)
		if err != nil {
			return err
		}
		item, err := d.item(fields, keyIndent+2)
		if err != nil {
			return err
		}
		// "key: [] # c" becomes "key: # c" followed by the block list.
		for start > 0 && d.src[start-1] == ' ' {
			start--
		}
		comment := bytes.TrimRight(d.src[end:d.lineEnd(end)], " \t")
		stop := start + len(d.src[start:end]) + len(comment)
		d.edits = append(d.edits, splice{start, stop, string(comment) + item + d.finalBreak(stop)})
	case list.Style&yaml.FlowStyle != 0:
		return fmt.Errorf("line %d: %s is written in flow style [...]; run mrtrack fmt on the file first", list.Line, key)
	default:
		last := list.Content[len(list.Content)-1]
		dash, err := d.dashColumn(last)
		if err != nil {
			return err
		}
		_, end, err := d.extent(last, dash)
		if err != nil {
			return err
		}
		item, err := d.item(fields, dash)
		if err != nil {
			return err
		}
		at := d.lineEnd(end)
		d.edits = append(d.edits, splice{at, at, item + d.finalBreak(at)})
	}
	return nil
}

// dashColumn is the indentation of the "-" that opens a list item.
func (d *Doc) dashColumn(item *yaml.Node) (int, error) {
	if item.Line < 1 || item.Line > len(d.lines) {
		return 0, fmt.Errorf("line %d: the list item is not where the file says; run mrtrack fmt on the file first", item.Line)
	}
	start := d.lines[item.Line-1].start
	line := d.src[start:d.offset(item.Line, item.Column)]
	i := bytes.LastIndexByte(line, '-')
	if i < 0 || len(bytes.TrimLeft(line[:i], " ")) != 0 {
		return 0, fmt.Errorf("line %d: the list item does not start its line with '- '; run mrtrack fmt on the file first", item.Line)
	}
	return i, nil
}

// item writes one list item, each line preceded by a line break, its dash
// at indent.
func (d *Doc) item(fields []Field, indent int) (string, error) {
	var b strings.Builder
	for i, f := range fields {
		prefix := strings.Repeat(" ", indent+2)
		if i == 0 {
			prefix = strings.Repeat(" ", indent) + "- "
		}
		text, err := f.Value.render(indent+2, d.nl)
		if err != nil {
			return "", err
		}
		b.WriteString(d.nl + prefix + f.Key + ": " + text)
	}
	return b.String(), nil
}
