package cli

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	quanshi "github.com/quanshi-sdk/quanshi-go"
)

// masked stands for a host passcode or other secret in a table; -o json
// prints the typed result as the API gave it.
const masked = "******"

// tableLayout chooses what a table shows: the columns of a list, by Go
// field name ("Title", "StartTime"; "Host.Name" reaches into a struct).
// No columns means every scalar field that is set in some row.
type tableLayout struct {
	columns []string
}

// writeTable writes v as a readable table: a list as rows, a struct as
// "Field: value" lines followed by its lists, a map as one section per key.
func writeTable(w io.Writer, v any, layout tableLayout) error {
	rv := deref(reflect.ValueOf(v))
	if !rv.IsValid() {
		return nil
	}
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			_, err := fmt.Fprintln(w, cell(rv, ""))
			return err
		}
		return writeRows(w, rv, layout.columns)
	case reflect.Struct:
		if rv.Type() == timeType {
			break
		}
		if list, ok := onlyList(rv); ok {
			return writeTable(w, list.Interface(), layout)
		}
		return writeDetails(w, rv, layout)
	case reflect.Map:
		return writeMap(w, rv, layout)
	}
	_, err := fmt.Fprintln(w, cell(rv, ""))
	return err
}

func deref(v reflect.Value) reflect.Value {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	return v
}

func writeMap(w io.Writer, rv reflect.Value, layout tableLayout) error {
	keys := rv.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
	for i, k := range keys {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%v:\n", k)
		if err := writeTable(w, rv.MapIndex(k).Interface(), layout); err != nil {
			return err
		}
	}
	return nil
}

// column is one scalar field of a row type, reached by index.
type column struct {
	name  string
	index []int
}

// scalarColumns lists the scalar fields of struct type t, embedded structs
// flattened; a nested struct's scalars are named "Outer.Inner".
func scalarColumns(t reflect.Type, prefix string, index []int) []column {
	var out []column
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		idx := append(append([]int(nil), index...), i)
		ft := sf.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		switch {
		case sf.Anonymous && ft.Kind() == reflect.Struct:
			out = append(out, scalarColumns(ft, prefix, idx)...)
		case ft.Kind() == reflect.Struct && ft != timeType && prefix == "":
			out = append(out, scalarColumns(ft, sf.Name+".", idx)...)
		case isScalar(ft):
			out = append(out, column{name: prefix + sf.Name, index: idx})
		}
	}
	return out
}

// isScalar reports a type shown in one cell: not a struct (but a time), a
// list of structs or a map.
func isScalar(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Struct:
		return t == timeType
	case reflect.Map, reflect.Func, reflect.Chan, reflect.Interface:
		return false
	case reflect.Slice, reflect.Array:
		e := t.Elem()
		return e.Kind() != reflect.Struct && e.Kind() != reflect.Pointer
	}
	return true
}

// fieldByIndex follows index through pointers; ok is false at a nil one.
func fieldByIndex(v reflect.Value, index []int) (reflect.Value, bool) {
	for _, i := range index {
		v = deref(v)
		if !v.IsValid() {
			return v, false
		}
		v = v.Field(i)
	}
	return v, true
}

