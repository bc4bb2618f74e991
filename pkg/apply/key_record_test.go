package apply

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// recordFile is a syncWriteCloser whose Write, Sync or Close can fail.
type recordFile struct {
	bytes.Buffer
	writeErr, syncErr, closeErr error
	synced, closed              int
}

func (f *recordFile) Write(p []byte) (int, error) {
	if f.writeErr != nil {
		return 0, f.writeErr
	}
	return f.Buffer.Write(p)
}

func (f *recordFile) Sync() error  { f.synced++; return f.syncErr }
func (f *recordFile) Close() error { f.closed++; return f.closeErr }

// TestWriteKeyRecord: the only copy of a secret counts as saved only once
// it is written, synced and closed; an error at any of the three is
// returned (createAccessKey then reports the secret as lost), and the file
// is closed exactly once whatever fails.
func TestWriteKeyRecord(t *testing.T) {
	errWrite, errSync, errClose := errors.New("no space left"), errors.New("sync: I/O error"), errors.New("close: I/O error")
	rec := map[string]string{"UserName": "u", "AccessKeyId": "AKIAEXAMPLE", "SecretAccessKey": "s3cr3t"}
	for _, tc := range []struct {
		name       string
		f          recordFile
		want       error
		wantSynced int
	}{
		{name: "ok", wantSynced: 1},
		{name: "write fails", f: recordFile{writeErr: errWrite}, want: errWrite},
		{name: "sync fails", f: recordFile{syncErr: errSync}, want: errSync, wantSynced: 1},
		{name: "close fails", f: recordFile{closeErr: errClose}, want: errClose, wantSynced: 1},
		{name: "sync error wins over close error", f: recordFile{syncErr: errSync, closeErr: errClose}, want: errSync, wantSynced: 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &tc.f
			if err := writeKeyRecord(f, rec); !errors.Is(err, tc.want) || (err == nil) != (tc.want == nil) {
				t.Fatalf("writeKeyRecord() = %v, want %v", err, tc.want)
			}
			if f.synced != tc.wantSynced || f.closed != 1 {
				t.Errorf("synced %d times, closed %d times; want %d and 1", f.synced, f.closed, tc.wantSynced)
			}
			if tc.want != nil {
				return
			}
			var got map[string]string
			if err := json.Unmarshal(f.Bytes(), &got); err != nil {
				t.Fatalf("file is not JSON: %v\n%s", err, f.Bytes())
			}
			if d := cmp.Diff(rec, got); d != "" {
				t.Errorf("record (-want +got):\n%s", d)
			}
		})
	}
}
