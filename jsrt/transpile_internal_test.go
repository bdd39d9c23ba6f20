package jsrt

import (
	"slices"
	"testing"
)

func TestHasModuleSyntax(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src  string
		want bool
	}{
		{"module.exports = { up() {} };", false},
		{"const x = require('x');\nexports.up = () => {};", false},
		{"// import x from 'y'\nmodule.exports = 1;", false},
		{"const s = 'export default';", false},
		{"obj.import(1); x.export = 2;", false},
		{"reimport(); exporter();", false},
		{"import x from 'y';", true},
		{"'use strict';\n  import { a } from 'b';", true},
		{"'use strict'; import * as a from 'b';", true},
		{"import 'side-effect';", true},
		{"export default {};", true},
		{"export async function up() {}", true},
		{"export {\n  up,\n};", true},
		{"export * from './x';", true},
		{"const m = await import('./x');", true},
		{"const m = import ('./x');", true},
	}
	for _, tc := range tests {
		if got := hasModuleSyntax([]byte(tc.src)); got != tc.want {
			t.Errorf("hasModuleSyntax(%q) = %v, want %v", tc.src, got, tc.want)
		}
	}
}

func TestVLQRoundTrip(t *testing.T) {
	t.Parallel()
	for _, fields := range [][]int{{0}, {1, 0, -1, 15}, {16, 1, 1000, -1000, 3}, {-1}} {
		got, ok := decodeVLQ(encodeVLQ(fields))
		if !ok || !slices.Equal(got, fields) {
			t.Errorf("round trip of %v = %v, %v", fields, got, ok)
		}
	}
	// esbuild's map of "x = 1" on line 1 and 2: every column moves right by one.
	got, ok := shiftColumns("AAAA,IAAI;AACA")
	want := "CAAC,IAAI;CACA"
	if !ok || got != want {
		t.Errorf("shiftColumns = %q, %v; want %q", got, ok, want)
	}
}
