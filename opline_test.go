package quanshi

import (
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sourcePackage is the package's non-test source, parsed.
type sourcePackage struct {
	ops     map[string]string // operation variable -> "METHOD /path"
	methods []*ast.FuncDecl   // methods whose receiver is a *...Service
	byName  map[string]*ast.FuncDecl
}

func parseSourcePackage(t *testing.T) *sourcePackage {
	t.Helper()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	pkg := &sourcePackage{ops: map[string]string{}, byName: map[string]*ast.FuncDecl{}}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		require.NoError(t, err)
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.GenDecl:
				collectOperations(d, pkg.ops)
			case *ast.FuncDecl:
				if recv := serviceReceiver(d); recv != "" {
					pkg.methods = append(pkg.methods, d)
					pkg.byName[recv+"."+d.Name.Name] = d
				}
			}
		}
	}
	return pkg
}

// collectOperations records `var opX = Operation{Method: ..., Path: ...}`.
func collectOperations(d *ast.GenDecl, ops map[string]string) {
	for _, spec := range d.Specs {
		vs, ok := spec.(*ast.ValueSpec)
		if !ok {
			continue
		}
		for i, name := range vs.Names {
			if i >= len(vs.Values) {
				continue
			}
			lit, ok := vs.Values[i].(*ast.CompositeLit)
			if !ok || !isIdent(lit.Type, "Operation") {
				continue
			}
			var method, path string
			for _, elt := range lit.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				switch key := kv.Key.(*ast.Ident).Name; key {
				case "Method":
					method = methodValue(kv.Value)
				case "Path":
					path, _ = strconv.Unquote(kv.Value.(*ast.BasicLit).Value)
				}
			}
			ops[name.Name] = method + " " + path
		}
	}
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func methodValue(e ast.Expr) string {
	switch v := e.(type) {
	case *ast.BasicLit:
		s, _ := strconv.Unquote(v.Value)
		return s
	case *ast.SelectorExpr:
		return map[string]string{"MethodGet": http.MethodGet, "MethodPost": http.MethodPost}[v.Sel.Name]
	}
	return ""
}

func serviceReceiver(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) != 1 {
		return ""
	}
	star, ok := d.Recv.List[0].Type.(*ast.StarExpr)
	if !ok {
		return ""
	}
	id, ok := star.X.(*ast.Ident)
	if !ok || !strings.HasSuffix(id.Name, "Service") {
		return ""
	}
	return id.Name
}

// operationsUsed returns the operations a method's body names, following
// calls to sibling methods of the same service (an iterator calls its page
// method).
func (p *sourcePackage) operationsUsed(d *ast.FuncDecl, seen map[*ast.FuncDecl]bool) map[string]bool {
	used := map[string]bool{}
	if seen[d] || d.Body == nil {
		return used
	}
	seen[d] = true
	recv := serviceReceiver(d)
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Ident:
			if op, ok := p.ops[x.Name]; ok {
				used[op] = true
			}
		case *ast.SelectorExpr:
			if callee, ok := p.byName[recv+"."+x.Sel.Name]; ok {
				for op := range p.operationsUsed(callee, seen) {
					used[op] = true
				}
			}
		}
		return true
	})
	return used
}

var operationLine = regexp.MustCompile(`(?m)^//quanshi:operation (GET|POST) (/\S*)$`)

// TestOperationLinesMatchTheOperationUsed checks every exported service
// method: its doc comment has exactly one //quanshi:operation line, naming
// the one operation its body really sends; every declared operation is used.
func TestOperationLinesMatchTheOperationUsed(t *testing.T) {
	pkg := parseSourcePackage(t)
	require.Contains(t, pkg.ops, "opTokenCreate", "the parser must see the operation declarations")
	used := map[string]bool{opTokenCreate.String(): true, opTokenCreateV2.String(): true}
	for _, d := range pkg.methods {
		if !d.Name.IsExported() {
			continue
		}
		name := serviceReceiver(d) + "." + d.Name.Name
		t.Run(name, func(t *testing.T) {
			doc := ""
			if d.Doc != nil {
				for _, c := range d.Doc.List {
					doc += c.Text + "\n"
				}
			}
			lines := operationLine.FindAllStringSubmatch(doc, -1)
			require.Len(t, lines, 1, "%s needs exactly one //quanshi:operation line", name)
			ops := pkg.operationsUsed(d, map[*ast.FuncDecl]bool{})
			var names []string
			for op := range ops {
				names = append(names, op)
				used[op] = true
			}
			sort.Strings(names)
			require.Len(t, names, 1, "%s must send exactly one operation, sends %v", name, names)
			assert.Equal(t, lines[0][1]+" "+lines[0][2], names[0], name)
			assert.Contains(t, doc, "API docs: https://", "%s names its documentation page", name)
		})
	}
	for name, op := range pkg.ops {
		assert.True(t, used[op], "operation %s (%s) is declared but no method uses it", name, op)
	}
}
