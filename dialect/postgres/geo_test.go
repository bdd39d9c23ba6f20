package postgres

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sqzjs/sqzjs/dialect/internal/sqlgen"
)

// TestParseGeometry compares the WKB reader with wkx's toGeoJSON({shortCrs:
// true}) for the vectors in testdata/wkx.json (made with wkx 0.5: EWKB hex
// and the GeoJSON Sequelize's GEOMETRY.parse returns for it).
func TestParseGeometry(t *testing.T) {
	data, err := os.ReadFile("testdata/wkx.json")
	if err != nil {
		t.Fatal(err)
	}
	var vectors []json.RawMessage
	if err := json.Unmarshal(data, &vectors); err != nil {
		t.Fatal(err)
	}
	for _, v := range vectors {
		var pair []json.RawMessage
		if err := json.Unmarshal(v, &pair); err != nil {
			t.Fatal(err)
		}
		var hexText string
		_ = json.Unmarshal(pair[0], &hexText)
		want := sqlgen.ParseJSON(string(pair[1]))
		if diff := cmp.Diff(want, parseGeometry(hexText)); diff != "" {
			t.Errorf("%s: -want +got\n%s", hexText, diff)
		}
	}
}
