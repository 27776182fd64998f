package wiregen

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The generated decoders: for every struct with json tags, a function that
// reads it straight off a jsontext.Decoder with the internal/wire helpers,
// following go-json-experiment's rules for which member goes to which
// field (exact, case-sensitive names; case:ignore; Go embedding and the
// embed option promote the embedded struct's fields, the shallowest
// winning), and a dispatcher, decodeGenerated, from a decode target to its
// decoder.

// source is what the generator knows of a package: its named types.
type source struct {
	decls   map[string]ast.Expr
	structs []string
	// self are the types that decode themselves (a method named
	// Unmarshal… or unmarshal…): left to the registered decoders.
	self map[string]bool
	// consts are the names of the package's constants (an integer enum T
	// with a constant TUnknown decodes with wire.EnumValue).
	consts map[string]bool
	// keyed are the named map types with a memberRule method, which decode
	// with wire.KeyedMapValue: it says what to do with each key.
	keyed []string
	// timeClasses are the time fields' time tags, by "Struct.Field" of the
	// struct declaring them ("" for a field with none, which CheckDecoders
	// refuses).
	timeClasses map[string]string
}

func parseSource(t testing.TB, dir string) *source {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	src := &source{decls: map[string]ast.Expr{}, consts: map[string]bool{}, timeClasses: map[string]string{}}
	self := map[string]bool{} // types that decode themselves: left to the registered decoders
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || strings.HasSuffix(name, "_gen.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			if fn, ok := decl.(*ast.FuncDecl); ok && strings.HasPrefix(strings.ToLower(fn.Name.Name), "unmarshal") {
				self[receiverName(fn)] = true
			}
			if fn, ok := decl.(*ast.FuncDecl); ok && fn.Name.Name == "memberRule" {
				src.keyed = append(src.keyed, receiverName(fn))
			}
			d, ok := decl.(*ast.GenDecl)
			if ok {
				collectConsts(d, src.consts)
			}
			if !ok || d.Tok != token.TYPE {
				continue
			}
			for _, spec := range d.Specs {
				ts := spec.(*ast.TypeSpec)
				if ts.Assign.IsValid() || ts.TypeParams != nil {
					continue
				}
				src.decls[ts.Name.Name] = ts.Type
				if st, ok := ts.Type.(*ast.StructType); ok && hasJSONTags(st) {
					src.structs = append(src.structs, ts.Name.Name)
				}
			}
		}
	}
	src.structs = slices.DeleteFunc(src.structs, func(name string) bool { return self[name] })
	src.self = self
	slices.Sort(src.structs)
	slices.Sort(src.keyed)
	return src
}

// field is one JSON member of a struct, after embedding is resolved.
type field struct {
	name       string
	ignoreCase bool
	tagged     bool
	depth      int
	aliases    []string // other spellings the pages give (the alias tag)
	timeClass  string   // the time tag: "unix", "text" or "any"
	owner      string   // the Go name of the field in the struct declaring it, "Struct.Field"
	lvalue     string   // the field, as "v.Base.Title"
	allocs     []alloc  // embedded pointers to allocate first
	typ        ast.Expr
}

// alloc is an embedded pointer on a field's path, and its element type.
type alloc struct{ lvalue, typ string }

// jsonTag splits a field's json tag into its name and options.
func jsonTag(f *ast.Field) (name string, opts []string, present bool) {
	if f.Tag == nil {
		return "", nil, false
	}
	tag, err := strconv.Unquote(f.Tag.Value)
	if err != nil {
		return "", nil, false
	}
	v, ok := reflect.StructTag(tag).Lookup("json")
	if !ok {
		return "", nil, false
	}
	parts := strings.Split(v, ",")
	return parts[0], parts[1:], true
}

// aliasTag is a field's other wire spellings: `alias:"accessNumers"` reads
// seed 001 §17's table spelling into the field its example names
// accessNumbers. (Only the generated decoders know it.)
func aliasTag(f *ast.Field) []string {
	if v := tagValue(f, "alias"); v != "" {
		return strings.Split(v, ",")
	}
	return nil
}

