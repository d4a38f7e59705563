package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mrtrack/mrtrack/internal/lazyregexp"
)

// A Lock is held by the one mrtrack that may write a file: the lock file
// .NAME.lock beside it, created with O_EXCL and removed when the write is
// done, as git does with index.lock. Every writer takes it before it reads
// the file it will change, so read, check and rename happen as one step.
type Lock struct {
	path string // of the lock file
}

// LockedError reports a file whose lock another writer held for longer
// than Acquire waits.
type LockedError struct {
	File, Lock string
	Holder     string // what the lock file says: the holder's process id
}

func (e *LockedError) Error() string {
	who := "another mrtrack"
	if e.Holder != "" {
		who += " (process " + e.Holder + ")"
	}
	return fmt.Sprintf("%s is being written by %s; nothing was written", e.File, who)
}

// LockWait is how long Acquire waits for another writer of the same file:
// long enough for any single write, which takes well under a second, to
// finish, so two writers one after the other both succeed.
const LockWait = 5 * time.Second

// LockName is the name of the lock file of the file called name.
func LockName(name string) string { return "." + name + ".lock" }

// Acquire takes the lock of path, waiting up to LockWait for another
// writer to release it.
func Acquire(path string) (*Lock, error) {
	l := &Lock{filepath.Join(filepath.Dir(path), LockName(filepath.Base(path)))}
	delay, waited := time.Millisecond, time.Duration(0)
	for {
		err := l.try()
		if !errors.Is(err, fs.ErrExist) {
			return l, err
		}
		if waited >= LockWait {
			holder, _ := os.ReadFile(l.path)
			return nil, &LockedError{File: path, Lock: l.path, Holder: strings.TrimSpace(string(holder))}
		}
		time.Sleep(delay)
		waited += delay
		delay = min(2*delay, 50*time.Millisecond)
	}
}

// try takes the lock at once or fails; a lock that is taken fails with an
// error matching fs.ErrExist.
func (l *Lock) try() error {
	if err := fault("lock", l.path); err != nil {
		return err
	}
	f, err := os.OpenFile(l.path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(f, "%d\n", os.Getpid())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(l.path)
	}
	return err
}

// Release removes the lock file.
func (l *Lock) Release() error { return os.Remove(l.path) }

// tempName matches the temporary files WriteFile makes: .NAME.NNN.tmp.
var tempName = lazyregexp.New(`^\.(.+)\.[0-9]+\.tmp$`)

func tempPattern(name string) string { return "." + name + ".*.tmp" }

// RemoveStaleTemps removes the temporary files that writers killed between
// write and rename left in the locked file's folder. A temporary file of
// NAME exists only while NAME's lock is held, so one is stale when its lock
// can be taken: those of the locked file itself, and those of any other
// file whose lock is free. Files mrtrack did not name are left alone.
func (l *Lock) RemoveStaleTemps() {
	dir := filepath.Dir(l.path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	own := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(l.path), "."), ".lock")
	for _, e := range entries {
		m := tempName.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if m[1] == own {
			os.Remove(p)
			continue
		}
		other := &Lock{filepath.Join(dir, LockName(m[1]))}
		if other.try() == nil {
			os.Remove(p)
			other.Release()
		}
	}
}
