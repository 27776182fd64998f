package cli

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode"

	quanshi "github.com/quanshi-sdk/quanshi-go"
)

// field is one settable scalar field of a request type: a flag of its
// command and a member of its --file JSON.
type field struct {
	// flag is the flag's name: the json name in kebab case ("conference-id").
	flag string
	// key is the JSON member: the json name, or for a field the SDK encodes
	// itself (json:"-") its Go name in lower camel case ("startTime").
	key string
	// own reports a json:"-" field, which the JSON decoder does not fill.
	own   bool
	index []int
	typ   reflect.Type
	// doc is the field's doc line.
	doc string
}

var (
	timeType     = reflect.TypeFor[time.Time]()
	durationType = reflect.TypeFor[time.Duration]()
	stringerType = reflect.TypeFor[fmt.Stringer]()
)

// requestFields lists the fields of a request struct type (embedded structs
// flattened) in declaration order. Only the fields a flag can set are
// listed; the others are set with --file.
func requestFields(t reflect.Type) []field {
	var out []field
	seen := map[string]bool{}
	var walk func(t reflect.Type, index []int)
	walk = func(t reflect.Type, index []int) {
		for i := range t.NumField() {
			sf := t.Field(i)
			idx := append(append([]int(nil), index...), i)
			if sf.Anonymous && sf.Type.Kind() == reflect.Struct {
				walk(sf.Type, idx)
				continue
			}
			if !sf.IsExported() || !settable(sf.Type) {
				continue
			}
			f := field{index: idx, typ: sf.Type, doc: fieldDocs[t.Name()+"."+sf.Name]}
			name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			switch name {
			case "-":
				f.own, name = true, lowerCamel(sf.Name)
			case "":
				name = lowerCamel(sf.Name)
			}
			f.key, f.flag = name, kebabJSON(name)
			if seen[f.flag] {
				continue
			}
			seen[f.flag] = true
			out = append(out, f)
		}
	}
	walk(t, nil)
	return out
}