// The time tag classifies every time.Time field of a decoded struct by what
// its page says (CheckDecoders refuses a time field without one):
//
//   - `time:"unix"`: the page gives a timestamp (时间戳, 毫秒, Long, or an
//     example of 10 or 13 digits): a 10-digit number or numeric string is
//     Unix seconds, 13 digits milliseconds (wire.TimeValue);
//   - `time:"text"`: the page gives a formatted time ("yyyy-MM-dd HH:mm:ss",
//     a date): a Unix number there is an error naming the field, never a
//     guessed date (wire.TextTimeValue);
//   - `time:"any"`: the page is silent, gives no form (only "", 0 or null)
//     or contradicts itself: read leniently, as "unix" is.
//
// Only the generated decoders know it (the registered ones read every time
// as "unix"). The root package's timeclass_test.go lists every time field
// with its class and the page's evidence, so that a new one is classified
// from its page, not by default.
var timeClasses = []string{"unix", "text", "any"}

// tagValue is the value of one key of a field's struct tag, or "".
func tagValue(f *ast.Field, key string) string {
	if f.Tag == nil {
		return ""
	}
	tag, err := strconv.Unquote(f.Tag.Value)
	if err != nil {
		return ""
	}
	return reflect.StructTag(tag).Get(key)
}

// fields lists a struct's JSON members the way go-json-experiment does.
func (src *source) fields(name string) []field {
	var all []field
	var walk func(st *ast.StructType, owner, prefix string, allocs []alloc, depth int, seen map[string]bool)
	walk = func(st *ast.StructType, owner, prefix string, allocs []alloc, depth int, seen map[string]bool) {
		for _, f := range st.Fields.List {
			tagName, opts, _ := jsonTag(f)
			if tagName == "-" && len(opts) == 0 {
				continue
			}
			typ, ptr := f.Type, false
			if star, ok := typ.(*ast.StarExpr); ok {
				typ, ptr = star.X, true
			}
			goName := ""
			if len(f.Names) == 0 {
				if id, ok := typ.(*ast.Ident); ok {
					goName = id.Name
				}
			}
			if (len(f.Names) == 0 && tagName == "") || slices.Contains(opts, "embed") {
				if len(f.Names) > 0 {
					goName = f.Names[0].Name
				}
				id, ok := typ.(*ast.Ident)
				if !ok {
					continue
				}
				inner, isStruct := src.decls[id.Name].(*ast.StructType)
				if isStruct && !seen[id.Name] {
					lv := prefix + "." + goName
					sub := slices.Clone(allocs)
					if ptr {
						sub = append(sub, alloc{lv, id.Name})
					}
					walk(inner, id.Name, lv, sub, depth+1, mapWith(seen, id.Name))
				}
				continue
			}
			names := []string{goName}
			if len(f.Names) > 0 {
				names = names[:0]
				for _, n := range f.Names {
					names = append(names, n.Name)
				}
			}
			for _, n := range names {
				if !ast.IsExported(n) {
					continue
				}
				all = append(all, field{
					name: cmpOr(tagName, n), tagged: tagName != "", ignoreCase: slices.Contains(opts, "case:ignore"), aliases: aliasTag(f),
					timeClass: tagValue(f, "time"), owner: owner + "." + n, depth: depth, lvalue: prefix + "." + n, allocs: allocs, typ: f.Type,
				})
			}
		}
	}
	walk(src.decls[name].(*ast.StructType), name, "v", nil, 0, map[string]bool{name: true})
	return dominant(all)
}

