// Package wiregen derives, from a package's source, the lenient decoders
// (internal/wire registrations) its types need, and keeps the generated
// registration file of that package up to date. Only tests use it.
package wiregen

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// scalarKinds maps the underlying types of named scalars to the wire
// registration that decodes them.
var scalarKinds = map[string]string{
	"int": "Int", "int8": "Int", "int16": "Int", "int32": "Int", "int64": "Int",
	"uint": "Uint", "uint8": "Uint", "uint16": "Uint", "uint32": "Uint", "uint64": "Uint",
	"float32": "Float", "float64": "Float", "bool": "Bool", "string": "Str",
}

// registrations derives, from the package's source, the lenient decoders
// its types need: every named scalar type, every struct with json tags, and
// every list and map type their fields and the functions' results use. It also reports decode targets
// declared inside functions as anonymous structs, which cannot be
// registered.
func registrations(t testing.TB, dir, genFile string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	self := map[string]bool{}               // types with their own unmarshal method
	structs := map[string]*ast.StructType{} // every struct type, by name
	var results []ast.Expr                  // the service methods' result types
	consts := map[string]bool{}             // every constant's name
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || strings.HasSuffix(name, "_gen.go") || filepath.Base(name) == genFile {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.GenDecl:
				collectTypeDecls(d, set)
				collectStructs(d, structs)
				collectConsts(d, consts)
			case *ast.FuncDecl:
				if recv := receiverName(d); recv != "" && strings.HasPrefix(d.Name.Name, "Unmarshal") {
					self[recv] = true
				}
				reportAnonymousTargets(t, fset, d)
				if isServiceMethod(d) && d.Type.Results != nil {
					for _, r := range d.Type.Results.List {
						collectComposites(r.Type, set)
						results = append(results, r.Type)
					}
				}
			}
		}
	}
	// A result struct the SDK fills itself (no json tags) still holds lists
	// and maps decoded from the wire.
	for _, r := range results {
		if star, ok := r.(*ast.StarExpr); ok {
			r = star.X
		}
		if id, ok := r.(*ast.Ident); ok && structs[id.Name] != nil {
			for _, field := range structs[id.Name].Fields.List {
				collectComposites(field.Type, set)
			}
		}
	}
	var out []string
	for r := range set {
		name := registeredName(r)
		if self[name] {
			continue
		}
		if strings.HasPrefix(r, "wire.Int[") && consts[name+"Unknown"] {
			r = fmt.Sprintf("wire.Enum[%s](ts, %sUnknown)", name, name)
		}
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

func collectTypeDecls(d *ast.GenDecl, set map[string]bool) {
	if d.Tok != token.TYPE {
		return
	}
	for _, spec := range d.Specs {
		ts := spec.(*ast.TypeSpec)
		if ts.Assign.IsValid() || ts.TypeParams != nil {
			continue // aliases and generic types
		}
		switch u := ts.Type.(type) {
		case *ast.Ident:
			if kind, ok := scalarKinds[u.Name]; ok {
				set[fmt.Sprintf("wire.%s[%s](ts)", kind, ts.Name.Name)] = true
			}
		case *ast.MapType:
			set[fmt.Sprintf("wire.Object[%s](ts)", ts.Name.Name)] = true
			collectComposites(u.Value, set)
		case *ast.StructType:
			if !hasJSONTags(u) {
				continue
			}
			set[fmt.Sprintf("wire.Struct[%s](ts)", ts.Name.Name)] = true
			for _, field := range u.Fields.List {
				collectComposites(field.Type, set)
			}
		}
	}
}

// collectConsts records the names of the constants a declaration declares:
// an integer enum T with a constant TUnknown reads "" and null as it (see
// wire.Enum).
func collectConsts(d *ast.GenDecl, consts map[string]bool) {
	if d.Tok != token.CONST {
		return
	}
	for _, spec := range d.Specs {
		for _, n := range spec.(*ast.ValueSpec).Names {
			consts[n.Name] = true
		}
	}
}

// collectStructs records the struct types a declaration declares.
func collectStructs(d *ast.GenDecl, structs map[string]*ast.StructType) {
	if d.Tok != token.TYPE {
		return
	}
	for _, spec := range d.Specs {
		ts := spec.(*ast.TypeSpec)
		if st, ok := ts.Type.(*ast.StructType); ok && ts.TypeParams == nil {
			structs[ts.Name.Name] = st
		}
	}
}

func hasJSONTags(st *ast.StructType) bool {
	for _, f := range st.Fields.List {
		if f.Tag != nil && strings.Contains(f.Tag.Value, `json:"`) && !strings.Contains(f.Tag.Value, `json:"-"`) {
			return true
		}
	}
	return false
}

// ReceiverName is the name of a method's receiver type, or "" for a
// function (for the other generators of the module).
func ReceiverName(fn *ast.FuncDecl) string { return receiverName(fn) }

// receiverName is the name of a method's receiver type, or "".
func receiverName(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) != 1 {
		return ""
	}
	typ := fn.Recv.List[0].Type
	if star, ok := typ.(*ast.StarExpr); ok {
		typ = star.X
	}
	if id, ok := typ.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// registeredName is the type a registration line names ("X" in
// "wire.Int[X](ts)"); a type that decodes itself must not be registered, as a
// registered decoder would take precedence over its method.
func registeredName(line string) string {
	name := line[strings.IndexByte(line, '[')+1 : strings.LastIndexByte(line, ']')]
	return name
}

// isServiceMethod reports a method of a *...Service type.
func isServiceMethod(fn *ast.FuncDecl) bool {
	if fn.Recv == nil || len(fn.Recv.List) != 1 {
		return false
	}
	star, ok := fn.Recv.List[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	id, ok := star.X.(*ast.Ident)
	return ok && strings.HasSuffix(id.Name, "Service")
}

// registrable reports whether a list or map type can be named in the
// generated file: no pointers, interfaces or type parameters, and no packages
// but the package itself, encoding/json and time.
func registrable(expr ast.Expr) bool {
	ok := true
	ast.Inspect(expr, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.StarExpr, *ast.InterfaceType, *ast.FuncType, *ast.ChanType:
			ok = false
		case *ast.SelectorExpr:
			if pkg, isIdent := x.X.(*ast.Ident); !isIdent || (pkg.Name != "json" && pkg.Name != "time") {
				ok = false
			}
			return false
		case *ast.Ident:
			if x.Name == "any" || (len(x.Name) == 1 && strings.ToUpper(x.Name) == x.Name) {
				ok = false // any, or a type parameter such as T
			}
		}
		return ok
	})
	return ok
}

