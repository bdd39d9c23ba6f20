package lazyre

import "testing"

func TestMustCompileOnce(t *testing.T) {
	re := MustCompile(`^a+$`)
	if re() != re() {
		t.Fatal("two calls compiled twice")
	}
	if !re().MatchString("aaa") || re().MatchString("ab") {
		t.Fatal("wrong expression")
	}
}
