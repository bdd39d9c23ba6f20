package mysql

import (
	"encoding/binary"
	"net"
	"strings"
	"sync"
)

// wire watches the MySQL protocol on one connection, below
// go-sql-driver/mysql, for what that driver parses but does not keep and
// the Node drivers hand to Sequelize:
//
//   - the server's connection id (the mariadb connector's "(conn=…" in error
//     messages) and version;
//   - the OK packet of every result: mysql2's ResultSetHeader and the
//     connector's OkPacket carry info, serverStatus and warningStatus
//     besides the affected rows and insert id;
//   - MariaDB's extended column metadata, which both Node drivers ask for and
//     which marks JSON columns (MariaDB sends them as LONGTEXT; mysql2 and the
//     connector parse their values). go-sql-driver does not ask for it and
//     would misread column definitions carrying it, so wire asks for it in
//     the handshake response and removes it from each column definition
//     before the driver reads it, keeping the format it names.
//
// That is the only change it makes to the stream. It stops watching when the
// connection switches to TLS or compression, which it cannot read; results
// then fall back to what the driver reports.
type wire struct {
	net.Conn

	mu sync.Mutex
	// disabled: TLS or compression, the stream is no longer readable.
	disabled bool

	raw     []byte // server bytes not yet framed into whole packets
	pending []byte // server bytes ready for the driver
	out     []byte // partial client packets
	buf     [16 * 1024]byte

	greeted       bool
	threadID      uint32
	serverVersion string
	serverCaps    uint32
	serverExtCaps uint32
	clientCaps    uint32
	clientExtCaps uint32
	clientSeen    bool

	// the current command's response
	cmd         byte
	stmtID      uint32
	phases      []phase
	results     []wireResult
	stmtCols    map[uint32][]string // prepared statement → column formats
	prepID      uint32
	pendingPrep *[]string
}

// phase is what the next server packets of a response are.
type phase struct {
	kind  int
	count int       // column definitions left
	into  *[]string // where their formats go
	defs  *[][]byte // where the packets go
}

const (
	phaseFirst = iota + 1
	phaseDefs
	phaseEOF
	phaseRows
)

// wireResult is one result of a command: an OK packet, or a result set
// (Rows) with the status of its terminating packet and the extended format
// of each column ("json").
type wireResult struct {
	Rows         bool
	AffectedRows uint64
	InsertID     uint64
	Status       uint16
	Warnings     uint16
	Info         string
	// State holds the session state changes of an OK packet
	// (SESSION_TRACK), when the server reported some.
	State   *sessionState
	Formats []string
	// Defs are the column definition packets as the server sent them.
	Defs [][]byte
}

// Capability and status flags (MySQL/MariaDB client/server protocol).
const (
	capMySQL            = 1 << 0
	capCompress         = 1 << 5
	capIgnoreSpace      = 1 << 8
	capSSL              = 1 << 11
	capSessionTrack     = 1 << 23
	capDeprecateEOF     = 1 << 24
	extCapExtendedMeta  = 1 << 3 // MARIADB_CLIENT_EXTENDED_TYPE_INFO
	extCapCacheMetadata = 1 << 4 // MARIADB_CLIENT_CACHE_METADATA
	statusMoreResult    = 0x0008
	statusStateChanged  = 0x4000
)

// Read hands the driver the server's bytes, whole packets at a time, with
// the extended metadata taken out of column definitions.
func (w *wire) Read(p []byte) (int, error) {
	for {
		w.mu.Lock()
		if len(w.pending) > 0 {
			n := copy(p, w.pending)
			w.pending = w.pending[n:]
			w.mu.Unlock()
			return n, nil
		}
		if w.disabled && len(w.raw) == 0 {
			w.mu.Unlock()
			return w.Conn.Read(p)
		}
		w.mu.Unlock()
		n, err := w.Conn.Read(w.buf[:])
		w.mu.Lock()
		if n > 0 {
			w.raw = append(w.raw, w.buf[:n]...)
			w.frame()
		}
		w.mu.Unlock()
		if err != nil {
			w.mu.Lock()
			if len(w.pending) == 0 && len(w.raw) > 0 {
				// the stream ended inside a packet: hand over what there is
				w.pending, w.raw = w.raw, nil
			}
			has := len(w.pending) > 0
			w.mu.Unlock()
			if !has {
				return 0, err
			}
		}
	}
}

