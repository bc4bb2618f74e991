package apply

// The key files of access keys: KEYDIR/USER.access-key.json, or
// KEYDIR/grant.LABEL.access-key.json when the user name is sensitive.

import (
	"cmp"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// nameFiles records the key file names of the users of items whose name
// holds a sensitive value: a file on disk named after a secret would put
// it in directory listings, shell history and CI logs.
func (b *accessKeyBook) nameFiles(items []*Item) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, it := range items {
		if it.Type == TAccessKey && !it.Revoke && itemSecrets(it)(it.Name) {
			if b.files == nil {
				b.files = map[string]string{}
			}
			b.files[it.Name] = it.Address
		}
	}
}

// fileBase is the name of the user's key file without its extension.
func (b *accessKeyBook) fileBase(user string) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return cmp.Or(b.files[user], user)
}

// keyFilePath is where apply writes the user's key:
// KEYDIR/USER.access-key.json, or KEYDIR/grant.LABEL.access-key.json for a
// user whose name is sensitive (accessKeyBook.nameFiles).
func (e *Engine) keyFilePath(user string) string {
	return filepath.Join(cmp.Or(e.KeyDir, "."), e.keys.fileBase(user)+".access-key.json")
}

// keyFileFound is where the user's key file is read from: keyFilePath,
// unless only the file an earlier teramotc wrote for a user with a
// sensitive name is there (KEYDIR/USER.access-key.json), which still
// accounts for its key.
func (e *Engine) keyFileFound(user string) string {
	path := e.keyFilePath(user)
	old := filepath.Join(cmp.Or(e.KeyDir, "."), user+".access-key.json")
	if _, err := os.Lstat(path); old != path && errors.Is(err, fs.ErrNotExist) {
		if _, err := os.Lstat(old); err == nil {
			return old
		}
	}
	return path
}

// keyFile is what a key file says.
type keyFile struct {
	exists bool
	// empty: the file has no content, which is what a run leaves when it
	// stopped after asking AWS for a key and before saving its secret.
	empty bool
	id    string // the key id it names, "" if none
}

func readKeyFile(path string) (keyFile, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return keyFile{}, nil
	}
	if err != nil {
		return keyFile{exists: true}, err
	}
	var rec struct{ AccessKeyId string }
	// A file that is not a key record (damaged, or not written by apply)
	// names no key: its error can be ignored, since a key the file does
	// not name is one nobody is known to hold, and keyGrantProblem refuses
	// to grant such a key access.
	_ = json.Unmarshal(b, &rec)
	return keyFile{exists: true, empty: len(strings.TrimSpace(string(b))) == 0, id: rec.AccessKeyId}, nil
}
