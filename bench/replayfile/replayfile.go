package replayfile

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// Statement is one statement to replay.
type Statement struct {
	SQL    string  `json:"sql"`
	Params []Param `json:"params,omitempty"`
}

// Param is one bind parameter: exactly one field is set (Null for NULL).
type Param struct {
	S    *string  `json:"s,omitempty"`
	I    *int64   `json:"i,omitempty"`
	F    *float64 `json:"f,omitempty"`
	B    []byte   `json:"b,omitempty"`
	Bool *bool    `json:"bool,omitempty"`
	// T is a time, as Go formats it in RFC 3339 with nanoseconds.
	T    *time.Time `json:"t,omitempty"`
	Null bool       `json:"null,omitempty"`
}

// Value is the Go value of p.
func (p Param) Value() any {
	switch {
	case p.S != nil:
		return *p.S
	case p.I != nil:
		return *p.I
	case p.F != nil:
		return *p.F
	case p.B != nil:
		return p.B
	case p.Bool != nil:
		return *p.Bool
	case p.T != nil:
		return *p.T
	}
	return nil
}

// NewParam tags v; it fails for types a driver would not bind.
func NewParam(v any) (Param, error) {
	switch x := v.(type) {
	case nil:
		return Param{Null: true}, nil
	case string:
		return Param{S: &x}, nil
	case int64:
		return Param{I: &x}, nil
	case int:
		i := int64(x)
		return Param{I: &i}, nil
	case float64:
		return Param{F: &x}, nil
	case []byte:
		return Param{B: x}, nil
	case bool:
		return Param{Bool: &x}, nil
	case time.Time:
		return Param{T: &x}, nil
	}
	return Param{}, fmt.Errorf("replayfile: cannot encode a parameter of type %T", v)
}

// Write writes the statements, one per line.
func Write(w io.Writer, stmts []Statement) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, s := range stmts {
		if err := enc.Encode(s); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// Read reads what Write wrote.
func Read(r io.Reader) ([]Statement, error) {
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<20))
	var out []Statement
	for {
		var s Statement
		if err := dec.Decode(&s); err == io.EOF {
			return out, nil
		} else if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
}
