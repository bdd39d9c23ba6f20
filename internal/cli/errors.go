package cli

import (
	"context"
	"errors"
	"strings"

	"github.com/dop251/goja"

	"github.com/sqzjs/sqzjs/dialect"
	"github.com/sqzjs/sqzjs/jsrt"
	"github.com/sqzjs/sqzjs/migrate"
)

// failure is an error as sequelize-cli's view-helper error() shows it,
// plus the locations sqzjs adds.
type failure struct {
	// message follows "ERROR: " (error.message; error.stack with --debug).
	message string
	// locations are "    at …" lines naming the user's file and line
	// (sqzjs only; with --debug the stack already holds them).
	locations []string
	// detail is error.original.detail, printed as "ERROR DETAIL: …".
	detail string
	// extra is error.original.message, printed as "EXTRA MESSAGE: …" with
	// --debug; hasExtra tells whether error.original exists.
	extra    string
	hasExtra bool
}

// report prints f as view-helper.js error() does: a blank line on stdout,
// "ERROR: message" (and the detail and extra lines) on stderr, a blank
// line on stdout. It returns the exit code, 1.
func (o *output) report(f failure) int {
	o.log()
	o.errln(o.red("ERROR:") + " " + f.message)
	if !o.debug {
		for _, l := range f.locations {
			o.errln(l)
		}
	}
	if f.detail != "" {
		o.errln(o.red("ERROR DETAIL:") + " " + f.detail)
	}
	if o.debug && f.hasExtra {
		o.errln(o.red("EXTRA MESSAGE:") + " " + f.extra)
	}
	o.log()
	return 1
}

// fail reports a Go error that carries no JavaScript value.
func (o *output) fail(err error, debug bool) int {
	o.debug = o.debug || debug
	return o.report(goFailure(err))
}

func goFailure(err error) failure {
	f := failure{message: err.Error()}
	var db *dialect.DBError
	if errors.As(err, &db) {
		f.detail = db.Detail
		f.extra, f.hasExtra = db.Message, true
	}
	var fe *migrate.FileError
	if errors.As(err, &fe) {
		f.locations = []string{"    at " + fe.File}
	}
	return f
}

// usage prints a yargs validation failure: the help, a blank line and the
// message, all on stderr; exit 1.
func (o *output) usage(e *usageError) int {
	help := topHelp()
	if e.cmd != nil {
		help = commandHelp(e.cmd)
	}
	o.raw(true, help+"\n"+e.msg+"\n")
	return 1
}

// describeJS reads what view-helper would read from a thrown JavaScript
// value: error.message (when it is an Error), error.original.detail and
// error.original.message; queryError tells a Sequelize error made by a
// query's formatError (it has original and sql), whose stack Sequelize
// takes from a plain Error made in Query.run.
const describeJS = `(function (e) {
  var r = { isError: false, hasOriginal: false, queryError: false, message: '', detail: '', extra: '' };
  try { r.isError = e instanceof Error; } catch (x) {}
  try { r.queryError = r.isError && e.original !== undefined && 'sql' in e; } catch (x) {}
  if (r.isError) { try { r.message = String(e.message); } catch (x) {} }
  try {
    var o = e !== null && e !== undefined ? e.original : undefined;
    if (o) {
      r.hasOriginal = true;
      try { if (o.detail) r.detail = String(o.detail); } catch (x) {}
      try { r.extra = String(o.message); } catch (x) {}
    }
  } catch (x) {}
  return r;
})`

// describe turns any error of a run into a failure. Errors thrown by
// JavaScript are read on the loop of rt (which may be nil when no runtime
// exists yet): error.message, error.original, and the frames in the
// user's files.
func (r *run) describe(rt *jsrt.Runtime, err error) failure {
	var se *jsrt.ScriptError
	if !errors.As(err, &se) {
		return goFailure(err)
	}
	f := failure{message: se.Message}
	queryError := false
	if se.Value != nil && rt != nil {
		type info struct {
			IsError     bool   `json:"isError"`
			HasOriginal bool   `json:"hasOriginal"`
			QueryError  bool   `json:"queryError"`
			Message     string `json:"message"`
			Detail      string `json:"detail"`
			Extra       string `json:"extra"`
		}
		var in info
		_, aerr := rt.Loop().Await(context.WithoutCancel(r.st.Ctx), func(vm *goja.Runtime) (goja.Value, error) {
			fn, err := vm.RunString(describeJS)
			if err != nil {
				return nil, err
			}
			call, _ := goja.AssertFunction(fn)
			v, err := call(goja.Undefined(), se.Value)
			if err != nil {
				return nil, err
			}
			o := v.ToObject(vm)
			in.IsError = o.Get("isError").ToBoolean()
			in.HasOriginal = o.Get("hasOriginal").ToBoolean()
			in.QueryError = o.Get("queryError").ToBoolean()
			in.Message = o.Get("message").String()
			in.Detail = o.Get("detail").String()
			in.Extra = o.Get("extra").String()
			return goja.Undefined(), nil
		})
		if aerr == nil {
			if in.IsError {
				prefix := ""
				if strings.HasPrefix(se.Message, "Uncaught (in promise) ") {
					prefix = "Uncaught (in promise) "
				}
				f.message = prefix + in.Message
			}
			f.detail = in.Detail
			f.extra, f.hasExtra = in.Extra, in.HasOriginal
			queryError = in.QueryError
		}
	} else if se.Value == nil {
		// A syntax error: Node's error.message has no "SyntaxError: ".
		f.message = strings.TrimPrefix(f.message, "SyntaxError: ")
	}
	if f.detail == "" {
		var db *dialect.DBError
		if errors.As(err, &db) {
			f.detail = db.Detail
			if !f.hasExtra {
				f.extra, f.hasExtra = db.Message, true
			}
		}
	}
	if r.out.debug {
		f.message = debugStack(se, queryError)
	}
	f.locations = userLocations(se)
	if len(f.locations) == 0 {
		var fe *migrate.FileError
		if errors.As(err, &fe) {
			f.locations = []string{"    at " + fe.File}
		}
	}
	return f
}

// internalFrame reports frames of sqzjs's own JavaScript ("sqzjs:…").
func internalFrame(fr jsrt.Frame) bool { return strings.HasPrefix(fr.File, "sqzjs:") }

// userLocations are the frames of a script error in the user's files:
// absolute paths outside node_modules.
func userLocations(se *jsrt.ScriptError) []string {
	var out []string
	for _, fr := range se.Frames {
		if strings.HasPrefix(fr.File, "/") && !strings.Contains(fr.File, "/node_modules/") {
			out = append(out, "    at "+fr.String())
		}
	}
	return out
}

// debugStack is error.stack: the first line and every frame but sqzjs's
// own. A query's error (queryError) carries the stack of Query.run's
// plain Error, whose first line is "Error".
func debugStack(se *jsrt.ScriptError, queryError bool) string {
	var b strings.Builder
	if queryError {
		b.WriteString("Error")
	} else {
		b.WriteString(se.Message)
	}
	for _, fr := range se.Frames {
		if internalFrame(fr) {
			continue
		}
		b.WriteString("\n    at ")
		b.WriteString(fr.String())
	}
	return b.String()
}
