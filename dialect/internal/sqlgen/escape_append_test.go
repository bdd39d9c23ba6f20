package sqlgen

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/sqzjs/sqzjs/dialect"
)

// appendNumber and appendString write what FormatNumber and the string
// literal rules write.
func TestAppendNumber(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	values := []float64{0, math.Copysign(0, -1), 1, -1, 0.99, 345.99, 1e-6, 9.99e-7, 1e21, 999999999999999999999, 1e20, -1e-6,
		0.1 + 0.2, 123456789012345680000, math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(1), math.Inf(-1), math.NaN()}
	for range 100000 {
		values = append(values, math.Float64frombits(r.Uint64()), float64(r.IntN(1e6))/100, r.NormFloat64()*math.Pow(10, float64(r.IntN(50)-25)))
	}
	for _, x := range values {
		if got, want := string(appendNumber(nil, x)), dialect.FormatNumber(x); got != want {
			t.Fatalf("appendNumber(%v) = %q, FormatNumber %q", x, got, want)
		}
	}
}

func TestAppendString(t *testing.T) {
	in := "it's\x00 \\\n\"\x1aé"
	for _, c := range []struct {
		f    Flavor
		want string
	}{
		{Flavor{Name: dialect.SQLite}, "'it''s\x00 \\\n\"\x1aé'"},
		{Flavor{Name: dialect.Postgres}, "'it''s\\0 \\\n\"\x1aé'"},
		{Flavor{Name: dialect.MySQL, BackslashEscapes: true}, `'it\'s\0 \\\n\"\Zé'`},
	} {
		f, want := c.f, c.want
		if got := string(f.appendString([]byte("x"), in)); got != "x"+want {
			t.Errorf("%s: appendString(%q) = %q, want %q", f.Name, in, got, "x"+want)
		}
	}
}