// frame moves the whole packets of raw to pending, rewritten where needed.
func (w *wire) frame() {
	for len(w.raw) >= 4 {
		if w.disabled {
			w.pending = append(w.pending, w.raw...)
			w.raw = w.raw[:0]
			return
		}
		n := int(w.raw[0]) | int(w.raw[1])<<8 | int(w.raw[2])<<16
		if len(w.raw) < 4+n {
			return
		}
		pkt := w.raw[:4+n]
		if out := w.server(pkt[3], pkt[4:], n < 0xffffff); out != nil {
			hdr := []byte{byte(len(out)), byte(len(out) >> 8), byte(len(out) >> 16), pkt[3]}
			w.pending = append(w.pending, hdr...)
			w.pending = append(w.pending, out...)
		} else {
			w.pending = append(w.pending, pkt...)
		}
		w.raw = w.raw[4+n:]
	}
	if len(w.raw) == 0 {
		w.raw = nil
	}
}

// Write passes the driver's bytes to the server, asking for MariaDB's
// extended metadata in the handshake response.
func (w *wire) Write(p []byte) (int, error) {
	w.mu.Lock()
	send := p
	if !w.disabled {
		start := len(w.out)
		w.out = append(w.out, p...)
		rest := w.out
		for len(rest) >= 4 {
			n := int(rest[0]) | int(rest[1])<<8 | int(rest[2])<<16
			if len(rest) < 4+n {
				break
			}
			off := len(w.out) - len(rest) // offset of this packet in w.out
			if patched := w.client(rest[3], rest[4:4+n]); patched && off >= start {
				// the packet came in this write: send the patched bytes
				send = append([]byte(nil), w.out[start:]...)
			}
			rest = rest[4+n:]
		}
		w.out = append([]byte(nil), rest...)
	}
	w.mu.Unlock()
	if _, err := w.Conn.Write(send); err != nil {
		return 0, err
	}
	return len(p), nil
}

// client sees a packet the driver sends; it reports whether it changed it
// (in place).
func (w *wire) client(seq byte, payload []byte) bool {
	if !w.clientSeen {
		// the handshake response (or SSL request)
		w.clientSeen = true
		if len(payload) < 4 {
			return false
		}
		w.clientCaps = binary.LittleEndian.Uint32(payload)
		if w.clientCaps&(capSSL|capCompress) != 0 {
			w.disabled = true
			return false
		}
		// both Node drivers ask for IGNORE_SPACE (the server then parses
		// function names as reserved words) and SESSION_TRACK
		w.clientCaps |= capIgnoreSpace | (w.serverCaps & capSessionTrack)
		binary.LittleEndian.PutUint32(payload, w.clientCaps)
		if w.clientCaps&capMySQL == 0 && w.serverCaps&capMySQL == 0 && len(payload) >= 32 {
			w.clientExtCaps = binary.LittleEndian.Uint32(payload[28:])
			if w.serverExtCaps&extCapExtendedMeta != 0 {
				w.clientExtCaps |= extCapExtendedMeta
				binary.LittleEndian.PutUint32(payload[28:], w.clientExtCaps)
			}
		}
		return true
	}
	if seq != 0 || len(payload) == 0 {
		return false
	}
	w.cmd = payload[0]
	w.phases = nil
	switch w.cmd {
	case 0x03: // COM_QUERY
		w.results = nil
		w.phases = []phase{{kind: phaseFirst}}
	case 0x16: // COM_STMT_PREPARE
		w.phases = []phase{{kind: phaseFirst}}
	case 0x17: // COM_STMT_EXECUTE
		w.results = nil
		if len(payload) >= 5 {
			w.stmtID = binary.LittleEndian.Uint32(payload[1:])
		}
		w.phases = []phase{{kind: phaseFirst}}
	case 0x19: // COM_STMT_CLOSE (no response)
		if len(payload) >= 5 {
			delete(w.stmtCols, binary.LittleEndian.Uint32(payload[1:]))
		}
	}
	return false
}

func (w *wire) negotiated(flag uint32) bool {
	return w.serverCaps&flag != 0 && w.clientCaps&flag != 0
}

func (w *wire) extNegotiated(flag uint32) bool {
	return w.serverExtCaps&flag != 0 && w.clientExtCaps&flag != 0
}