// collectComposites adds the list and map types in a field's type.
func collectComposites(expr ast.Expr, set map[string]bool) {
	if !registrable(expr) {
		return
	}
	switch e := expr.(type) {
	case *ast.StarExpr:
		collectComposites(e.X, set)
	case *ast.ArrayType:
		if e.Len == nil {
			set[fmt.Sprintf("wire.Slice[%s](ts)", types.ExprString(e.Elt))] = true
		}
		collectComposites(e.Elt, set)
	case *ast.MapType:
		set[fmt.Sprintf("wire.Map[%s, %s](ts)", types.ExprString(e.Key), types.ExprString(e.Value))] = true
		collectComposites(e.Value, set)
	}
}

// reportAnonymousTargets fails for `var x struct{...}` with json tags inside
// a function: such a decode target has no name to register.
func reportAnonymousTargets(t testing.TB, fset *token.FileSet, fn *ast.FuncDecl) {
	if fn.Body == nil {
		return
	}
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		decl, ok := n.(*ast.GenDecl)
		if !ok || decl.Tok != token.VAR {
			return true
		}
		for _, spec := range decl.Specs {
			if st, ok := spec.(*ast.ValueSpec).Type.(*ast.StructType); ok && hasJSONTags(st) {
				t.Errorf("%s: %s declares an anonymous struct to decode into; declare it at package level so that it gets registered",
					fset.Position(decl.Pos()), fn.Name.Name)
			}
		}
		return true
	})
}

// Check compares genFile in dir with what the source needs: a function
// named fn of package pkg registering every type. With update it rewrites the
// file instead.
func Check(t testing.TB, dir, pkg, fn, genFile string, update bool) {
	t.Helper()
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by the %s test of this package (go test -run Registrations -update); DO NOT EDIT.\n\n", fn)
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"encoding/json\"\n\t\"time\"\n\n\t\"github.com/quanshi-sdk/quanshi-go/internal/wire\"\n)\n\n", pkg)
	fmt.Fprintf(&b, "// %s registers every type of the package that a decoded value can hold.\n", fn)
	fmt.Fprintf(&b, "func %s(ts *wire.Types) {\n", fn)
	for _, r := range registrations(t, dir, genFile) {
		b.WriteString("\t" + r + "\n")
	}
	b.WriteString("}\n\nvar (\n\t_ json.RawMessage\n\t_ time.Time\n)\n")
	compareOrWrite(t, filepath.Join(dir, genFile), b.Bytes(), update)
}

// Golden compares the generated file at path with want, or writes want
// there when update is set; regen says how to regenerate it.
func Golden(t testing.TB, path string, want []byte, update bool, regen string) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("%s is out of date: run %s", path, regen)
	}
}