// writeRows writes a list of structs as a table (the columns named, or
// every scalar column that is set in some row) and a list of scalars one per
// line.
func writeRows(w io.Writer, rv reflect.Value, names []string) error {
	elem := rv.Type().Elem()
	for elem.Kind() == reflect.Pointer {
		elem = elem.Elem()
	}
	if rv.Len() == 0 {
		_, err := fmt.Fprintln(w, "(none)")
		return err
	}
	if elem.Kind() == reflect.Interface && rv.Len() > 0 {
		elem = deref(rv.Index(0)).Type()
	}
	if elem.Kind() != reflect.Struct || elem == timeType {
		for i := range rv.Len() {
			fmt.Fprintln(w, cell(rv.Index(i), ""))
		}
		return nil
	}
	cols := chooseColumns(scalarColumns(elem, "", nil), names, rv)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	headers := make([]string, len(cols))
	for i, c := range cols {
		headers[i] = header(c.name)
	}
	fmt.Fprintln(tw, strings.Join(headers, "\t"))
	for i := range rv.Len() {
		row := make([]string, len(cols))
		for j, c := range cols {
			if f, ok := fieldByIndex(rv.Index(i), c.index); ok {
				row[j] = cell(f, c.name)
			}
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	return tw.Flush()
}

// chooseColumns keeps the named columns in their order, or, with no names,
// every column set in at least one row.
func chooseColumns(all []column, names []string, rows reflect.Value) []column {
	if len(names) > 0 {
		var out []column
		for _, n := range names {
			if i := slices.IndexFunc(all, func(c column) bool { return c.name == n }); i >= 0 {
				out = append(out, all[i])
			}
		}
		return out
	}
	var out []column
	for _, c := range all {
		for i := range rows.Len() {
			if f, ok := fieldByIndex(rows.Index(i), c.index); ok && !f.IsZero() {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// onlyList returns the list a struct merely wraps (MeetingList's
// Meetings): its one exported field, a slice.
func onlyList(rv reflect.Value) (reflect.Value, bool) {
	var list reflect.Value
	for i := range rv.NumField() {
		if !rv.Type().Field(i).IsExported() {
			continue
		}
		if list.IsValid() || rv.Field(i).Kind() != reflect.Slice {
			return reflect.Value{}, false
		}
		list = rv.Field(i)
	}
	return list, list.IsValid()
}

// smallStruct is the most scalar fields a struct can have for its table to
// show the zero ones too ("MAY JOIN: no"); a larger one shows those set.
const smallStruct = 8

// writeDetails writes a struct's scalar fields as "Field: value" lines (the
// set ones only, for a large struct), then each of its non-empty lists and
// maps under its name.
func writeDetails(w io.Writer, rv reflect.Value, layout tableLayout) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	cols := scalarColumns(rv.Type(), "", nil)
	for _, c := range cols {
		f, ok := fieldByIndex(rv, c.index)
		if !ok || f.IsZero() && len(cols) > smallStruct {
			continue
		}
		if text := cell(f, c.name); text != "" {
			fmt.Fprintf(tw, "%s:\t%s\n", header(c.name), text)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for i := range rv.NumField() {
		sf := rv.Type().Field(i)
		f := rv.Field(i)
		if !sf.IsExported() || isScalar(sf.Type) || f.Kind() == reflect.Struct || f.Kind() == reflect.Pointer || f.Len() == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s:\n", header(sf.Name))
		if err := writeTable(w, f.Interface(), layout); err != nil {
			return err
		}
	}
	return nil
}

// header turns a Go field name into a column header: "StartTime" is
// "START TIME", "Host.Name" is "HOST NAME".
func header(name string) string {
	var b bytes.Buffer
	r := []rune(strings.ReplaceAll(name, ".", ""))
	for i, c := range r {
		if i > 0 && unicode.IsUpper(c) && (unicode.IsLower(r[i-1]) || i+1 < len(r) && unicode.IsLower(r[i+1])) {
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToUpper(c))
	}
	return b.String()
}

// sensitive reports a field that holds a passcode, a host key, a credential
// or a URL carrying one (umeeting's start_url holds the host's zak token),
// masked in tables.
func sensitive(name string) bool {
	if isCredential(name) {
		return true
	}
	n := strings.ToLower(name)
	for _, s := range []string{"pcode1", "hostpasscode", "password", "pwd", "token", "secret", "hostkey", "starturl"} {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}

// rawCell shows JSON kept as is, shortened; null shows as nothing.
func rawCell(b []byte) string {
	s := string(bytes.TrimSpace(b))
	if s == "null" {
		return ""
	}
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// cell formats one value for a table: Beijing times, durations, enums in
// words, yes/no, lists joined by commas.
func cell(v reflect.Value, name string) string {
	v = deref(v)
	if !v.IsValid() {
		return ""
	}
	if sensitive(name) && !v.IsZero() && v.Kind() != reflect.Bool && v.Kind() != reflect.Struct {
		return masked
	}
	switch x := v.Interface().(type) {
	case time.Time:
		if x.IsZero() {
			return ""
		}
		return x.In(quanshi.Beijing).Format("2006-01-02 15:04")
	case time.Duration:
		return x.String()
	case fmt.Stringer:
		return x.String()
	}
	if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
		return rawCell(v.Bytes())
	}
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			return "yes"
		}
		return "no"
	case reflect.Slice, reflect.Array:
		parts := make([]string, v.Len())
		for i := range v.Len() {
			parts[i] = cell(v.Index(i), "")
		}
		return strings.Join(parts, ", ")
	case reflect.Map:
		return fmt.Sprintf("(%d entries)", v.Len())
	}
	return fmt.Sprint(v.Interface())
}