// server sees a packet from the server and returns its replacement, or nil
// to pass it on unchanged.
func (w *wire) server(seq byte, p []byte, full bool) []byte {
	if !w.greeted {
		w.greeted = true
		w.greeting(p)
		return nil
	}
	if len(p) == 0 || len(w.phases) == 0 {
		return nil
	}
	ph := &w.phases[0]
	switch ph.kind {
	case phaseFirst:
		switch {
		case p[0] == 0x00 && full && w.cmd == 0x16:
			w.phases = w.phases[1:]
			w.prepared(p)
		case p[0] == 0x00 && full:
			r := w.ok(p)
			w.results = append(w.results, r)
			if r.Status&statusMoreResult == 0 {
				w.phases = nil
			}
		case p[0] == 0xff, p[0] == 0xfb:
			w.phases = nil
		default:
			n, i := lenenc(p, 0)
			metadata := true
			if w.extNegotiated(extCapCacheMetadata) && i < len(p) {
				metadata = p[i] == 0x01
			}
			w.results = append(w.results, wireResult{Rows: true})
			r := &w.results[len(w.results)-1]
			w.phases = w.phases[1:]
			var next []phase
			if metadata {
				next = append(next, phase{kind: phaseDefs, count: int(n), into: &r.Formats, defs: &r.Defs})
				if !w.negotiated(capDeprecateEOF) {
					next = append(next, phase{kind: phaseEOF})
				}
			} else if w.cmd == 0x17 {
				r.Formats = w.stmtCols[w.stmtID]
			}
			next = append(next, phase{kind: phaseRows})
			w.phases = append(next, w.phases...)
		}
	case phaseDefs:
		out, format := w.columnDef(p)
		if ph.into != nil {
			*ph.into = append(*ph.into, format)
		}
		if ph.defs != nil {
			*ph.defs = append(*ph.defs, append([]byte(nil), p...))
		}
		ph.count--
		if ph.count <= 0 {
			w.phases = w.phases[1:]
			w.prepDone()
		}
		return out
	case phaseEOF:
		if p[0] == 0xfe {
			w.phases = w.phases[1:]
			w.prepDone()
		}
	case phaseRows:
		switch {
		case p[0] == 0xff:
			w.phases = nil
		case p[0] == 0xfe && full:
			var st, warn uint16
			if w.negotiated(capDeprecateEOF) {
				r := w.ok(p)
				st, warn = r.Status, r.Warnings
			} else if len(p) >= 5 {
				warn = binary.LittleEndian.Uint16(p[1:])
				st = binary.LittleEndian.Uint16(p[3:])
			}
			if n := len(w.results); n > 0 {
				w.results[n-1].Status, w.results[n-1].Warnings = st, warn
			}
			w.phases = w.phases[1:]
			if st&statusMoreResult != 0 {
				w.phases = append([]phase{{kind: phaseFirst}}, w.phases...)
			}
		}
	}
	return nil
}

// prepared reads the COM_STMT_PREPARE OK packet and queues the parameter and
// column definitions that follow it.
func (w *wire) prepared(p []byte) {
	if len(p) < 9 {
		return
	}
	w.prepID = binary.LittleEndian.Uint32(p[1:])
	cols := int(binary.LittleEndian.Uint16(p[5:]))
	params := int(binary.LittleEndian.Uint16(p[7:]))
	if w.stmtCols == nil {
		w.stmtCols = map[uint32][]string{}
	}
	w.stmtCols[w.prepID] = nil
	eof := !w.negotiated(capDeprecateEOF)
	if params > 0 {
		w.phases = append(w.phases, phase{kind: phaseDefs, count: params})
		if eof {
			w.phases = append(w.phases, phase{kind: phaseEOF})
		}
	}
	if cols > 0 {
		formats := new([]string)
		w.phases = append(w.phases, phase{kind: phaseDefs, count: cols, into: formats})
		if eof {
			w.phases = append(w.phases, phase{kind: phaseEOF})
		}
		w.pendingPrep = formats
	}
}

// prepDone stores a prepared statement's column formats once its
// definitions have been read.
func (w *wire) prepDone() {
	if w.cmd == 0x16 && len(w.phases) == 0 && w.pendingPrep != nil {
		w.stmtCols[w.prepID] = *w.pendingPrep
		w.pendingPrep = nil
	}
}

// columnDef takes MariaDB's extended metadata out of a column definition
// and returns the packet without it (nil when there was none) and the
// format it named ("json").
func (w *wire) columnDef(p []byte) ([]byte, string) {
	if !w.extNegotiated(extCapExtendedMeta) {
		return nil, ""
	}
	i := 0
	for range 6 { // catalog, schema, table, org_table, name, org_name
		n, j := lenenc(p, i)
		i = j + int(n)
		if i > len(p) {
			return nil, ""
		}
	}
	n, j := lenenc(p, i)
	end := j + int(n)
	if end > len(p) {
		return nil, ""
	}
	format := ""
	for k := j; k < end; {
		id := p[k]
		v, m := lenenc(p, k+1)
		if m+int(v) > end {
			break
		}
		if id == 1 {
			format = string(p[m : m+int(v)])
		}
		k = m + int(v)
	}
	out := make([]byte, 0, len(p)-(end-i))
	out = append(out, p[:i]...)
	out = append(out, p[end:]...)
	return out, format
}

