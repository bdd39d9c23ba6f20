package sqlgen

import (
	"regexp"
	"sync"
)

// LazyRegexp returns a function that compiles expr on its first call and returns the same
// *regexp.Regexp at every call: regular expressions built at package initialisation would cost
// every run of the process, most of which never use them.
func LazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
