package cli

import (
	"errors"
	"fmt"
	"github.com/sqzjs/sqzjs/bridge"

	"github.com/sqzjs/sqzjs/jsrt"
)

// main dispatches as sequelize-cli's yargs set-up does: --version, no
// command, unknown command, --help, strict option checks, .sequelizerc,
// then the command.
func (r *run) main() int {
	args, requires := splitRequires(r.st.Args)
	inv := parseArgs(args)
	shown := inv.helpOrVersion()
	cmd := findCommand(inv.command)
	suggestion := ""
	if cmd == nil && inv.command != "" && shown != "help" {
		// yargs recommends a command before it looks at --version, and
		// not at all with --help.
		suggestion = closest(inv.command, commandNames())
	}
	switch {
	case shown == "version" && suggestion == "":
		r.out.log(Version)
		return 0
	case shown == "help" && cmd == nil:
		r.out.raw(false, topHelp())
		return 0
	case inv.command == "":
		return r.out.usage(&usageError{msg: "Please specify a command"})
	case cmd == nil:
		msg := fmt.Sprintf("Unknown command %q.", inv.command)
		if suggestion != "" {
			msg += fmt.Sprintf(" Did you mean %q?", suggestion)
		}
		return r.out.usage(&usageError{msg: msg})
	}
	if cmd.run == nil {
		r.out.errln("sqzjs: " + cmd.name + " is not implemented yet")
		return 1
	}
	if shown == "help" {
		r.out.raw(false, commandHelp(cmd))
		return 0
	}
	var ue *usageError
	if err := inv.validate(cmd); errors.As(err, &ue) {
		return r.out.usage(ue)
	}
	r.out.debug = inv.flagBool("debug")
	if cmd.files && !r.exists(r.rcFile(inv)) {
		// The scaffolding commands run no JavaScript unless .sequelizerc
		// (a script) says where things go.
		if err := inv.checkConflicts(cmd); errors.As(err, &ue) {
			return r.out.usage(ue)
		}
		return cmd.run(r, inv)
	}
	rt, err := r.newRuntime()
	if err != nil {
		return r.failJS(err)
	}
	r.rt = rt
	defer rt.Close()
	sess, err := bridge.Prepare(r.st.Ctx, rt)
	if err != nil {
		return r.failJS(err)
	}
	r.sess = sess
	defer sess.Close()
	if err := r.preload(requires); err != nil {
		return r.failJS(err)
	}
	rc, file, err := r.loadRC(inv)
	if err != nil {
		return r.failJS(err)
	}
	if err := inv.applyRC(cmd, rc, r.rel(file)); errors.As(err, &ue) {
		return r.out.usage(ue)
	}
	if err := inv.checkConflicts(cmd); errors.As(err, &ue) {
		return r.out.usage(ue)
	}
	r.out.debug = inv.flagBool("debug")
	return cmd.run(r, inv)
}

// failJS reports any error of a command (view-helper.js error()) and
// returns 1. JavaScript errors are read on the runtime's loop.
func (r *run) failJS(err error) int {
	var exit *jsrt.ExitError
	if errors.As(err, &exit) {
		// process.exit(code) in a script ends the run at once, silently, as
		// it ends the Node process under sequelize-cli.
		return exit.Code
	}
	if r.st.Ctx.Err() != nil {
		// Interrupted (or out of time): whatever failed, failed because of
		// it, however the error wraps the context's.
		return r.out.report(failure{message: "interrupted"})
	}
	var we *wrappedError
	if errors.As(err, &we) {
		f := r.describe(r.rt, we.err)
		f.message = we.Error()
		return r.out.report(f)
	}
	return r.out.report(r.describe(r.rt, err))
}
