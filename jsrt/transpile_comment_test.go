package jsrt

import "testing"

// A CommonJS file is not transpiled for an import or export that is only
// in a comment, such as the JSDoc type of sequelize-cli's migration template.
func TestModuleSyntaxInComments(t *testing.T) {
	for src, want := range map[string]bool{
		"'use strict';\n/** @type {import('sequelize-cli').Migration} */\nmodule.exports = {};\n": false,
		"/**\n * @param {import('x').Y} a\n */\nmodule.exports = (a) => a;\n":                     false,
		"// const m = import('x');\nmodule.exports = 1;\n":                                        false,
		"/*\nimport x from 'x';\n*/\nmodule.exports = 1;\n":                                       false,
		"/* a */ module.exports = import('x');\n":                                                 true,
		"/** @type {import('x').Y} */\nconst y = await import('y');\n":                            true,
		"const url = 'http://x'; module.exports = import('y');\n":                                 true,
		"const s = `\n/* `; module.exports = import('x');\n":                                      true,
		"/** doc */\nimport x from 'x';\n":                                                        true,
		"/** doc */\nexport const a = 1;\n":                                                       true,
	} {
		if got := hasModuleSyntax([]byte(src)); got != want {
			t.Errorf("hasModuleSyntax(%q) = %v, want %v", src, got, want)
		}
	}
}
