package jsrt

import (
	"errors"
	"io/fs"
	"math"
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/buffer"
)

// FSError is an error of the fs shim, shaped like Node's system errors: Error() reads
// "ENOENT: no such file or directory, open '/abs/x'", and in JavaScript the error has code,
// errno, syscall and path properties. Unwrap gives the underlying Go error (for example an
// [*fs.PathError] wrapping [fs.ErrNotExist]).
type FSError struct {
	Code    string // "ENOENT", "ENOTDIR", "EISDIR", "EACCES", "EROFS", "EIO"
	Errno   int
	Desc    string // "no such file or directory"
	Syscall string // "open", "scandir", "stat", …
	Path    string // absolute; empty when Node omits it (EISDIR on read)
	Err     error
}

// Error reads like Node's: "ENOENT: no such file or directory, open '/abs/x'".
func (e *FSError) Error() string {
	msg := e.Code + ": " + e.Desc + ", " + e.Syscall
	if e.Path != "" {
		msg += " '" + e.Path + "'"
	}
	return msg
}

// Unwrap returns the underlying Go error.
func (e *FSError) Unwrap() error { return e.Err }

func newFSError(err error, syscall, p string) *FSError {
	e := &FSError{Code: "EIO", Errno: -5, Desc: "i/o error", Syscall: syscall, Path: p, Err: err}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		e.Code, e.Errno, e.Desc = "ENOENT", -2, "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		e.Code, e.Errno, e.Desc = "EACCES", -13, "permission denied"
	case errors.Is(err, errNotDir):
		e.Code, e.Errno, e.Desc = "ENOTDIR", -20, "not a directory"
	case errors.Is(err, errIsDir):
		e.Code, e.Errno, e.Desc = "EISDIR", -21, "illegal operation on a directory"
	case errors.Is(err, errReadOnly):
		e.Code, e.Errno, e.Desc = "EROFS", -30, "read-only file system"
	}
	return e
}

var (
	errNotDir   = errors.New("not a directory")
	errIsDir    = errors.New("is a directory")
	errReadOnly = errors.New("read-only file system")
)

// throwFS panics with the JavaScript form of an FSError.
func (r *Runtime) throwFS(e *FSError) {
	props := []any{"errno", e.Errno, "code", e.Code, "syscall", e.Syscall}
	if e.Path != "" {
		props = append(props, "path", e.Path)
	}
	panic(r.newNodeError(e, "Error", props...))
}

// readOnlyError is thrown by every fs function that would write.
type readOnlyError struct{ fn string }

func (e *readOnlyError) Error() string {
	return e.fn + "(): the file system is read-only in sqzjs (migrations and their helpers cannot write files)"
}

func (e *readOnlyError) Unwrap() error { return errReadOnly }

// fsWriters are the fs functions that write; each throws a readOnlyError. Names without "Sync"
// exist in the callback API and in fs.promises.
var fsWriters = []string{
	"writeFile", "appendFile", "mkdir", "mkdtemp", "rm", "rmdir", "unlink", "rename", "copyFile",
	"cp", "symlink", "link", "chmod", "chown", "lchown", "lchmod", "utimes", "lutimes", "truncate",
	"write", "writev", "futimes", "ftruncate", "fchmod", "fchown",
}

// fsHandleFuncs work on file descriptors or directory handles, which the shim does not have.
var fsHandleFuncs = []string{"open", "read", "readv", "close", "fstat", "opendir", "fsync", "fdatasync"}

