package apply

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"strings"
)

// DamagedPlanFile reports a file that ReadPlanFile did not take for a plan
// file but that is one, damaged: a regular file whose first non-blank byte
// is "{" and that is not complete JSON, such as a plan file cut short by a
// partial download. No spec starts so (HCL's native syntax begins with
// an attribute or a block), so without this check apply would load it as a
// spec and report an HCL syntax error at its first byte, and show would
// suggest planning it. nil means path is not such a file; else the error
// is a *Problem.
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
	return &Problem{Err: err,
		Summary: fmt.Sprintf("plan file %s is damaged: it is not complete JSON (%s)", path, jsonProblem(err)),
		Detail: "This happens when a download or copy is cut short. Copy the file again, " +
			"or save the plan again with \"teramotc plan -out=FILE\"."}
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

// wrongType says where a plan file holds a value of the wrong kind (the
// error of decoding it), in JSON's terms rather than Go's, without quoting
// content.
func wrongType(err error) string {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) || te.Type == nil {
		return "it does not hold what teramotc saves"
	}
	got, _, _ := strings.Cut(te.Value, " ") // "number 1.5": the kind only
	where := "its content"
	if te.Field != "" {
		where = quoteJSON(te.Field)
	}
	return fmt.Sprintf("%s is %s, not %s", where, jsonValueKind(got), jsonTypeKind(te.Type))
}

// jsonValueKind names a kind of JSON value as encoding/json reports it
// ("object", "number", "bool").
func jsonValueKind(v string) string {
	switch v {
	case "object", "array":
		return "an " + v
	case "bool":
		return "true or false"
	case "":
		return "a value"
	}
	return "a " + v
}

// jsonTypeKind names the kind of JSON value a Go type decodes.
func jsonTypeKind(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "what teramotc saves there"
}

// pathReason is the cause of a file-system error without Go's operation
// and path ("open p.json: permission denied" gives "permission denied").
func pathReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
