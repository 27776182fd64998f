package quanshi

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestExportedNamesAreDocumented: every exported type, function, method (of
// an exported type), constant and variable of the public packages has a doc
// comment, every exported struct field has one, and the comment of a field
// with a json tag names its wire field (the tag's key) so that a reader can
// find it on the API's pages. Generated files are skipped (their generator is
// checked by its own test).
func TestExportedNamesAreDocumented(t *testing.T) {
	fset := token.NewFileSet()
	files := publicFiles(t, fset, parser.ParseComments)
	require.Greater(t, len(files), 50, "the checker must see the packages")
	for _, f := range files {
		if ast.IsGenerated(f) {
			continue
		}
		for _, p := range undocumented(f) {
			t.Errorf("%s: %s", fset.Position(p.pos), p.what)
		}
	}
}

// docProblem is one exported name without the doc comment it needs.
type docProblem struct {
	pos  token.Pos
	what string
}

// undocumented lists the doc problems of the exported declarations of f.
func undocumented(f *ast.File) []docProblem {
	var out []docProblem
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Name.IsExported() && exportedReceiver(d) && d.Doc == nil {
				out = append(out, docProblem{d.Pos(), "exported " + d.Name.Name + " has no doc comment"})
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				out = append(out, specDocProblems(d, spec)...)
			}
		}
	}
	return out
}

// specDocProblems checks one type, constant or variable spec; a grouped spec
// may rely on its group's doc comment.
func specDocProblems(d *ast.GenDecl, spec ast.Spec) []docProblem {
	groupDoc := d.Doc != nil
	switch s := spec.(type) {
	case *ast.TypeSpec:
		if !s.Name.IsExported() {
			return nil
		}
		var out []docProblem
		if s.Doc == nil && s.Comment == nil && !groupDoc {
			out = append(out, docProblem{s.Pos(), "exported type " + s.Name.Name + " has no doc comment"})
		}
		if st, ok := s.Type.(*ast.StructType); ok {
			out = append(out, fieldDocProblems(s.Name.Name, st)...)
		}
		return out
	case *ast.ValueSpec:
		var out []docProblem
		for _, n := range s.Names {
			if n.IsExported() && s.Doc == nil && s.Comment == nil && !groupDoc {
				out = append(out, docProblem{n.Pos(), "exported " + n.Name + " has no doc comment"})
			}
		}
		return out
	}
	return nil
}

// fieldDocProblems checks the exported fields of an exported struct type,
// nested anonymous structs included.
func fieldDocProblems(typeName string, st *ast.StructType) []docProblem {
	var out []docProblem
	for _, field := range st.Fields.List {
		if inner, ok := field.Type.(*ast.StructType); ok {
			out = append(out, fieldDocProblems(typeName, inner)...)
		}
		if len(field.Names) == 0 || !field.Names[0].IsExported() {
			continue // embedded types carry their own docs
		}
		label := typeName + "." + field.Names[0].Name
		text := field.Doc.Text() + field.Comment.Text()
		if strings.TrimSpace(text) == "" {
			out = append(out, docProblem{field.Pos(), "field " + label + " has no doc comment"})
			continue
		}
		if wire := jsonWireName(field); wire != "" && !strings.Contains(text, wire) {
			out = append(out, docProblem{field.Pos(), "doc of field " + label + " does not name its wire field " + strconv.Quote(wire)})
		}
	}
	return out
}

// jsonWireName returns the key of a field's json tag ("" without one, or for
// a field the tag leaves out); an empty key means the Go name itself.
func jsonWireName(field *ast.Field) string {
	if field.Tag == nil {
		return ""
	}
	tag, err := strconv.Unquote(field.Tag.Value)
	if err != nil {
		return ""
	}
	value, ok := reflect.StructTag(tag).Lookup("json")
	if !ok {
		return ""
	}
	name, _, _ := strings.Cut(value, ",")
	switch name {
	case "-":
		return ""
	case "":
		return field.Names[0].Name
	}
	if unquoted, err := strconv.Unquote(name); err == nil {
		return unquoted // go-json-experiment allows a quoted key
	}
	return name
}

// TestExportedDocsCheckerCatchesProblems: the checker above reports a missing
// doc and a field doc that does not name its wire key.
func TestExportedDocsCheckerCatchesProblems(t *testing.T) {
	src := `package p
type T struct {
	// Wire field: a.
	A int ` + "`json:\"a\"`" + `
	// The b value.
	B int ` + "`json:\"bee\"`" + `
	C int
	// Wire field: d.
	d int ` + "`json:\"d\"`" + `
}
func F() {}
// G is documented.
func G() {}
const K = 1
`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.ParseComments)
	require.NoError(t, err)
	var got []string
	for _, p := range undocumented(f) {
		got = append(got, p.what)
	}
	require.Equal(t, []string{
		"exported type T has no doc comment",
		`doc of field T.B does not name its wire field "bee"`,
		"field T.C has no doc comment",
		"exported F has no doc comment",
		"exported K has no doc comment",
	}, got)
}