// fsPathArg converts a path argument (string, Buffer or file: URL) to an absolute path.
func (r *Runtime) fsPathArg(v goja.Value) string {
	if goja.IsString(v) {
		return r.absPath(v.String())
	}
	if o, ok := v.(*goja.Object); ok {
		if href := o.Get("href"); href != nil && goja.IsString(href) {
			if proto := o.Get("protocol"); proto == nil || proto.String() != "file:" {
				panic(r.newNodeError(errString("The URL must be of scheme file"), "TypeError", "code", "ERR_INVALID_URL_SCHEME"))
			}
			p, err := url.PathUnescape(o.Get("pathname").String())
			if err != nil {
				p = o.Get("pathname").String()
			}
			return r.absPath(p)
		}
		if typeOf(o) == "object" && isTypedArrayClass(strings.TrimSuffix(strings.TrimPrefix((&inspector{r: r}).call(r.hidden.tag, o).String(), "[object "), "]")) {
			return r.absPath(string(buffer.Bytes(r.vm, o)))
		}
	}
	panic(r.newNodeError(errString(`The "path" argument must be of type string or an instance of Buffer or URL. Received `+describeReceived(v)), "TypeError", "code", "ERR_INVALID_ARG_TYPE"))
}

// encodingOption reads the encoding from an options argument: a string or {encoding}.
func encodingOption(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	if goja.IsString(v) {
		return v.String()
	}
	if o, ok := v.(*goja.Object); ok {
		if e := o.Get("encoding"); e != nil && goja.IsString(e) {
			return e.String()
		}
	}
	return ""
}

func boolOption(v goja.Value, name string) bool {
	if o, ok := v.(*goja.Object); ok {
		if b := o.Get(name); b != nil {
			return b.ToBoolean()
		}
	}
	return false
}

func (r *Runtime) stat(abs, syscall string) fs.FileInfo {
	fi, err := fs.Stat(r.opts.FS, fsPath(abs))
	if err != nil {
		r.throwFS(newFSError(err, syscall, abs))
	}
	return fi
}

func (r *Runtime) readFile(args []goja.Value) goja.Value {
	abs := r.fsPathArg(argAt(args, 0))
	if flag, ok := argAt(args, 1).(*goja.Object); ok {
		if f := flag.Get("flag"); f != nil && goja.IsString(f) && strings.ContainsAny(f.String(), "wa+") {
			panic(r.newNodeError(&readOnlyError{fn: "fs.readFile with flag '" + f.String() + "'"}, "Error", "code", "EROFS"))
		}
	}
	if fi := r.stat(abs, "open"); fi.IsDir() {
		r.throwFS(newFSError(errIsDir, "read", ""))
	}
	data, err := fs.ReadFile(r.opts.FS, fsPath(abs))
	if err != nil {
		r.throwFS(newFSError(err, "read", abs))
	}
	buf := buffer.WrapBytes(r.vm, data)
	enc := encodingOption(argAt(args, 1))
	if enc == "" || enc == "buffer" {
		return buf
	}
	toString, _ := goja.AssertFunction(buf.Get("toString"))
	s, err := toString(buf, r.vm.ToValue(enc))
	if err != nil {
		panic(err)
	}
	return s
}

func (r *Runtime) readdir(args []goja.Value) goja.Value {
	abs := r.fsPathArg(argAt(args, 0))
	if fi := r.stat(abs, "scandir"); !fi.IsDir() {
		r.throwFS(newFSError(errNotDir, "scandir", abs))
	}
	withTypes := boolOption(argAt(args, 1), "withFileTypes")
	type entry struct {
		rel string
		d   fs.DirEntry
	}
	var entries []entry
	if boolOption(argAt(args, 1), "recursive") {
		_ = fs.WalkDir(r.opts.FS, fsPath(abs), func(p string, d fs.DirEntry, err error) error {
			if err != nil || p == fsPath(abs) {
				return nil
			}
			rel := strings.TrimPrefix(p, strings.TrimPrefix(fsPath(abs)+"/", "./"))
			entries = append(entries, entry{rel: rel, d: d})
			return nil
		})
	} else {
		des, err := fs.ReadDir(r.opts.FS, fsPath(abs))
		if err != nil {
			r.throwFS(newFSError(err, "scandir", abs))
		}
		for _, d := range des {
			entries = append(entries, entry{rel: d.Name(), d: d})
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].rel < entries[j].rel })
	out := make([]any, len(entries))
	for i, e := range entries {
		if withTypes {
			out[i] = r.dirent(path.Join(abs, path.Dir(e.rel)), path.Base(e.rel), e.d.IsDir())
		} else {
			out[i] = e.rel
		}
	}
	return r.vm.NewArray(out...)
}

