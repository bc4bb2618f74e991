package spec

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Limits that keep hostile or accidental input from exhausting memory or
// time. Each one is reported as an error diagnostic naming the file and line.
const (
	MaxFileSize     = 4 << 20 // bytes per file
	MaxNestingDepth = 64      // nested braces, brackets, parentheses and interpolations
	MaxBlocks       = 10000   // blocks in one spec, nested blocks included
	MaxStringLength = 1 << 20 // bytes in one string literal or heredoc
)

// scanLimits lexes src and reports the first nesting-depth or string-length
// violation. It runs before parsing so that the recursive-descent parser
// never sees pathological nesting. It returns the tokens, which the
// suppression comments are read from (Loaded.Tokens): lexing is a third of
// the time of reading a file.
func scanLimits(src []byte, filename string) (hclsyntax.Tokens, hcl.Diagnostics) {
	tokens, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	depth := 0
	strStart := -1
	strLen := 0
	for i, tok := range tokens {
		switch tok.Type {
		case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen,
			hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			depth++
			if depth > MaxNestingDepth {
				return nil, hcl.Diagnostics{{
					Severity: hcl.DiagError,
					Summary:  "Nesting too deep",
					Detail: fmt.Sprintf("This file nests blocks, brackets or interpolations more than %d levels deep, "+
						"which teramotc refuses to read. Flatten the structure.", MaxNestingDepth),
					Subject: tok.Range.Ptr(),
				}}
			}
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenTemplateSeqEnd:
			if depth > 0 {
				depth--
			}
		case hclsyntax.TokenQuotedLit, hclsyntax.TokenStringLit:
			if strStart < 0 {
				strStart = i
				strLen = 0
			}
			strLen += len(tok.Bytes)
			if strLen > MaxStringLength {
				return nil, hcl.Diagnostics{{
					Severity: hcl.DiagError,
					Summary:  "String too long",
					Detail: fmt.Sprintf("A string in this file is longer than %d bytes, the most teramotc accepts. "+
						"Shorten it or keep the data outside the spec.", MaxStringLength),
					Subject: tokens[strStart].Range.Ptr(),
				}}
			}
			continue
		}
		strStart = -1
	}
	return tokens, nil
}

// fileTooLarge reports a file over MaxFileSize.
func fileTooLarge(filename string, size int64) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "File too large",
		Detail: fmt.Sprintf("%s is %d bytes; teramotc reads spec and variable files of at most %d bytes. "+
			"Split the spec into smaller files.", filename, size, MaxFileSize),
		Subject: &hcl.Range{Filename: filename, Start: hcl.InitialPos, End: hcl.InitialPos},
	}
}

// countBlocks counts the blocks of body and its nested bodies, stopping once
// the count passes limit.
func countBlocks(body *hclsyntax.Body, limit int) (int, *hclsyntax.Block) {
	n := 0
	var over *hclsyntax.Block
	var walk func(b *hclsyntax.Body)
	walk = func(b *hclsyntax.Body) {
		for _, blk := range b.Blocks {
			if over != nil {
				return
			}
			n++
			if n > limit {
				over = blk
				return
			}
			walk(blk.Body)
		}
	}
	walk(body)
	return n, over
}
