package lazyre

import (
	"regexp"
	"sync"
)

// MustCompile returns a function that compiles expr on its first call (and
// panics if it does not compile, as regexp.MustCompile does) and returns the
// same *regexp.Regexp at every call.
func MustCompile(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