// greeting reads the server's initial handshake packet.
func (w *wire) greeting(p []byte) {
	if len(p) < 1 || p[0] != 10 {
		w.disabled = true
		return
	}
	i := 1
	end := i
	for end < len(p) && p[end] != 0 {
		end++
	}
	w.serverVersion = string(p[i:end])
	i = end + 1
	if i+4 > len(p) {
		return
	}
	w.threadID = binary.LittleEndian.Uint32(p[i:])
	i += 4 + 8 + 1 // auth data part 1, filler
	if i+2 > len(p) {
		return
	}
	w.serverCaps = uint32(binary.LittleEndian.Uint16(p[i:]))
	i += 2 + 1 + 2 // caps, charset, status
	if i+2 <= len(p) {
		w.serverCaps |= uint32(binary.LittleEndian.Uint16(p[i:])) << 16
	}
	i += 2 + 1 + 6 // upper caps, auth data length, filler
	if w.serverCaps&capMySQL == 0 && i+4 <= len(p) {
		w.serverExtCaps = binary.LittleEndian.Uint32(p[i:])
	}
}

// ok parses an OK packet (header 0x00, or 0xfe ending rows).
func (w *wire) ok(p []byte) wireResult {
	r := wireResult{}
	i := 1
	r.AffectedRows, i = lenenc(p, i)
	r.InsertID, i = lenenc(p, i)
	if i+4 <= len(p) {
		r.Status = binary.LittleEndian.Uint16(p[i:])
		r.Warnings = binary.LittleEndian.Uint16(p[i+2:])
		i += 4
	}
	if i < len(p) {
		// MariaDB always sends a length-encoded info string, MySQL with
		// SESSION_TRACK, which mysql2 asks for
		if w.serverCaps&capSessionTrack != 0 || w.negotiated(capSessionTrack) {
			n, j := lenenc(p, i)
			if j+int(n) <= len(p) {
				r.Info = string(p[j : j+int(n)])
			}
			if r.Status&statusStateChanged != 0 && w.negotiated(capSessionTrack) {
				r.State = parseState(p, j+int(n))
			}
		} else {
			r.Info = string(p[i:])
		}
	}
	return r
}

func lenenc(p []byte, i int) (uint64, int) {
	if i >= len(p) {
		return 0, i
	}
	switch c := p[i]; {
	case c < 0xfb:
		return uint64(c), i + 1
	case c == 0xfb:
		return 0, i + 1
	case c == 0xfc && i+3 <= len(p):
		return uint64(binary.LittleEndian.Uint16(p[i+1:])), i + 3
	case c == 0xfd && i+4 <= len(p):
		return uint64(p[i+1]) | uint64(p[i+2])<<8 | uint64(p[i+3])<<16, i + 4
	case c == 0xfe && i+9 <= len(p):
		return binary.LittleEndian.Uint64(p[i+1:]), i + 9
	}
	return 0, len(p)
}

// take returns the results of the last command and forgets them; ok is
// false when the wire could not be read.
func (w *wire) take() (rs []wireResult, ok bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.disabled {
		return nil, false
	}
	rs, w.results = w.results, nil
	return rs, true
}

// readable reports whether the wire can still be read.
func (w *wire) readable() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return !w.disabled
}

// info returns the connection id and the server version from the handshake.
func (w *wire) info() (uint32, string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.threadID, strings.TrimPrefix(w.serverVersion, "5.5.5-")
}

// sessionState is mysql2's stateChanges.
type sessionState struct {
	vars        [][2]string
	schema      *string
	gtids       []string
	stateChange *string
}

// parseState reads the session state information that follows an OK
// packet's info, as mysql2 does.
func parseState(p []byte, i int) *sessionState {
	total, i := lenenc(p, i)
	if total == 0 {
		return nil
	}
	end := i + int(total)
	if end > len(p) {
		end = len(p)
	}
	st := &sessionState{gtids: []string{}}
	str := func(k int) (string, int) {
		n, j := lenenc(p, k)
		if j+int(n) > len(p) {
			return "", len(p)
		}
		return string(p[j : j+int(n)]), j + int(n)
	}
	for i < end {
		typ := p[i]
		n, j := lenenc(p, i+1)
		entryEnd := j + int(n)
		switch typ {
		case 0: // SYSTEM_VARIABLES
			k, m := str(j)
			v, _ := str(m)
			st.vars = append(st.vars, [2]string{k, v})
		case 1: // SCHEMA
			k, _ := str(j)
			st.schema = &k
		case 2: // STATE_CHANGE
			k, _ := str(j)
			st.stateChange = &k
		case 3: // GTIDS
			_, m := str(j)
			g, _ := str(m)
			st.gtids = strings.Split(g, ",")
		}
		i = entryEnd
	}
	return st
}