// dirent builds an fs.Dirent.
func (r *Runtime) dirent(dir, name string, isDir bool) *goja.Object {
	d := r.vm.CreateObject(r.fsClasses().direntProto)
	_ = d.Set("name", name)
	_ = d.Set("parentPath", dir)
	_ = d.Set("path", dir)
	kind := 0o100000
	if isDir {
		kind = 0o040000
	}
	_ = d.DefineDataProperty("_mode", r.vm.ToValue(kind), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return d
}

type fsClasses struct {
	statsProto, direntProto *goja.Object
	statsCtor, direntCtor   *goja.Object
}

// fsClasses builds (once) the prototypes of fs.Stats and fs.Dirent: their is*() methods read
// the file type from the mode.
func (r *Runtime) fsClasses() *fsClasses {
	if r.fsc != nil {
		return r.fsc
	}
	vm := r.vm
	mk := func(name, modeProp string) (*goja.Object, *goja.Object) {
		ctor := vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
			panic(r.newNodeError(errString("fs."+name+" cannot be constructed in sqzjs"), "TypeError", "code", "ERR_ILLEGAL_CONSTRUCTOR"))
		}).(*goja.Object)
		proto := ctor.Get("prototype").ToObject(vm)
		is := func(kind int64) func(goja.FunctionCall) goja.Value {
			return func(call goja.FunctionCall) goja.Value {
				m := call.This.ToObject(vm).Get(modeProp)
				return vm.ToValue(m != nil && m.ToInteger()&0o170000 == kind)
			}
		}
		_ = proto.Set("isFile", is(0o100000))
		_ = proto.Set("isDirectory", is(0o040000))
		_ = proto.Set("isSymbolicLink", is(0o120000))
		_ = proto.Set("isBlockDevice", is(0o060000))
		_ = proto.Set("isCharacterDevice", is(0o020000))
		_ = proto.Set("isFIFO", is(0o010000))
		_ = proto.Set("isSocket", is(0o140000))
		return ctor, proto
	}
	c := &fsClasses{}
	c.statsCtor, c.statsProto = mk("Stats", "mode")
	c.direntCtor, c.direntProto = mk("Dirent", "_mode")
	r.fsc = c
	return c
}

func (r *Runtime) statObject(fi fs.FileInfo) *goja.Object {
	vm := r.vm
	s := vm.CreateObject(r.fsClasses().statsProto)
	mode := int64(fi.Mode().Perm())
	switch {
	case fi.IsDir():
		mode |= 0o040000
	case fi.Mode()&fs.ModeSymlink != 0:
		mode |= 0o120000
	default:
		mode |= 0o100000
	}
	ms := float64(fi.ModTime().UnixNano()) / 1e6
	date := func() goja.Value {
		d, err := vm.New(vm.Get("Date"), vm.ToValue(math.Floor(ms)))
		if err != nil {
			panic(err)
		}
		return d
	}
	for _, kv := range []struct {
		k string
		v any
	}{
		{"dev", 0}, {"mode", mode}, {"nlink", 1}, {"uid", 0}, {"gid", 0}, {"rdev", 0},
		{"blksize", 4096}, {"ino", 0}, {"size", fi.Size()}, {"blocks", (fi.Size() + 511) / 512},
		{"atimeMs", ms}, {"mtimeMs", ms}, {"ctimeMs", ms}, {"birthtimeMs", ms},
		{"atime", date()}, {"mtime", date()}, {"ctime", date()}, {"birthtime", date()},
	} {
		_ = s.Set(kv.k, kv.v)
	}
	return s
}

func argAt(args []goja.Value, i int) goja.Value {
	if i < len(args) {
		return args[i]
	}
	return goja.Undefined()
}

