package cli

import (
	"encoding/json"
	"testing"
)

// TestParseDbURL: every expectation is what sequelize-cli 6.6.5's
// config-helper parseDbUrl returned under Node 20 (JSON.stringify of the
// result, or the message it threw), and filteredUrl's output.
func TestParseDbURL(t *testing.T) {
	t.Parallel()
	cases := []struct {
		url, want, filtered string
	}{
		{"postgres://user:secret@localhost:5432/mydb",
			`{"database":"mydb","host":"localhost","port":"5432","protocol":"postgres","ssl":false,"username":"user","password":"secret","dialect":"postgres"}`,
			"postgres://user:*****@localhost:5432/mydb"},
		// Percent-encoded user and password are decoded. (sequelize-cli
		// printed this URL unmasked; sqzjs masks it.)
		{"postgres://us%40er:p%40ss%3Aw@db.example.com/app?ssl=true",
			`{"database":"app","host":"db.example.com","port":null,"protocol":"postgres","ssl":true,"username":"us@er","password":"p@ss:w","dialect":"postgres"}`,
			"postgres://us%40er:*****@db.example.com/app?ssl=true"},
		{"mysql://root@127.0.0.1:3306/app",
			`{"database":"app","host":"127.0.0.1","port":"3306","protocol":"mysql","ssl":false,"username":"root","dialect":"mysql"}`,
			"mysql://root:*****@127.0.0.1:3306/app"},
		{"mariadb://u:p@h/d?sslmode=require",
			`{"database":"d","host":"h","port":null,"protocol":"mariadb","ssl":false,"username":"u","password":"p","dialect":"mariadb"}`,
			"mariadb://u:*****@h/d?sslmode=require"},
		{"sqlite://localhost/var/data/app.sqlite",
			`{"database":"var/data/app.sqlite","host":"localhost","port":null,"protocol":"sqlite","ssl":false,"dialect":"sqlite","storage":"/var/data/app.sqlite"}`,
			"sqlite://localhost/var/data/app.sqlite"},
		{"sqlite:///abs/path.db",
			`{"database":"abs/path.db","host":"","port":null,"protocol":"sqlite","ssl":false,"dialect":"sqlite","storage":"/abs/path.db"}`,
			"sqlite:///abs/path.db"},
		{"sqlite::memory:",
			`{"database":":memory","host":"","port":null,"protocol":"sqlite","ssl":false,"dialect":"sqlite"}`,
			"sqlite::memory:"},
		{"sqlite://:memory:",
			`{"database":":memory","host":"","port":null,"protocol":"sqlite","ssl":false,"dialect":"sqlite"}`,
			"sqlite://:memory:"},
		{"sqlite://localhost/:memory:",
			`{"database":":memory:","host":"localhost","port":null,"protocol":"sqlite","ssl":false,"dialect":"sqlite"}`,
			"sqlite://localhost/:memory:"},
		{"postgres://host", `Error parsing url: postgres://host`, "postgres://host"},
		{"postgres://u:p@ss@HOST/db",
			`{"database":"db","host":"host","port":null,"protocol":"postgres","ssl":false,"username":"u","password":"p@ss","dialect":"postgres"}`,
			"postgres://u:*****@HOST/db"},
		{"localhost/db", `Error parsing url: localhost/db`, "localhost/db"},
		{"postgres://u:@h/db",
			`{"database":"db","host":"h","port":null,"protocol":"postgres","ssl":false,"username":"u","password":"","dialect":"postgres"}`,
			"postgres://u:*****@h/db"},
		{"postgresql://u:p@h:5/d",
			`{"database":"d","host":"h","port":"5","protocol":"postgresql","ssl":false,"username":"u","password":"p","dialect":"postgresql"}`,
			"postgresql://u:*****@h:5/d"},
		{"sqlite:relative.db", `Error parsing url: sqlite:relative.db`, "sqlite:relative.db"},
		{"postgres://u:p@[::1]:5432/db",
			`{"database":"db","host":"::1","port":"5432","protocol":"postgres","ssl":false,"username":"u","password":"p","dialect":"postgres"}`,
			"postgres://u:*****@[::1]:5432/db"},
		{"postgres://u:p@h/d#frag",
			`{"database":"d","host":"h","port":null,"protocol":"postgres","ssl":false,"username":"u","password":"p","dialect":"postgres"}`,
			"postgres://u:*****@h/d#frag"},
		{"postgres://u:p@h/d?a=1&ssl=true",
			`{"database":"d","host":"h","port":null,"protocol":"postgres","ssl":true,"username":"u","password":"p","dialect":"postgres"}`,
			"postgres://u:*****@h/d?a=1&ssl=true"},
		{"POSTGRES://U:P@Host/DB",
			`{"database":"DB","host":"host","port":null,"protocol":"postgres","ssl":false,"username":"U","password":"P","dialect":"postgres"}`,
			"POSTGRES://U:*****@Host/DB"},
		{"postgres://u:pa ss@h/d",
			`{"database":"d","host":"h","port":null,"protocol":"postgres","ssl":false,"username":"u","password":"pa ss","dialect":"postgres"}`,
			"postgres://u:*****@h/d"},
		{"", `Error parsing url: `, ""},
		// url.parse throws on malformed percent-encoding in the auth.
		{"postgres://us%zz:p@h/d", `Error parsing url: postgres://us%zz:p@h/d`, "postgres://us%zz:p@h/d"},
		// Host quirks of the legacy parser.
		{"postgres://h:5x/d",
			`{"database":":5x/d","host":"h","port":null,"protocol":"postgres","ssl":false,"dialect":"postgres"}`, "postgres://h:5x/d"},
		{"postgres://h/d b",
			`{"database":"d%20b","host":"h","port":null,"protocol":"postgres","ssl":false,"dialect":"postgres"}`, "postgres://h/d b"},
		{`postgres://h\x/d`,
			`{"database":"x/d","host":"h","port":null,"protocol":"postgres","ssl":false,"dialect":"postgres"}`, `postgres://h\x/d`},
	}
	for _, c := range cases {
		got := ""
		d, err := parseDbURL(c.url)
		if err != nil {
			got = err.Error()
		} else {
			got = jsonOf(d)
		}
		if got != c.want {
			t.Errorf("parseDbURL(%q)\n got %s\nwant %s", c.url, got, c.want)
		}
		if f := filteredURL(c.url); f != c.filtered {
			t.Errorf("filteredURL(%q) = %q, want %q", c.url, f, c.filtered)
		}
	}
}

// jsonOf renders the parsed URL as JSON.stringify renders sequelize-cli's
// object.
func jsonOf(d *dbURL) string {
	s := "{"
	for i, f := range d.fields() {
		if i > 0 {
			s += ","
		}
		k, _ := json.Marshal(f[0])
		v, _ := json.Marshal(f[1])
		s += string(k) + ":" + string(v)
	}
	return s + "}"
}

func TestMaskURLs(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"connect to postgres://u:secret@h/db failed": "connect to postgres://u:*****@h/db failed",
		"no url here: a:b@c":                         "no url here: a:b@c",
		"mysql://root@h/d":                           "mysql://root@h/d",
		"x postgres://u:*****@h/db":                  "x postgres://u:*****@h/db",
	}
	for in, want := range cases {
		if got := maskURLs(in); got != want {
			t.Errorf("maskURLs(%q) = %q, want %q", in, got, want)
		}
	}
}
