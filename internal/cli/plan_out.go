package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// planOutProblem says why the plan cannot be saved at path (plan -out),
// checked before any AWS call so that a typo does not cost a full plan:
// path's directory must exist and path must not be a directory. It is nil
// when writing can be tried.
func planOutProblem(path string) *problem {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return planOutError(path, "it is a directory",
			fmt.Sprintf("Give -out a file name, such as -out=%s.", filepath.Join(path, "plan.json")))
	}
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return planOutError(path, "directory "+dir+" does not exist",
			"Create the directory first, or give -out a file in an existing directory.")
	case err != nil:
		return planOutError(path, reason(err, dir), "Give -out a file in a directory you can write to.")
	case !info.IsDir():
		return planOutError(path, dir+" is not a directory", "Give -out a file in an existing directory.")
	}
	return nil
}

// planWriteProblem words an error of saving the plan after planning
// without the name of the temporary file the plan is written through.
func planWriteProblem(path string, err error) *problem {
	why := err.Error()
	var le *os.LinkError
	var pe *fs.PathError
	switch {
	case errors.As(err, &le):
		why = le.Err.Error()
	case errors.As(err, &pe):
		why = pe.Err.Error()
	}
	return planOutError(path, why, "Give -out a file in a directory you can write to, then run plan again.")
}

func planOutError(path, why, do string) *problem {
	return &problem{fmt.Sprintf("cannot write the plan to %s: %s", path, why), do}
}