// fsModule builds require('fs'): a read-only view of Options.FS.
func (r *Runtime) fsModule() goja.Value {
	vm := r.vm
	m := vm.NewObject()
	promises := vm.NewObject()

	readers := map[string]func(args []goja.Value) goja.Value{
		"readFile": r.readFile,
		"readdir":  r.readdir,
		"stat": func(args []goja.Value) goja.Value {
			abs := r.fsPathArg(argAt(args, 0))
			if o, ok := argAt(args, 1).(*goja.Object); ok {
				if t := o.Get("throwIfNoEntry"); t != nil && !goja.IsUndefined(t) && !t.ToBoolean() {
					if _, err := fs.Stat(r.opts.FS, fsPath(abs)); errors.Is(err, fs.ErrNotExist) {
						return goja.Undefined()
					}
				}
			}
			return r.statObject(r.stat(abs, "stat"))
		},
		"lstat": func(args []goja.Value) goja.Value {
			abs := r.fsPathArg(argAt(args, 0))
			return r.statObject(r.stat(abs, "lstat"))
		},
		"realpath": func(args []goja.Value) goja.Value {
			abs := r.fsPathArg(argAt(args, 0))
			r.stat(abs, "lstat")
			return vm.ToValue(abs)
		},
		"access": func(args []goja.Value) goja.Value {
			abs := r.fsPathArg(argAt(args, 0))
			r.stat(abs, "access")
			if mode := argAt(args, 1); !goja.IsUndefined(mode) && mode.ToInteger()&2 != 0 {
				r.throwFS(newFSError(errReadOnly, "access", abs))
			}
			return goja.Undefined()
		},
	}
	for _, name := range sortedKeys(readers) {
		f := readers[name]
		_ = m.Set(name+"Sync", func(call goja.FunctionCall) goja.Value { return f(call.Arguments) })
		_ = m.Set(name, r.callbackAPI(f))
		_ = promises.Set(name, r.promiseAPI(f))
	}
	realpathSync := m.Get("realpathSync").ToObject(vm)
	_ = realpathSync.Set("native", func(call goja.FunctionCall) goja.Value {
		abs := r.fsPathArg(call.Argument(0))
		r.stat(abs, "realpath")
		return vm.ToValue(abs)
	})
	_ = m.Get("realpath").ToObject(vm).Set("native", m.Get("realpath"))

	exists := func(v goja.Value) (ok bool) {
		if goja.IsString(v) && v.String() == "" {
			return false
		}
		defer func() {
			if recover() != nil {
				ok = false
			}
		}()
		_, err := fs.Stat(r.opts.FS, fsPath(r.fsPathArg(v)))
		return err == nil
	}
	_ = m.Set("existsSync", func(call goja.FunctionCall) goja.Value { return vm.ToValue(exists(call.Argument(0))) })
	_ = m.Set("exists", func(call goja.FunctionCall) goja.Value {
		res := exists(call.Argument(0))
		if _, ok := goja.AssertFunction(call.Argument(1)); ok {
			r.nextTick(call.Argument(1), vm.ToValue(res))
		}
		return goja.Undefined()
	})

	for _, name := range fsWriters {
		_ = m.Set(name+"Sync", r.readOnly("fs."+name+"Sync"))
		_ = m.Set(name, r.readOnly("fs."+name))
		ro := &readOnlyError{fn: "fs.promises." + name}
		_ = promises.Set(name, func(call goja.FunctionCall) goja.Value {
			p, _, reject := vm.NewPromise()
			_ = reject(r.newNodeError(ro, "Error", "code", "EROFS"))
			return vm.ToValue(p)
		})
	}
	for _, name := range []string{"createWriteStream", "watch", "watchFile", "unwatchFile"} {
		_ = m.Set(name, r.readOnly("fs."+name))
	}
	unsupported := func(fn string) func() {
		return func() {
			panic(r.newNodeError(errString(fn+"() is not supported in sqzjs (no file descriptors or streams); use fs.readFileSync or fs.promises.readFile"), "Error", "code", "ERR_SQZJS_UNSUPPORTED"))
		}
	}
	_ = m.Set("createReadStream", unsupported("fs.createReadStream"))
	for _, name := range fsHandleFuncs {
		_ = m.Set(name, unsupported("fs."+name))
		_ = m.Set(name+"Sync", unsupported("fs."+name+"Sync"))
		if name == "open" || name == "opendir" {
			_ = promises.Set(name, unsupported("fs.promises."+name))
		}
	}

	constants := vm.NewObject()
	for _, kv := range []struct {
		k string
		v int
	}{{"F_OK", 0}, {"R_OK", 4}, {"W_OK", 2}, {"X_OK", 1}, {"O_RDONLY", 0}, {"O_WRONLY", 1}, {"O_RDWR", 2},
		{"S_IFMT", 0o170000}, {"S_IFREG", 0o100000}, {"S_IFDIR", 0o040000}, {"S_IFLNK", 0o120000}} {
		_ = constants.Set(kv.k, kv.v)
		if strings.HasSuffix(kv.k, "_OK") {
			_ = m.Set(kv.k, kv.v)
		}
	}
	_ = m.Set("constants", constants)
	_ = promises.Set("constants", constants)
	_ = m.Set("promises", promises)
	c := r.fsClasses()
	_ = m.Set("Stats", c.statsCtor)
	_ = m.Set("Dirent", c.direntCtor)
	return m
}

