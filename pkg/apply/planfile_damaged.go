package apply

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
)

// DamagedPlanFile reports a file that ReadPlanFile did not take for a plan
// file but that is one, damaged: a regular file whose first non-blank byte
// is "{" and that is not complete JSON, such as a plan file cut short by a
// partial download. No spec starts so (HCL's native syntax begins with
// an attribute or a block), so without this check apply would load it as a
// spec and report an HCL syntax error at its first byte, and show would
// suggest planning it. nil means path is not such a file.
func DamagedPlanFile(path string) error {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil // the caller reports unreadable files
	}
	t := bytes.TrimSpace(b)
	if len(t) == 0 || t[0] != '{' {
		return nil
	}
	var v any
	err = json.Unmarshal(t, &v)
	if err == nil {
		return nil // complete JSON that holds no plan: "not a plan file"
	}
	return fmt.Errorf("plan file %s is damaged: it is not complete JSON (%s), as when a download or copy was cut short; "+
		"save the plan again with \"teramotc plan -out=FILE\"", path, jsonProblem(err))
}

// jsonProblem says where JSON decoding failed, without quoting content.
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	switch {
	case !errors.As(err, &syn):
		return "unreadable"
	case syn.Error() == "unexpected end of JSON input":
		return fmt.Sprintf("it ends after %d bytes", syn.Offset)
	}
	return fmt.Sprintf("invalid at byte %d", syn.Offset)
}
