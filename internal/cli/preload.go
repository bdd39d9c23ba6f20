package cli

import (
	"strings"

	"github.com/dop251/goja"
)

// splitRequires takes node's -r/--require options out of the command line
// (sqzjs accepts them where a project ran `node -r ts-node/register
// node_modules/.bin/sequelize …`): the modules are required before
// .sequelizerc, as node requires them before the program. The loader hooks
// among them (ts-node/register, @babel/register, tsx, esm, …) do nothing,
// since sqzjs transpiles TypeScript and ES modules itself.
func splitRequires(argv []string) (rest, requires []string) {
	for i := 0; i < len(argv); i++ {
		tok := argv[i]
		switch {
		case tok == "--":
			return append(rest, argv[i:]...), requires
		case tok == "-r" || tok == "--require":
			if i+1 < len(argv) {
				requires = append(requires, argv[i+1])
				i++
			}
		case strings.HasPrefix(tok, "-r="), strings.HasPrefix(tok, "--require="):
			_, v, _ := strings.Cut(tok, "=")
			requires = append(requires, v)
		default:
			rest = append(rest, tok)
		}
	}
	return rest, requires
}

// preload requires the -r/--require modules, from the working directory.
func (r *run) preload(requires []string) error {
	for _, m := range requires {
		if _, err := r.await(func(vm *goja.Runtime) (goja.Value, error) { return r.rt.Require(m) }); err != nil {
			return err
		}
	}
	return nil
}