func (r *Runtime) readOnly(fn string) func(goja.FunctionCall) goja.Value {
	return func(goja.FunctionCall) goja.Value {
		panic(r.newNodeError(&readOnlyError{fn: fn}, "Error", "code", "EROFS", "syscall", strings.TrimPrefix(fn, "fs.")))
	}
}

// jsError returns the JavaScript value for an error caught by r.catch.
func (r *Runtime) jsError(err error) goja.Value {
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return ex.Value()
	}
	var se *ScriptError
	if errors.As(err, &se) && se.Value != nil {
		return se.Value
	}
	return r.newNodeError(err, "Error")
}

// callbackAPI adapts a synchronous fs reader to Node's callback style: the last argument is the
// callback, called on a later microtask with (err) or (null, result).
func (r *Runtime) callbackAPI(f func([]goja.Value) goja.Value) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		args := call.Arguments
		if len(args) == 0 {
			panic(r.newNodeError(errInvalidArg("cb", "function", goja.Undefined()), "TypeError", "code", "ERR_INVALID_ARG_TYPE"))
		}
		cb := args[len(args)-1]
		if _, ok := goja.AssertFunction(cb); !ok {
			panic(r.newNodeError(errInvalidArg("cb", "function", cb), "TypeError", "code", "ERR_INVALID_ARG_TYPE"))
		}
		v, err := r.catch(func() (goja.Value, error) { return f(args[:len(args)-1]), nil })
		if isInterrupt(err) {
			panic(err)
		}
		if err != nil {
			r.nextTick(cb, r.jsError(err))
		} else {
			r.nextTick(cb, goja.Null(), v)
		}
		return goja.Undefined()
	}
}

// promiseAPI adapts a synchronous fs reader to fs.promises: the work is done at once and the
// returned promise is already settled.
func (r *Runtime) promiseAPI(f func([]goja.Value) goja.Value) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		v, err := r.catch(func() (goja.Value, error) { return f(call.Arguments), nil })
		if isInterrupt(err) {
			panic(err)
		}
		p, resolve, reject := r.vm.NewPromise()
		if err != nil {
			_ = reject(r.jsError(err))
		} else {
			_ = resolve(v)
		}
		return r.vm.ToValue(p)
	}
}

// nextTick calls fn(args...) on a later microtask, as process.nextTick does.
func (r *Runtime) nextTick(fn goja.Value, args ...goja.Value) {
	nt, _ := goja.AssertFunction(r.prelude.Get("nextTick"))
	if _, err := nt(goja.Undefined(), append([]goja.Value{fn}, args...)...); err != nil {
		panic(err)
	}
}
