package edit

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Remove takes key and its value out of the block mapping m: the lines
// from the key's to the value's last, with the line break before them, so
// a key added after the removed one (Set) lands where it stood. Comment
// lines above the key stay. A key m does not hold is left alone.
func (d *Doc) Remove(m *yaml.Node, key string) error {
	if m.Style&yaml.FlowStyle != 0 {
		return fmt.Errorf("line %d is written in flow style {…}; run mrtrack fmt on the file first", m.Line)
	}
	k, v := entry(m, key)
	if k == nil {
		return nil
	}
	if len(m.Content) == 2 {
		return fmt.Errorf("line %d: %s is the only key of its mapping and cannot be removed", k.Line, key)
	}
	if k.Line < 1 || k.Line > len(d.lines) {
		return fmt.Errorf("line %d: the key is not where the file says; run mrtrack fmt on the file first", k.Line)
	}
	line := d.lines[k.Line-1]
	if len(bytes.Trim(d.src[line.start:d.offset(k.Line, k.Column)], " ")) != 0 {
		return fmt.Errorf("line %d: %s opens a list item; run mrtrack fmt on the file first", k.Line, key)
	}
	_, end, err := d.extent(v, keyColumn(m))
	if err != nil {
		return err
	}
	start, end := line.start, d.lineEnd(end)
	switch i := d.lineAt(line.start); {
	case i > 0:
		start = d.lines[i-1].end
	case d.lineAt(end)+1 < len(d.lines):
		end = d.lines[d.lineAt(end)+1].start
	}
	d.edits = append(d.edits, splice{start, end, ""})
	return nil
}

// SetMapping gives key in the block mapping m the mapping made of fields,
// in order: a mapping already there keeps its comments, has each field
// set in place (Set) and loses the keys fields do not name; a missing one
// is written out in block style, placed as Set places a new key.
func (d *Doc) SetMapping(m *yaml.Node, key string, fields []Field, order []string) error {
	if m.Style&yaml.FlowStyle != 0 {
		return fmt.Errorf("line %d is written in flow style {…}; run mrtrack fmt on the file first", m.Line)
	}
	keyIndent := keyColumn(m)
	_, old := entry(m, key)
	if old == nil {
		var b strings.Builder
		b.WriteString(key + ":")
		for _, f := range fields {
			text, err := f.Value.render(keyIndent+2, d.nl)
			if err != nil {
				return err
			}
			b.WriteString(d.nl + strings.Repeat(" ", keyIndent+2) + f.Key + ": " + text)
		}
		d.addEntry(m, key, order, b.String())
		return nil
	}
	if old.Kind != yaml.MappingNode || len(old.Content) == 0 {
		return fmt.Errorf("line %d: %s holds a %s, not a mapping", old.Line, key, kindName(old))
	}
	if old.Style&yaml.FlowStyle != 0 {
		return fmt.Errorf("line %d: %s is written in flow style {…}; run mrtrack fmt on the file first", old.Line, key)
	}
	var keys []string
	for _, f := range fields {
		keys = append(keys, f.Key)
	}
	for i := 0; i+1 < len(old.Content); i += 2 {
		if k := old.Content[i].Value; !slices.Contains(keys, k) {
			if err := d.Remove(old, k); err != nil {
				return err
			}
		}
	}
	for _, f := range fields {
		if err := d.Set(old, f.Key, f.Value, keys); err != nil {
			return err
		}
	}
	return nil
}
