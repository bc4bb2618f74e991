package spec

// Scanners for the credentials of scanSecrets, each the exact equivalent of
// a regular expression that secrets_scan_test.go checks it against. They
// run on every spec and variable file; the expressions cost a cold process
// a millisecond to compile and run.

// findAccessKeys returns the [start, end) of each access key id in src:
// \b(?:AKIA|ASIA)[A-Z0-9]{16}\b, leftmost first, without overlap.
func findAccessKeys(src []byte) [][2]int {
	var out [][2]int
	for i := 0; i+accessKeyLen <= len(src); i++ {
		if src[i] != 'A' || i > 0 && isWordByte(src[i-1]) {
			continue
		}
		if src[i+1] != 'K' && src[i+1] != 'S' || src[i+2] != 'I' || src[i+3] != 'A' {
			continue
		}
		end := i + 4
		for end < i+accessKeyLen && IsKeyByte(src[end]) {
			end++
		}
		if end == i+accessKeyLen && (end == len(src) || !isWordByte(src[end])) {
			out = append(out, [2]int{i, end})
			i = end - 1
		}
	}
	return out
}

// findQuotedSecrets returns, for each quoted run of 40 to 128 base64
// characters and up to two '=' in src, the [start, end) of the whole match
// and of the run: ["']([A-Za-z0-9/+]{40,128}={0,2})(?:["']|[ \t\r]*(?:\n|$)),
// leftmost first, without overlap. A run whose quote is not closed by the
// end of its line counts too: a missing closing quote is the syntax error
// most likely to print the line in a snippet.
func findQuotedSecrets(src []byte) (matches, runs [][2]int) {
	for i := 0; i < len(src); i++ {
		if src[i] != '"' && src[i] != '\'' {
			continue
		}
		j := i + 1
		for j < len(src) && j-i-1 < 128 && isBase64Byte(src[j]) {
			j++
		}
		if n := j - i - 1; n < 40 || j < len(src) && isBase64Byte(src[j]) {
			continue
		}
		k := j
		for k < len(src) && k-j < 2 && src[k] == '=' {
			k++
		}
		end := quotedRunEnd(src, k)
		if end < 0 {
			continue
		}
		matches = append(matches, [2]int{i, end})
		runs = append(runs, [2]int{i + 1, k})
		i = end - 1
	}
	return matches, runs
}

// quotedRunEnd returns the end of a quoted match whose run ends at k: after
// the closing quote, or after the line break (or at the end of src) that
// follows blanks, or -1 when neither follows.
func quotedRunEnd(src []byte, k int) int {
	if k < len(src) && (src[k] == '"' || src[k] == '\'') {
		return k + 1
	}
	for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\r') {
		k++
	}
	switch {
	case k == len(src):
		return k
	case src[k] == '\n':
		return k + 1
	}
	return -1
}

// findBareSecrets returns the [start, end) of each unquoted run of 40 to 128
// base64 characters and up to two '=' that stands alone in src (no base64
// byte or quote on either side): [^"'A-Za-z0-9/+]([A-Za-z0-9/+]{40,128}={0,2})(?:[^"'A-Za-z0-9/+=]|$),
// leftmost first. Quoted runs are findQuotedSecrets'.
func findBareSecrets(src []byte) [][2]int {
	var out [][2]int
	for i := 0; i < len(src); {
		if !isBase64Byte(src[i]) {
			i++
			continue
		}
		j := i
		for j < len(src) && isBase64Byte(src[j]) {
			j++
		}
		k := j
		for k < len(src) && k-j < 2 && src[k] == '=' {
			k++
		}
		n := j - i
		quoted := i > 0 && (src[i-1] == '"' || src[i-1] == '\'') || k < len(src) && (src[k] == '"' || src[k] == '\'' || src[k] == '=')
		if n >= 40 && n <= 128 && !quoted {
			out = append(out, [2]int{i, k})
		}
		i = k
	}
	return out
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func isBase64Byte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '/' || c == '+'
}
