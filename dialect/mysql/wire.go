package mysql

import (
	"encoding/binary"
	"net"
	"strings"
	"sync"
)

// wire watches the MySQL protocol on one connection, below
// go-sql-driver/mysql, to read what that driver parses but does not keep and
// the Node drivers hand to Sequelize: the server's connection id (the
// mariadb connector's "(conn=…" in error messages), its version, and the
// OK packet of every result (mysql2's ResultSetHeader and the mariadb
// connector's OkPacket carry info, serverStatus and warningStatus besides
// the affected rows and insert id).
//
// It never changes a byte. It stops watching when the connection switches
// to TLS or compression, which it cannot read; results then fall back to
// what the driver reports.
type wire struct {
	net.Conn

	mu sync.Mutex
	// disabled: TLS or compression, the stream is no longer readable.
	disabled bool

	in, out []byte // partial packets, server → client and client → server

	greeted       bool
	threadID      uint32
	serverVersion string
	serverCaps    uint32
	clientCaps    uint32
	clientSeen    bool

	// state of the current command's response
	state    int
	eofs     int // EOF packets seen in the current result set (no DEPRECATE_EOF)
	results  []wireResult
	commands int
}

// wireResult is one result of a command: an OK packet, or a result set
// (Rows) with the status of its terminating packet.
type wireResult struct {
	Rows         bool
	AffectedRows uint64
	InsertID     uint64
	Status       uint16
	Warnings     uint16
	Info         string
}

const (
	stateIdle = iota
	stateFirst
	stateRows
	stateIgnore
)

// Capability and status flags (MySQL client/server protocol).
const (
	capCompress      = 1 << 5
	capProtocol41    = 1 << 9
	capSSL           = 1 << 11
	capSessionTrack  = 1 << 23
	capDeprecateEOF  = 1 << 24
	statusMoreResult = 0x0008
)

func (w *wire) Read(p []byte) (int, error) {
	n, err := w.Conn.Read(p)
	if n > 0 {
		w.mu.Lock()
		if !w.disabled {
			w.in = append(w.in, p[:n]...)
			w.in = w.packets(w.in, w.server)
		}
		w.mu.Unlock()
	}
	return n, err
}

func (w *wire) Write(p []byte) (int, error) {
	w.mu.Lock()
	if !w.disabled {
		w.out = append(w.out, p...)
		w.out = w.packets(w.out, w.client)
	}
	w.mu.Unlock()
	return w.Conn.Write(p)
}

// packets calls handle for every complete packet at the start of buf and
// returns the rest.
func (w *wire) packets(buf []byte, handle func(seq byte, payload []byte, full bool)) []byte {
	for len(buf) >= 4 && !w.disabled {
		n := int(buf[0]) | int(buf[1])<<8 | int(buf[2])<<16
		if len(buf) < 4+n {
			break
		}
		handle(buf[3], buf[4:4+n], n < 0xffffff)
		buf = buf[4+n:]
	}
	if w.disabled {
		return nil
	}
	// keep the remainder in a fresh slice so the buffer does not grow
	return append([]byte(nil), buf...)
}

// client sees a packet the driver sends.
func (w *wire) client(seq byte, payload []byte, _ bool) {
	if !w.clientSeen {
		// the handshake response (or SSL request)
		w.clientSeen = true
		if len(payload) >= 4 {
			w.clientCaps = binary.LittleEndian.Uint32(payload)
			if w.clientCaps&(capSSL|capCompress) != 0 {
				w.disabled = true
			}
		}
		return
	}
	if seq != 0 || len(payload) == 0 {
		return
	}
	switch payload[0] {
	case 0x03, 0x17: // COM_QUERY, COM_STMT_EXECUTE
		w.state = stateFirst
		w.results = nil
		w.commands++
	default:
		w.state = stateIgnore
	}
}

func (w *wire) negotiated(flag uint32) bool {
	return w.serverCaps&flag != 0 && w.clientCaps&flag != 0
}

// server sees a packet the server sends.
func (w *wire) server(seq byte, p []byte, full bool) {
	if !w.greeted {
		w.greeted = true
		w.greeting(p)
		return
	}
	if len(p) == 0 {
		return
	}
	switch w.state {
	case stateFirst:
		switch {
		case p[0] == 0x00 && full:
			r := w.ok(p)
			w.results = append(w.results, r)
			if r.Status&statusMoreResult == 0 {
				w.state = stateIdle
			}
		case p[0] == 0xff:
			w.state = stateIdle
		case p[0] == 0xfb:
			w.state = stateIgnore
		default:
			w.results = append(w.results, wireResult{Rows: true})
			w.state = stateRows
			w.eofs = 0
		}
	case stateRows:
		switch {
		case p[0] == 0xff:
			w.state = stateIdle
		case p[0] == 0xfe && full && len(p) < 0xffffff:
			if !w.negotiated(capDeprecateEOF) {
				// without DEPRECATE_EOF an EOF packet follows the column
				// definitions and another ends the rows
				w.eofs++
				if w.eofs < 2 {
					return
				}
				var st, warn uint16
				if len(p) >= 5 {
					warn = binary.LittleEndian.Uint16(p[1:])
					st = binary.LittleEndian.Uint16(p[3:])
				}
				w.endRows(st, warn)
				return
			}
			r := w.ok(p)
			w.endRows(r.Status, r.Warnings)
		}
	}
}

func (w *wire) endRows(status, warnings uint16) {
	if n := len(w.results); n > 0 {
		w.results[n-1].Status = status
		w.results[n-1].Warnings = warnings
	}
	if status&statusMoreResult != 0 {
		w.state = stateFirst
	} else {
		w.state = stateIdle
	}
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