// settable reports whether a flag can set a field of type t: scalars,
// times, durations, pointers to those, and slices of strings or numbers.
func settable(t reflect.Type) bool {
	if t == timeType || t == durationType || isRawJSON(t) {
		return true
	}
	switch t.Kind() {
	case reflect.Pointer:
		return t.Elem().Kind() != reflect.Pointer && t.Elem().Kind() != reflect.Slice && settable(t.Elem())
	case reflect.Slice:
		e := t.Elem()
		return e.Kind() != reflect.Slice && e.Kind() != reflect.Pointer && e.Kind() != reflect.Struct && settable(e)
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// isRawJSON reports a field that holds JSON as is (json.RawMessage): its
// flag takes JSON text.
func isRawJSON(t reflect.Type) bool {
	return t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8
}

// lowerCamel turns a Go name into the JSON style: "StartTime" is
// "startTime", "URL" is "url", "URLPath" is "urlPath".
func lowerCamel(name string) string {
	r := []rune(name)
	n := 0
	for n < len(r) && unicode.IsUpper(r[n]) {
		n++
	}
	if n > 1 && n < len(r) && unicode.IsLower(r[n]) {
		n--
	}
	return strings.ToLower(string(r[:n])) + string(r[n:])
}

// kebabJSON turns a JSON member name into a flag name: "conferenceId" is
// "conference-id", "email_notify" is "email-notify".
func kebabJSON(name string) string {
	var b strings.Builder
	r := []rune(name)
	for i, c := range r {
		switch {
		case c == '_' || c == ' ':
			b.WriteByte('-')
		case unicode.IsUpper(c):
			if i > 0 && (unicode.IsLower(r[i-1]) || unicode.IsDigit(r[i-1]) || i+1 < len(r) && unicode.IsLower(r[i+1]) && unicode.IsUpper(r[i-1])) {
				b.WriteByte('-')
			}
			b.WriteRune(unicode.ToLower(c))
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// typeHint says what a flag of type t takes, for its usage text.
func typeHint(t reflect.Type) string {
	switch {
	case t.Kind() == reflect.Pointer:
		return typeHint(t.Elem())
	case t == timeType:
		return "time"
	case t == durationType:
		return "duration"
	case isRawJSON(t):
		return "json"
	case t.Kind() == reflect.Slice:
		return typeHint(t.Elem()) + "s"
	case t.Kind() == reflect.Bool:
		return "bool"
	case t.Kind() == reflect.String:
		return "string"
	}
	if t.Implements(stringerType) {
		return "enum"
	}
	return "number"
}

// set parses text into the field of the request struct v, allocating a
// pointer field; a slice field takes comma-separated values and appends.
func (f field) set(v reflect.Value, text string) error {
	dst := v.FieldByIndex(f.index)
	t := f.typ
	if isRawJSON(t) {
		if !json.Valid([]byte(text)) {
			return fmt.Errorf("%q is not JSON", text)
		}
		dst.SetBytes([]byte(text))
		return nil
	}
	if t.Kind() == reflect.Slice {
		for part := range strings.SplitSeq(text, ",") {
			elem := reflect.New(t.Elem()).Elem()
			if err := parseScalar(elem, strings.TrimSpace(part)); err != nil {
				return err
			}
			dst.Set(reflect.Append(dst, elem))
		}
		return nil
	}
	if t.Kind() == reflect.Pointer {
		p := reflect.New(t.Elem())
		if err := parseScalar(p.Elem(), text); err != nil {
			return err
		}
		dst.Set(p)
		return nil
	}
	return parseScalar(dst, text)
}

// parseScalar parses text into dst: a time (Beijing wall-clock or RFC 3339),
// a duration ("45m"), a number, a bool, a string, or an enum by its number
// or its word.
func parseScalar(dst reflect.Value, text string) error {
	t := dst.Type()
	switch {
	case t == timeType:
		tm, err := parseTime(text)
		if err != nil {
			return err
		}
		dst.Set(reflect.ValueOf(tm))
		return nil
	case t == durationType:
		d, err := quanshi.ParseDuration(text)
		if err != nil {
			return fmt.Errorf("%q is not a duration such as 45m or 1h30m", text)
		}
		dst.SetInt(int64(d))
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		dst.SetString(text)
	case reflect.Bool:
		b, err := parseBool(text)
		if err != nil {
			return err
		}
		dst.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return parseInt(dst, text)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, err := strconv.ParseUint(text, 10, t.Bits())
		if err != nil {
			return fmt.Errorf("%q is not a whole number", text)
		}
		dst.SetUint(n)
	case reflect.Float32, reflect.Float64:
		n, err := strconv.ParseFloat(text, t.Bits())
		if err != nil {
			return fmt.Errorf("%q is not a number", text)
		}
		dst.SetFloat(n)
	default:
		return fmt.Errorf("cannot set a %s from a flag", t)
	}
	return nil
}

// parseInt reads a number, or for an enum with a String method one of its
// words ("in progress" for a ConferenceStatus).
func parseInt(dst reflect.Value, text string) error {
	n, err := strconv.ParseInt(text, 10, dst.Type().Bits())
	if err == nil {
		dst.SetInt(n)
		return nil
	}
	if !dst.Type().Implements(stringerType) {
		return fmt.Errorf("%q is not a whole number", text)
	}
	for i, word := range enumWords(dst.Type()) {
		if strings.EqualFold(word, text) {
			dst.SetInt(i)
			return nil
		}
	}
	return fmt.Errorf("%q is neither a number nor a %s", text, dst.Type().Name())
}

// enumWords returns the words of an integer enum type (through pointers and
// slices) by value: the values from -1 to 64 whose String is a name rather
// than the "Type(n)" of an unknown value.
func enumWords(t reflect.Type) map[int64]string {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if !t.Implements(stringerType) || t.Kind() < reflect.Int || t.Kind() > reflect.Int64 {
		return nil
	}
	words := map[int64]string{}
	for i := int64(-1); i <= 64; i++ {
		v := reflect.New(t).Elem()
		v.SetInt(i)
		if w := v.Interface().(fmt.Stringer).String(); !strings.Contains(w, "(") {
			words[i] = w
		}
	}
	return words
}

func parseBool(text string) (bool, error) {
	switch strings.ToLower(text) {
	case "1", "true", "yes", "on":
		return true, nil
	case "0", "false", "no", "off":
		return false, nil
	}
	return false, fmt.Errorf("%q is not true or false", text)
}

// wallClockLayouts are the Beijing wall-clock forms a time flag takes.
var wallClockLayouts = []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02"}

// parseTime reads Beijing wall-clock time ("2026-12-01 15:00") or RFC 3339.
func parseTime(text string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, text); err == nil {
		return t.In(quanshi.Beijing), nil
	}
	for _, layout := range wallClockLayouts {
		if t, err := time.ParseInLocation(layout, text, quanshi.Beijing); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is neither Beijing wall-clock time (2026-12-01 15:00) nor RFC 3339", text)
}