func mapWith(m map[string]bool, k string) map[string]bool {
	out := map[string]bool{k: true}
	for key := range m {
		out[key] = true
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// dominant keeps, for each JSON name, the shallowest field, or of several
// at that depth the only tagged one; a name still ambiguous is dropped.
func dominant(all []field) []field {
	byName := map[string][]field{}
	var order []string
	for _, f := range all {
		if _, ok := byName[f.name]; !ok {
			order = append(order, f.name)
		}
		byName[f.name] = append(byName[f.name], f)
	}
	var out []field
	for _, name := range order {
		fs := byName[name]
		minDepth := slices.MinFunc(fs, func(a, b field) int { return a.depth - b.depth }).depth
		fs = slices.DeleteFunc(slices.Clone(fs), func(f field) bool { return f.depth != minDepth })
		if len(fs) > 1 {
			fs = slices.DeleteFunc(fs, func(f field) bool { return !f.tagged })
		}
		if len(fs) == 1 {
			out = append(out, fs[0])
		}
	}
	return out
}

// scalarHelper is the wire helper decoding a scalar type, or "".
func (src *source) scalarHelper(typ ast.Expr) string {
	switch t := typ.(type) {
	case *ast.Ident:
		if kind, ok := scalarKinds[t.Name]; ok {
			return "wire." + kind + "Value"
		}
		if u, ok := src.decls[t.Name]; ok {
			return src.scalarHelper(u)
		}
	case *ast.SelectorExpr:
		switch types.ExprString(t) {
		case "time.Time":
			return "wire.TimeValue"
		case "time.Duration":
			return "wire.DurationValue"
		case "time.Weekday", "time.Month":
			return "wire.IntValue"
		case "json.RawMessage", "jsontext.Value":
			return "wire.RawValue"
		}
	}
	return ""
}

// elemFunc is a function value decoding one value of typ into a *typ.
func (src *source) elemFunc(typ ast.Expr) string {
	name := types.ExprString(typ)
	if id, ok := typ.(*ast.Ident); ok && slices.Contains(src.structs, id.Name) {
		return "decode" + id.Name
	}
	if h := src.scalarHelper(typ); h != "" && src.unknownOf(typ) == "" {
		if h == "wire.TimeValue" || h == "wire.DurationValue" {
			return h
		}
		return h + "[" + name + "]"
	}
	return fmt.Sprintf("func(dec *wire.Dec, p *%s) error {\nvar err error\n%s\nreturn err\n}", name, src.stmt(typ, "(*p)"))
}

// stmt is Go code decoding into the addressable lvalue of type typ, setting err.
// A type with an anonymous struct in it (whose tags the generated code could
// not spell) goes to the registered decoders.
func (src *source) stmt(typ ast.Expr, lv string) string {
	if hasAnonymousStruct(typ) {
		return fmt.Sprintf("err = decodeFallback(dec, %s)", addr(lv))
	}
	if unknown := src.unknownOf(typ); unknown != "" {
		return fmt.Sprintf("err = wire.EnumValue(dec, %s, %s)", addr(lv), unknown)
	}
	if h := src.scalarHelper(typ); h != "" {
		return fmt.Sprintf("err = %s(dec, %s)", h, addr(lv))
	}
	switch t := typ.(type) {
	case *ast.Ident:
		if m, ok := src.decls[t.Name].(*ast.MapType); ok && slices.Contains(src.keyed, t.Name) {
			return "err = " + src.keyedCall(t.Name, m, addr(lv))
		}
		if src.self[t.Name] {
			return fmt.Sprintf("err = decodeFallback(dec, %s)", addr(lv))
		}
		if slices.Contains(src.structs, t.Name) {
			return fmt.Sprintf("err = decode%s(dec, %s)", t.Name, addr(lv))
		}
		if u, ok := src.decls[t.Name]; ok {
			if _, isStruct := u.(*ast.StructType); !isStruct {
				return src.stmtAs(u, lv)
			}
		}
	case *ast.StarExpr:
		return fmt.Sprintf("if null, nerr := wire.Null(dec); nerr != nil {\nerr = nerr\n} else if null {\n%s = nil\n} else {\nif %s == nil {\n%s = new(%s)\n}\n%s\n}",
			lv, lv, lv, types.ExprString(t.X), src.stmt(t.X, "(*"+lv+")"))
	case *ast.ArrayType:
		if t.Len == nil {
			return fmt.Sprintf("err = wire.SliceValue(dec, %s, %s)", addr(lv), src.elemFunc(t.Elt))
		}
	case *ast.MapType:
		if src.scalarHelper(t.Key) == "wire.StrValue" {
			return fmt.Sprintf("err = wire.MapValue(dec, %s, %s)", addr(lv), src.elemFunc(t.Value))
		}
	}
	return fmt.Sprintf("err = decodeFallback(dec, %s)", addr(lv))
}

// keyedCall is the wire.KeyedMapValue call decoding the keyed map type
// name (of map type m) into ptr.
func (src *source) keyedCall(name string, m *ast.MapType, ptr string) string {
	return fmt.Sprintf("wire.KeyedMapValue(dec, (*%s)(%s), %s, %s(nil).memberRule)", types.ExprString(m), ptr, src.elemFunc(m.Value), name)
}

// unknownOf is the Unknown constant of an integer enum type, or "".
func (src *source) unknownOf(typ ast.Expr) string {
	id, ok := typ.(*ast.Ident)
	if !ok || !src.consts[id.Name+"Unknown"] || src.scalarHelper(typ) != "wire.IntValue" {
		return ""
	}
	return id.Name + "Unknown"
}

// stmtAs decodes a named list, map or pointer type through its underlying type.
func (src *source) stmtAs(u ast.Expr, lv string) string {
	switch u.(type) {
	case *ast.ArrayType, *ast.MapType:
		conv := fmt.Sprintf("(*(*%s)(%s))", types.ExprString(u), addr(lv))
		return src.stmt(u, conv)
	}
	return fmt.Sprintf("err = decodeFallback(dec, %s)", addr(lv))
}

// hasAnonymousStruct reports a struct type literal anywhere in typ.
func hasAnonymousStruct(typ ast.Expr) bool {
	found := false
	ast.Inspect(typ, func(n ast.Node) bool {
		if _, ok := n.(*ast.StructType); ok {
			found = true
		}
		return !found
	})
	return found
}

// addr is the address of an lvalue: p for (*p), &x otherwise.
func addr(lv string) string {
	if inner, ok := strings.CutPrefix(lv, "(*"); ok && strings.HasSuffix(inner, ")") && strings.Count(inner, "(") == strings.Count(inner, ")")-1 {
		return strings.TrimSuffix(inner, ")")
	}
	return "&" + lv
}

// structDecoder is the decoder function of one struct.
func (src *source) structDecoder(b *bytes.Buffer, name string) {
	fmt.Fprintf(b, "\nfunc decode%s(dec *wire.Dec, v *%s) error {\n", name, name)
	fmt.Fprintf(b, "shape, text, err := wire.OpenObject(dec)\nswitch {\ncase err != nil:\nreturn err\ncase shape == wire.Empty:\n*v = %s{}\nreturn nil\n", name)
	fmt.Fprintf(b, "case shape == wire.Text:\n*v = %s{}\nreturn wire.DecodeText(dec, text, func(dec *wire.Dec) error { return decode%s(dec, v) })\n}\n", name, name)
	b.WriteString("for {\nmore, err := wire.More(dec)\nif err != nil || !more {\nreturn err\n}\nname, err := wire.Name(dec)\nif err != nil {\nreturn err\n}\nswitch string(name) {\n")
	fields := src.fields(name)
	for _, f := range fields {
		fmt.Fprintf(b, "case %q", f.name)
		for _, a := range f.aliases {
			fmt.Fprintf(b, ", %q", a)
		}
		b.WriteString(":\n")
		src.fieldStmt(b, f)
	}
	b.WriteString("default:\n")
	folded := false
	for _, f := range fields {
		if f.ignoreCase {
			if !folded {
				b.WriteString("switch {\n")
				folded = true
			}
			fmt.Fprintf(b, "case wire.FoldName(name, %q):\n", f.name)
			src.fieldStmt(b, f)
		}
	}
	if folded {
		b.WriteString("default:\nerr = dec.SkipValue()\n}\n")
	} else {
		b.WriteString("err = dec.SkipValue()\n")
	}
	b.WriteString("}\nif err != nil {\nif err = dec.Member(name, err); err != nil {\nreturn err\n}\n}\n}\n}\n")
}

func (src *source) fieldStmt(b *bytes.Buffer, f field) {
	for _, a := range f.allocs {
		fmt.Fprintf(b, "if %s == nil {\n%s = new(%s)\n}\n", a.lvalue, a.lvalue, a.typ)
	}
	stmt := src.stmt(f.typ, f.lvalue)
	if strings.Contains(stmt, "wire.TimeValue") {
		src.timeClasses[f.owner] = f.timeClass
		if f.timeClass == "text" {
			stmt = strings.ReplaceAll(stmt, "wire.TimeValue", "wire.TextTimeValue")
		}
	}
	b.WriteString(stmt + "\n")
}

// dispatcher is decodeGenerated: from a decode target to its decoder.
func (src *source) dispatcher(b *bytes.Buffer) {
	b.WriteString("\n// decodeGenerated decodes into v when its type has a generated decoder, and\n// reports whether it had one.\n")
	b.WriteString("func decodeGenerated(dec *wire.Dec, v any) (bool, error) {\nswitch v := v.(type) {\n")
	for _, name := range src.structs {
		fmt.Fprintf(b, "case *%s:\nreturn true, decode%s(dec, v)\n", name, name)
		fmt.Fprintf(b, "case *[]%s:\nreturn true, wire.SliceValue(dec, v, decode%s)\n", name, name)
	}
	for _, name := range src.keyed {
		fmt.Fprintf(b, "case *%s:\nreturn true, %s\n", name, src.keyedCall(name, src.decls[name].(*ast.MapType), "v"))
	}
	for _, s := range []string{"string", "int", "int64", "bool"} {
		fmt.Fprintf(b, "case *%s:\nreturn true, %s(dec, v)\n", s, src.scalarHelper(ast.NewIdent(s)))
	}
	b.WriteString("}\nreturn false, nil\n}\n")
}

// CheckDecoders compares genFile in dir with the decoders the package's
// structs need; with update it rewrites the file instead.
func CheckDecoders(t testing.TB, dir, pkg, genFile string, update bool) {
	t.Helper()
	src := parseSource(t, dir)
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by internal/wiregen (go test -run Registrations -update); DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"encoding/json\"\n\t\"time\"\n\n\t\"github.com/quanshi-sdk/quanshi-go/internal/wire\"\n)\n", pkg)
	for _, name := range src.structs {
		src.structDecoder(&b, name)
	}
	src.dispatcher(&b)
	b.WriteString("\nvar (\n\t_ json.RawMessage\n\t_ time.Time\n)\n")
	checkTimeClasses(t, src.timeClasses)
	compareOrWrite(t, filepath.Join(dir, genFile), b.Bytes(), update)
}

// checkTimeClasses fails for each time field whose time tag is missing or
// none of timeClasses.
func checkTimeClasses(t testing.TB, classes map[string]string) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(classes)) {
		if !slices.Contains(timeClasses, classes[name]) {
			t.Errorf("%s is a time field without a time tag: give it `time:\"unix\"`, `time:\"text\"` or `time:\"any\"` from its page (see internal/wiregen's timeClasses)", name)
		}
	}
}

// TimeClasses is the time tag of every time field of the package in dir
// that has a generated decoder, by "Struct.Field" of the declaring struct.
func TimeClasses(t testing.TB, dir string) map[string]string {
	t.Helper()
	src := parseSource(t, dir)
	var b bytes.Buffer
	for _, name := range src.structs {
		src.structDecoder(&b, name)
	}
	return src.timeClasses
}

// compareOrWrite formats src and compares it with path, or writes it there
// when update is set.
func compareOrWrite(t testing.TB, path string, src []byte, update bool) {
	t.Helper()
	want, err := format.Source(src)
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	Golden(t, path, want, update, "go test -run Registrations -update")
}
