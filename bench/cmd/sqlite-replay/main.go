package main

import (
	"fmt"
	"os"
	"time"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/sqzjs/sqzjs/bench/replayfile"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: sqlite-replay DB-FILE REPLAY-FILE")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[2])
	if err != nil {
		fail(err)
	}
	stmts, err := replayfile.Read(f)
	if err != nil {
		fail(err)
	}
	f.Close()
	tls := libc.NewTLS()
	db := open(tls, os.Args[1])
	run(tls, db, replayfile.Statement{SQL: "PRAGMA FOREIGN_KEYS=ON"})
	for _, s := range stmts {
		run(tls, db, s)
	}
	if rc := sqlite3.Xsqlite3_close_v2(tls, db); rc != sqlite3.SQLITE_OK {
		fail(fmt.Errorf("close: %d", rc))
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "sqlite-replay:", err)
	os.Exit(1)
}

func ptr(p uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&p)) }

func open(tls *libc.TLS, path string) uintptr {
	pp := libc.Xmalloc(tls, 8)
	z, err := libc.CString(path)
	if err != nil {
		fail(err)
	}
	flags := int32(sqlite3.SQLITE_OPEN_READWRITE | sqlite3.SQLITE_OPEN_CREATE | sqlite3.SQLITE_OPEN_FULLMUTEX | sqlite3.SQLITE_OPEN_URI)
	if rc := sqlite3.Xsqlite3_open_v2(tls, z, pp, flags, 0); rc != sqlite3.SQLITE_OK {
		fail(fmt.Errorf("open %s: %d", path, rc))
	}
	db := *(*uintptr)(ptr(pp))
	sqlite3.Xsqlite3_extended_result_codes(tls, db, 1)
	sqlite3.Xsqlite3_busy_timeout(tls, db, int32(10*time.Second/time.Millisecond))
	return db
}

// run prepares the first statement of s.SQL, binds its parameters ($N and
// ?N by number, others in order) and steps it to the end.
func run(tls *libc.TLS, db uintptr, s replayfile.Statement) {
	z, err := libc.CString(s.SQL)
	if err != nil {
		fail(err)
	}
	defer libc.Xfree(tls, z)
	pp := libc.Xmalloc(tls, 16)
	defer libc.Xfree(tls, pp)
	if rc := sqlite3.Xsqlite3_prepare_v2(tls, db, z, -1, pp, pp+8); rc != sqlite3.SQLITE_OK {
		fail(fmt.Errorf("%s: %s", s.SQL, libc.GoString(sqlite3.Xsqlite3_errmsg(tls, db))))
	}
	stmt := *(*uintptr)(ptr(pp))
	if stmt == 0 {
		return
	}
	defer sqlite3.Xsqlite3_finalize(tls, stmt)
	var allocs []uintptr
	defer func() {
		for _, p := range allocs {
			libc.Xfree(tls, p)
		}
	}()
	n := int(sqlite3.Xsqlite3_bind_parameter_count(tls, stmt))
	for i := 1; i <= n; i++ {
		idx := i
		name := libc.GoString(sqlite3.Xsqlite3_bind_parameter_name(tls, stmt, int32(i)))
		if len(name) > 1 && (name[0] == '$' || name[0] == '?') {
			fmt.Sscan(name[1:], &idx)
		}
		if idx < 1 || idx > len(s.Params) {
			fail(fmt.Errorf("%s: no value for parameter %d", s.SQL, i))
		}
		var rc int32
		switch v := s.Params[idx-1].Value().(type) {
		case nil:
			rc = sqlite3.Xsqlite3_bind_null(tls, stmt, int32(i))
		case string:
			p := libc.Xmalloc(tls, uint64(len(v)+1))
			copy(unsafe.Slice((*byte)(ptr(p)), len(v)+1), v+"\x00")
			allocs = append(allocs, p)
			rc = sqlite3.Xsqlite3_bind_text(tls, stmt, int32(i), p, int32(len(v)), 0)
		case int64:
			rc = sqlite3.Xsqlite3_bind_int64(tls, stmt, int32(i), v)
		case float64:
			rc = sqlite3.Xsqlite3_bind_double(tls, stmt, int32(i), v)
		case bool:
			b := int64(0)
			if v {
				b = 1
			}
			rc = sqlite3.Xsqlite3_bind_int64(tls, stmt, int32(i), b)
		case time.Time:
			rc = sqlite3.Xsqlite3_bind_int64(tls, stmt, int32(i), v.UnixMilli())
		case []byte:
			p := libc.Xmalloc(tls, uint64(len(v)+1))
			copy(unsafe.Slice((*byte)(ptr(p)), len(v)), v)
			allocs = append(allocs, p)
			rc = sqlite3.Xsqlite3_bind_blob(tls, stmt, int32(i), p, int32(len(v)), 0)
		}
		if rc != sqlite3.SQLITE_OK {
			fail(fmt.Errorf("%s: binding parameter %d: %d", s.SQL, i, rc))
		}
	}
	for {
		rc := sqlite3.Xsqlite3_step(tls, stmt)
		if rc == sqlite3.SQLITE_DONE {
			return
		}
		if rc != sqlite3.SQLITE_ROW {
			fail(fmt.Errorf("%s: %s", s.SQL, libc.GoString(sqlite3.Xsqlite3_errmsg(tls, db))))
		}
	}
}
