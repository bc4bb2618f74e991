// Package hclcol counts columns the way HCL does: 1 plus the number of
// grapheme clusters before a position on its line, so that ranges built
// from byte offsets agree with the ones HCL's parser reports.
package hclcol

import (
	"bytes"

	"github.com/hashicorp/hcl/v2"
)

// bom is the UTF-8 byte order mark, which HCL does not count as a column.
var bom = []byte("\uFEFF")

// Pos is the position of byte offset at (clamped to src) in src.
func Pos(src []byte, at int) hcl.Pos {
	at = max(0, min(at, len(src)))
	lineStart := bytes.LastIndexByte(src[:at], '\n') + 1
	line := src[lineStart:at]
	if lineStart == 0 {
		line = bytes.TrimPrefix(line, bom)
	}
	return hcl.Pos{Line: 1 + bytes.Count(src[:at], []byte{'\n'}), Column: Column(line), Byte: at}
}

// Column is the 1-based column of the position just after line, the bytes
// from the start of a line up to the position.
func Column(line []byte) int {
	n := 1
	for len(line) > 0 {
		adv, _, err := scanGraphemeClusters(line, true)
		if err != nil || adv <= 0 {
			adv = 1
		}
		line = line[min(adv, len(line)):]
		n++
	}
	return n
}
