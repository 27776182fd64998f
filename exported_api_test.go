package quanshi

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestNoPreReleaseTypesInTheExportedAPI: nothing from go-json-experiment, a
// pre-release module, appears in an exported signature, type or field of
// the public packages, so that an upgrade there cannot break users' builds.
func TestNoPreReleaseTypesInTheExportedAPI(t *testing.T) {
	fset := token.NewFileSet()
	for _, f := range publicFiles(t, fset, 0) {
		for _, leak := range preReleaseLeaks(f) {
			t.Errorf("%s: %s exposes go-json-experiment", fset.Position(leak.Pos()), exprName(leak))
		}
	}
}

// publicFiles parses the non-test files of the public packages (the root
// package and quanshitest).
func publicFiles(t *testing.T, fset *token.FileSet, mode parser.Mode) []*ast.File {
	t.Helper()
	var out []*ast.File
	for _, dir := range []string{".", "quanshitest"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		require.NoError(t, err)
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, mode)
			require.NoError(t, err)
			out = append(out, f)
		}
	}
	return out
}

// preReleaseLeaks returns the exported declarations of f whose types name a
// package of github.com/go-json-experiment.
func preReleaseLeaks(f *ast.File) []ast.Node {
	banned := map[string]bool{}
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if !strings.Contains(path, "go-json-experiment") {
			continue
		}
		name := path[strings.LastIndex(path, "/")+1:]
		if imp.Name != nil {
			name = imp.Name.Name
		}
		banned[name] = true
	}
	if len(banned) == 0 {
		return nil
	}
	var leaks []ast.Node
	uses := func(n ast.Node) bool {
		found := false
		ast.Inspect(n, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && banned[id.Name] {
					found = true
				}
			}
			return !found
		})
		return found
	}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Name.IsExported() && exportedReceiver(d) && uses(d.Type) {
				leaks = append(leaks, d.Name)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				leaks = append(leaks, specLeaks(spec, uses)...)
			}
		}
	}
	return leaks
}

// specLeaks checks an exported type (its exported fields only) or an
// exported variable or constant.
func specLeaks(spec ast.Spec, uses func(ast.Node) bool) []ast.Node {
	var leaks []ast.Node
	switch s := spec.(type) {
	case *ast.TypeSpec:
		if !s.Name.IsExported() {
			return nil
		}
		st, ok := s.Type.(*ast.StructType)
		if !ok {
			if uses(s.Type) {
				leaks = append(leaks, s.Name)
			}
			return leaks
		}
		for _, field := range st.Fields.List {
			exported := len(field.Names) == 0 // embedded
			for _, n := range field.Names {
				exported = exported || n.IsExported()
			}
			if exported && uses(field.Type) {
				leaks = append(leaks, field.Type)
			}
		}
	case *ast.ValueSpec:
		for _, n := range s.Names {
			if n.IsExported() && s.Type != nil && uses(s.Type) {
				leaks = append(leaks, n)
			}
		}
	}
	return leaks
}

// exportedReceiver reports a function, or a method of an exported type.
func exportedReceiver(fn *ast.FuncDecl) bool {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return true
	}
	typ := fn.Recv.List[0].Type
	if star, ok := typ.(*ast.StarExpr); ok {
		typ = star.X
	}
	id, ok := typ.(*ast.Ident)
	return ok && id.IsExported()
}

// exprName names a leak for the failure message.
func exprName(n ast.Node) string {
	if id, ok := n.(*ast.Ident); ok {
		return id.Name
	}
	return "a field"
}
