package quanshi

import (
	"testing"
	"time"
	_ "time/tzdata" // the test sets time.Local; never depend on the machine's tzdata

	"github.com/quanshi-sdk/quanshi-go/internal/wire"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type testEnum int

type testName string

// driftTarget has one field per scalar kind the API drifts on.
type driftTarget struct {
	Int      int           `json:"int"`
	Int64    int64         `json:"int64"`
	Int32    int32         `json:"int32"`
	Uint64   uint64        `json:"uint64"`
	String   string        `json:"string"`
	Bool     bool          `json:"bool"`
	Float    float64       `json:"float"`
	Enum     testEnum      `json:"enum"`
	Name     testName      `json:"name"`
	Time     time.Time     `json:"time"`
	Duration time.Duration `json:"duration"`
	Ptr      *int64        `json:"ptr"`
	PtrBool  *bool         `json:"ptrBool"`
	List     []string      `json:"list"`
	Map      map[string]int
	Object   driftObject `json:"object"`
}

type driftObject struct {
	X int `json:"x"`
}

// driftTypes is the SDK's lenient set plus this file's test types.
var driftTypes = wire.NewTypes(registerSDKTypes, func(ts *wire.Types) {
	wire.Int[testEnum](ts)
	wire.Str[testName](ts)
	wire.Struct[driftObject](ts)
	wire.Struct[driftTarget](ts)
	wire.Map[string, int](ts)
})

func TestLenientScalarDecoding(t *testing.T) {
	seven := int64(7)
	yes := true
	cases := []struct {
		name string
		json string
		want driftTarget
	}{
		{"int from number", `{"int":120}`, driftTarget{Int: 120}},
		{"int from string", `{"int":"120"}`, driftTarget{Int: 120}},
		{"int from padded string", `{"int":" 120 "}`, driftTarget{Int: 120}},
		{"int from integral float", `{"int":120.0}`, driftTarget{Int: 120}},
		{"int from float string", `{"int":"1e3"}`, driftTarget{Int: 1000}},
		{"int from empty string", `{"int":""}`, driftTarget{}},
		{"int from null", `{"int":null}`, driftTarget{}},
		{"int from true", `{"int":true}`, driftTarget{Int: 1}},
		{"int64 from string", `{"int64":"239139091"}`, driftTarget{Int64: 239139091}},
		{"int64 big", `{"int64":"9007199254740993"}`, driftTarget{Int64: 9007199254740993}},
		{"int32 negative", `{"int32":"-5"}`, driftTarget{Int32: -5}},
		{"uint64 from string", `{"uint64":"81299515"}`, driftTarget{Uint64: 81299515}},
		{"string from number", `{"string":4307081}`, driftTarget{String: "4307081"}},
		{"string from float", `{"string":1.50}`, driftTarget{String: "1.50"}},
		{"string from bool", `{"string":false}`, driftTarget{String: "false"}},
		{"string from null", `{"string":null}`, driftTarget{}},
		{"string with escapes", `{"string":"\u6d4b\u8bd5%\/x"}`, driftTarget{String: "测试%/x"}},
		{"bool from string true", `{"bool":"true"}`, driftTarget{Bool: true}},
		{"bool from string TRUE", `{"bool":"TRUE"}`, driftTarget{Bool: true}},
		{"bool from string 1", `{"bool":"1"}`, driftTarget{Bool: true}},
		{"bool from number 1", `{"bool":1}`, driftTarget{Bool: true}},
		{"bool from number 0", `{"bool":0}`, driftTarget{}},
		{"bool from string false", `{"bool":"false"}`, driftTarget{}},
		{"bool from empty string", `{"bool":""}`, driftTarget{}},
		{"bool from null", `{"bool":null}`, driftTarget{}},
		{"float from string", `{"float":"2.5"}`, driftTarget{Float: 2.5}},
		{"float from empty", `{"float":""}`, driftTarget{}},
		{"enum from string", `{"enum":"18"}`, driftTarget{Enum: 18}},
		{"enum from number", `{"enum":4}`, driftTarget{Enum: 4}},
		{"enum from empty", `{"enum":""}`, driftTarget{}},
		{"named string from number", `{"name":42}`, driftTarget{Name: "42"}},
		{"pointer from string", `{"ptr":"7"}`, driftTarget{Ptr: &seven}},
		{"pointer from null", `{"ptr":null}`, driftTarget{}},
		{"bool pointer from string", `{"ptrBool":"true"}`, driftTarget{PtrBool: &yes}},
		{"list from empty string", `{"list":""}`, driftTarget{}},
		{"list from null", `{"list":null}`, driftTarget{}},
		{"map from empty array", `{"Map":[]}`, driftTarget{}},
		{"object from empty array", `{"object":[]}`, driftTarget{}},
		{"object from empty string", `{"object":""}`, driftTarget{}},
		{"duration clock", `{"duration":"01:54:30"}`, driftTarget{Duration: time.Hour + 54*time.Minute + 30*time.Second}},
		{"duration minutes:seconds", `{"duration":"01:25"}`, driftTarget{Duration: 85 * time.Second}},
		{"duration seconds number", `{"duration":3600}`, driftTarget{Duration: time.Hour}},
		{"duration seconds string", `{"duration":"90"}`, driftTarget{Duration: 90 * time.Second}},
		{"duration empty", `{"duration":""}`, driftTarget{}},
		{"duplicate key, last wins", `{"int":1,"int":2}`, driftTarget{Int: 2}},
		{"unknown fields", `{"nope":{"a":[1,{"b":null}]},"int":3}`, driftTarget{Int: 3}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got driftTarget
			require.NoError(t, driftTypes.Unmarshal([]byte(tc.json), &got))
			if tc.want.List == nil && got.List != nil {
				assert.Empty(t, got.List)
				got.List = nil
			}
			if tc.want.Map == nil && got.Map != nil {
				assert.Empty(t, got.Map)
				got.Map = nil
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestLenientDecodingRejectsRealTypeErrors(t *testing.T) {
	cases := map[string]string{
		"object into int":          `{"int":{"a":1}}`,
		"array into string":        `{"string":[1]}`,
		"word into int":            `{"int":"abc"}`,
		"fraction into int":        `{"int":1.5}`,
		"overflow int32":           `{"int32":"3000000000"}`,
		"negative into uint":       `{"uint64":-1}`,
		"word into bool":           `{"bool":"maybe"}`,
		"word into enum":           `{"enum":"abc"}`,
		"word into time":           `{"time":"yesterday"}`,
		"object into time":         `{"time":{}}`,
		"bad clock duration":       `{"duration":"1:99"}`,
		"object into list":         `{"list":{"a":1}}`,
		"non-empty array into obj": `{"object":[1]}`,
		"text into object":         `{"object":"x"}`,
		"invalid JSON":             `{"int":}`,
		"truncated":                `{"int":1`,
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			var got driftTarget
			assert.Error(t, driftTypes.Unmarshal([]byte(in), &got))
		})
	}
}

func TestTimeDecodingForms(t *testing.T) {
	wall := time.Date(2020, 9, 7, 20, 0, 0, 0, Beijing)
	cases := []struct {
		in   string
		want time.Time
	}{
		{`"2020-09-07 20:00:00"`, wall},
		{`"2020-09-07 20:00"`, wall},
		{`"2020-09-07T20:00:00"`, wall},
		{`"2020/09/07 20:00:00"`, wall},
		{`"2018-12-30"`, time.Date(2018, 12, 30, 0, 0, 0, 0, Beijing)},
		{`1599480000`, wall},
		{`"1599480000"`, wall},
		{`1599480000000`, wall},
		{`"1599480000000"`, wall},
		{`"2020-09-07T12:00:00Z"`, wall},
		{`"2020-09-07T20:00:00+08:00"`, wall},
		{`""`, time.Time{}},
		{`0`, time.Time{}},
		{`"0"`, time.Time{}},
		{`null`, time.Time{}},
		{`"0000-00-00 00:00:00"`, time.Time{}},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			var got driftTarget
			require.NoError(t, driftTypes.Unmarshal([]byte(`{"time":`+tc.in+`}`), &got))
			assert.True(t, tc.want.Equal(got.Time), "got %v want %v", got.Time, tc.want)
			if !tc.want.IsZero() {
				_, offset := got.Time.Zone()
				assert.Equal(t, 8*3600, offset, "decoded times are in +08:00")
			}
		})
	}
}

// TestTimeRoundTripsIgnoreTimeLocal runs with time.Local set to New York, far
// from Beijing and with DST, to prove nothing depends on it.
func TestTimeRoundTripsIgnoreTimeLocal(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	saved := time.Local
	time.Local = ny
	t.Cleanup(func() { time.Local = saved })

	// 2020-03-08 is a DST switch day in New York: 07:30 EDT is 11:30 UTC.
	local := time.Date(2020, 3, 8, 7, 30, 0, 0, time.Local)
	assert.Equal(t, "2020-03-08 19:30:00", FormatWallClock(local))
	assert.Equal(t, "2020-03-08", FormatDate(local))
	assert.Equal(t, "2020-03-09", FormatDate(time.Date(2020, 3, 8, 12, 0, 0, 0, time.Local)), "the Beijing day, not New York's")

	back, err := ParseTime(FormatWallClock(local))
	require.NoError(t, err)
	assert.True(t, back.Equal(local))

	body, err := encodeJSON(struct {
		Wall wallClock   `json:"wall"`
		Date dateOnly    `json:"date"`
		Unix unixSeconds `json:"unix"`
		Zero wallClock   `json:"zero,omitzero"`
	}{wallClock(local), dateOnly(local), unixSeconds(local), wallClock{}})
	require.NoError(t, err)
	assert.Equal(t, `{"wall":"2020-03-08 19:30:00","date":"2020-03-08","unix":1583667000}`, string(body))

	var got driftTarget
	require.NoError(t, driftTypes.Unmarshal([]byte(`{"time":"2020-03-08 19:30:00"}`), &got))
	assert.True(t, got.Time.Equal(local))
	assert.Equal(t, "2020-03-08 19:30:00 +0800", got.Time.Format("2006-01-02 15:04:05 -0700"))
}

func TestParseDurationForms(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"01:54:30":  time.Hour + 54*time.Minute + 30*time.Second,
		"100:00:00": 100 * time.Hour,
		"03:55:08":  3*time.Hour + 55*time.Minute + 8*time.Second,
		"01:25":     85 * time.Second,
		"45":        45 * time.Second,
		"1h30m":     90 * time.Minute,
		"":          0,
	} {
		got, err := ParseDuration(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"a:b", "1:2:3:4", "01:60", "soon"} {
		_, err := ParseDuration(bad)
		assert.Error(t, err, bad)
	}
}
