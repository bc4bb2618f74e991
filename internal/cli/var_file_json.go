package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

// jsonVarFile reports a -var-file in Terraform's JSON form (*.tfvars.json:
// an object), which teramotc does not read: without this the HCL parser
// points at its first "{" with a message that does not say why. A file of
// HCL lines is read whatever its name, so the content decides: an HCL
// variable file cannot start with "{".
func jsonVarFile(path string) *problem {
	f, err := os.Open(path)
	if err != nil {
		return nil // the loader reports it
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	head = bytes.TrimLeft(head[:n], "\ufeff \t\r\n")
	if !bytes.HasPrefix(head, []byte("{")) {
		return nil
	}
	return &problem{
		"JSON variable files are not read",
		fmt.Sprintf("%s holds a JSON object; -var-file reads HCL lines of NAME = VALUE (the *.tfvars form), not Terraform's *.tfvars.json form. "+
			"Write each value as a NAME = VALUE line in a .tfvars file (name = \"value\"), or give it with -var NAME=VALUE or the environment variable TERAMOTC_VAR_NAME.", path),
	}
}
