//go:build !unix

package hostile

import "errors"

func mkfifo(string) func(dir, outside string) error {
	return func(string, string) error { return errors.New("no FIFOs on this system") }
}
