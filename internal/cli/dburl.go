package cli

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/sqzjs/sqzjs/internal/lazyre"
)

// legacyURL is the part of Node's legacy url.parse result that
// sequelize-cli's config helper reads. Nil pointers are null.
type legacyURL struct {
	protocol *string
	auth     *string
	hostname string
	port     *string
	pathname *string
	query    *string
}

var (
	protocolRE = lazyre.MustCompile(`^[a-zA-Z0-9.+-]+:`)
	portRE     = lazyre.MustCompile(`:[0-9]*$`)
)

// Characters that end the host part (Node's nonHostChars), and those
// escaped in the rest of the URL (autoEscape).
const (
	hostEnding = "/?#"
	nonHost    = "%/?;#'{}|\\^`<>\" \r\n\t"
	autoEscape = "'{}|\\^`<>\" \r\n\t"
)

// slashedProtocols get a "/" pathname when they have a host and no path.
var slashedProtocols = map[string]bool{"http": true, "https": true, "ftp": true, "gopher": true, "file": true}

// parseLegacyURL reproduces what Node's url.parse(s) (the legacy parser
// sequelize-cli uses) returns for the fields the config helper reads. It
// fails where url.parse throws (malformed percent-encoding in the auth).
func parseLegacyURL(s string) (*legacyURL, error) {
	u := &legacyURL{}
	rest := strings.TrimSpace(s)
	// Backslashes before the query become slashes.
	if q := strings.IndexAny(rest, "?#"); q >= 0 {
		rest = strings.ReplaceAll(rest[:q], `\`, "/") + rest[q:]
	} else {
		rest = strings.ReplaceAll(rest, `\`, "/")
	}
	var proto string
	if m := protocolRE().FindString(rest); m != "" {
		proto = strings.ToLower(m)
		u.protocol = &proto
		rest = rest[len(m):]
	}
	slashes := false
	if strings.HasPrefix(rest, "//") && proto != "javascript:" {
		slashes = true
		rest = rest[2:]
	}
	bare := strings.TrimSuffix(proto, ":")
	if proto != "javascript:" && (slashes || (proto != "" && !slashedProtocols[bare])) {
		end := strings.IndexAny(rest, hostEnding)
		at := -1
		if end >= 0 {
			at = strings.LastIndex(rest[:end], "@")
		} else {
			at = strings.LastIndex(rest, "@")
		}
		if at >= 0 {
			auth, err := url.PathUnescape(rest[:at])
			if err != nil {
				return nil, errors.New("URI malformed")
			}
			u.auth = &auth
			rest = rest[at+1:]
		}
		end = strings.IndexAny(rest, nonHost)
		if end < 0 {
			end = len(rest)
		}
		host := rest[:end]
		rest = rest[end:]
		if m := portRE().FindString(host); m != "" {
			if m != ":" {
				p := m[1:]
				u.port = &p
			}
			host = host[:len(host)-len(m)]
		}
		hostname := host
		ipv6 := strings.HasPrefix(hostname, "[") && strings.HasSuffix(hostname, "]")
		if !ipv6 {
			// Node moves everything from the first character a hostname may
			// not hold into the path.
			if i := strings.IndexAny(hostname, "/\\#?:"); i >= 0 {
				rest = "/" + hostname[i:] + rest
				hostname = hostname[:i]
			}
		}
		if len(hostname) > 255 {
			hostname = ""
		}
		if ipv6 {
			hostname = hostname[1 : len(hostname)-1]
		} else {
			hostname = strings.ToLower(hostname)
		}
		u.hostname = hostname
	}
	rest = escapeRest(rest)
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.IndexByte(rest, '?'); i >= 0 {
		q := rest[i+1:]
		u.query = &q
		rest = rest[:i]
	}
	if rest != "" {
		u.pathname = &rest
	} else if slashedProtocols[bare] && u.hostname != "" {
		p := "/"
		u.pathname = &p
	}
	return u, nil
}

// escapeRest percent-encodes the characters Node's url.parse escapes in
// the path, query and hash (all ASCII).
func escapeRest(s string) string {
	if !strings.ContainsAny(s, autoEscape) {
		return s
	}
	var b strings.Builder
	for _, c := range s {
		if strings.ContainsRune(autoEscape, c) {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// dbURL is the configuration sequelize-cli derives from a connection URL
// (config-helper.js parseDbUrl), in its key order.
type dbURL struct {
	Database string
	Host     string
	Port     *string // null when the URL has none
	Protocol string
	SSL      bool
	Username *string
	Password *string
	Dialect  string
	Storage  *string
}

// parseDbURL is sequelize-cli's parseDbUrl: database is the path without
// its first "/", dialect the scheme, ssl true only when the query holds
// "ssl=true", user and password from the percent-decoded auth, and for
// sqlite (unless the database starts with ":memory") storage = "/" +
// database. Every other query parameter is dropped.
func parseDbURL(s string) (*dbURL, error) {
	fail := errors.New("Error parsing url: " + s)
	u, err := parseLegacyURL(s)
	if err != nil || u.pathname == nil || u.protocol == nil {
		return nil, fail
	}
	d := &dbURL{
		Database: strings.TrimPrefix(*u.pathname, "/"),
		Host:     u.hostname,
		Port:     u.port,
		Protocol: strings.TrimSuffix(*u.protocol, ":"),
		SSL:      u.query != nil && strings.Contains(*u.query, "ssl=true"),
	}
	if u.auth != nil && *u.auth != "" {
		user, pass, hasPass := strings.Cut(*u.auth, ":")
		d.Username = &user
		if hasPass {
			d.Password = &pass
		}
	}
	d.Dialect = d.Protocol
	if d.Dialect == "sqlite" && !strings.HasPrefix(d.Database, ":memory") {
		st := "/" + d.Database
		d.Storage = &st
	}
	return d, nil
}

// fields lists the keys of the parsed URL in sequelize-cli's order, with
// JavaScript values (nil for null); keys whose value would be undefined are
// left out.
func (d *dbURL) fields() [][2]any {
	f := [][2]any{{"database", d.Database}, {"host", d.Host}}
	if d.Port != nil {
		f = append(f, [2]any{"port", *d.Port})
	} else {
		f = append(f, [2]any{"port", nil})
	}
	f = append(f, [2]any{"protocol", d.Protocol}, [2]any{"ssl", d.SSL})
	if d.Username != nil {
		f = append(f, [2]any{"username", *d.Username})
	}
	if d.Password != nil {
		f = append(f, [2]any{"password", *d.Password})
	}
	f = append(f, [2]any{"dialect", d.Dialect})
	if d.Storage != nil {
		f = append(f, [2]any{"storage", *d.Storage})
	}
	return f
}

// filteredURL is what sequelize-cli prints after "Parsed url": the URL with
// its password replaced by *****. Like sequelize-cli it also writes
// ":*****" after a user that has no password; unlike it, a percent-encoded
// password is masked too (sequelize-cli looks for the decoded one and
// prints the URL unchanged).
func filteredURL(s string) string {
	u, err := parseLegacyURL(s)
	if err != nil || u.auth == nil {
		return s
	}
	// Find the raw auth part: between "//" (or the scheme) and the last "@"
	// before the path.
	start := 0
	if m := protocolRE().FindStringIndex(s); m != nil {
		start = m[1]
	}
	if strings.HasPrefix(s[start:], "//") {
		start += 2
	}
	rest := s[start:]
	end := strings.IndexAny(rest, hostEnding)
	if end < 0 {
		end = len(rest)
	}
	at := strings.LastIndex(rest[:end], "@")
	if at < 0 {
		return s
	}
	user, _, _ := strings.Cut(rest[:at], ":")
	return s[:start] + user + ":*****" + rest[at:]
}

// urlWithPassword finds scheme://user:password@ in text.
var urlWithPassword = lazyre.MustCompile(`([a-zA-Z][a-zA-Z0-9+.-]*://[^\s:/@]*):([^\s@/]*)@`)

// maskURLs replaces the password of every URL in s by *****.
func maskURLs(s string) string {
	if !strings.Contains(s, "://") {
		return s
	}
	return urlWithPassword().ReplaceAllString(s, "$1:*****@")
}
