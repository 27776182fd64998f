// Package cligen derives, from the SDK's source, the command table of the
// quanshi command line: one entry per exported method of every service the
// Client carries, binding "service verb" to the method's request type and a
// call of the method, and the doc line of every request field. Only tests use
// it (internal/cli's TestRegistryGenerated, with -update to rewrite).
package cligen

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/quanshi-sdk/quanshi-go/internal/wiregen"
)

// Method is one exported service method as the generator sees it.
type Method struct {
	// Field is the Client field of its service ("Conference").
	Field string
	// Name is the method's name ("JoinURL").
	Name string
	// Request is the request's type name without the star, "" when the
	// method takes no request.
	Request string
	// Void reports a method that returns only an error.
	Void bool
	// Iter names the method's iterator ("ListIter"), if it has one.
	Iter string
	// Doc is the first sentence of its doc comment.
	Doc string
	// Op is its //quanshi:operation line ("POST /path").
	Op string
}

// Command returns the method's "service verb" command words.
func (m Method) Command() (service, verb string) {
	return strings.ToLower(m.Field), Kebab(m.Name)
}

// Kebab turns a Go name into a command word: "JoinURL" is "join-url",
// "ListByAdmin" is "list-by-admin", "IDsByEmails" is "ids-by-emails".
func Kebab(name string) string {
	r := []rune(strings.ReplaceAll(name, "IDs", "Ids"))
	var b strings.Builder
	for i, c := range r {
		upper := unicode.IsUpper(c) || unicode.IsDigit(c) && i > 0 && unicode.IsUpper(r[i-1])
		if upper && i > 0 {
			prevLower := unicode.IsLower(r[i-1])
			nextLower := i+1 < len(r) && unicode.IsLower(r[i+1])
			if prevLower || nextLower && unicode.IsUpper(r[i-1]) {
				b.WriteByte('-')
			}
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String()
}

// source is the parsed SDK package.
type source struct {
	files []*ast.File
	// services maps a service type name to its Client field.
	services map[string]string
	// structs holds every struct type of the package by name.
	structs map[string]*ast.StructType
}

func parse(dir string) (*source, error) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	src := &source{services: map[string]string{}, structs: map[string]*ast.StructType{}}
	for _, e := range entries {
		n := e.Name()
		if !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		src.files = append(src.files, f)
	}
	for _, f := range src.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if ts, ok := n.(*ast.TypeSpec); ok {
				if st, ok := ts.Type.(*ast.StructType); ok {
					src.structs[ts.Name.Name] = st
				}
			}
			return true
		})
	}
	client, ok := src.structs["Client"]
	if !ok {
		return nil, fmt.Errorf("cligen: no Client type in %s", dir)
	}
	for _, fld := range client.Fields.List {
		star, ok := fld.Type.(*ast.StarExpr)
		if !ok || len(fld.Names) != 1 || !fld.Names[0].IsExported() {
			continue
		}
		if id, ok := star.X.(*ast.Ident); ok && strings.HasSuffix(id.Name, "Service") {
			src.services[id.Name] = fld.Names[0].Name
		}
	}
	return src, nil
}

// Methods returns the exported methods of the Client's services in the SDK
// package in dir, sorted by command, and the names of those whose shape the
// command line cannot call (not (ctx, *Request, ...CallOption)).
func Methods(dir string) ([]Method, []string, error) {
	src, err := parse(dir)
	if err != nil {
		return nil, nil, err
	}
	var out []Method
	var odd []string
	iters := map[string]bool{}
	for _, f := range src.files {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || !fn.Name.IsExported() {
				continue
			}
			field := src.services[wiregen.ReceiverName(fn)]
			if field == "" {
				continue
			}
			if strings.HasSuffix(fn.Name.Name, "Iter") {
				iters[field+"."+fn.Name.Name] = true
				continue
			}
			m, err := method(field, fn)
			if err != nil {
				odd = append(odd, err.Error())
				continue
			}
			out = append(out, m)
		}
	}
	for i := range out {
		if it := out[i].Name + "Iter"; iters[out[i].Field+"."+it] {
			out[i].Iter = it
		}
	}
	slices.SortFunc(out, func(a, b Method) int {
		return strings.Compare(a.Field+"."+a.Name, b.Field+"."+b.Name)
	})
	slices.Sort(odd)
	return out, odd, nil
}

// method reads one method's signature and doc. The shape it accepts is
// (ctx, *Request, ...CallOption) returning (result, error) or error.
func method(field string, fn *ast.FuncDecl) (Method, error) {
	m := Method{Field: field, Name: fn.Name.Name}
	where := field + "." + fn.Name.Name
	params := fn.Type.Params.List
	var names []ast.Expr
	for _, p := range params {
		for range max(1, len(p.Names)) {
			names = append(names, p.Type)
		}
	}
	if len(names) != 3 || exprString(names[2]) != "...CallOption" || exprString(names[0]) != "context.Context" {
		return m, fmt.Errorf("%s is not (ctx, *Request, ...CallOption)", where)
	}
	star, ok := names[1].(*ast.StarExpr)
	if !ok {
		return m, fmt.Errorf("%s takes %s, not a request pointer", where, exprString(names[1]))
	}
	m.Request = exprString(star.X)
	results := fn.Type.Results
	if results == nil || exprString(results.List[len(results.List)-1].Type) != "error" {
		return m, fmt.Errorf("%s does not return an error last", where)
	}
	m.Void = len(results.List) == 1 && len(results.List[0].Names) <= 1
	m.Doc, m.Op = docOf(fn.Doc)
	if m.Op == "" {
		return m, fmt.Errorf("%s has no //quanshi:operation line", where)
	}
	return m, nil
}

func exprString(e ast.Expr) string {
	var b bytes.Buffer
	_ = format.Node(&b, token.NewFileSet(), e)
	return b.String()
}

// docOf returns a doc comment's first sentence and its operation line.
func docOf(g *ast.CommentGroup) (first, op string) {
	if g == nil {
		return "", ""
	}
	for _, c := range g.List {
		if rest, ok := strings.CutPrefix(c.Text, "//quanshi:operation "); ok {
			op = strings.TrimSpace(rest)
		}
	}
	para, _, _ := strings.Cut(g.Text(), "\n\n")
	para = strings.Join(strings.Fields(para), " ")
	if i := strings.Index(para, ". "); i >= 0 {
		para = para[:i+1]
	}
	return para, op
}

// FieldDocs returns the first sentence of the doc comment of every field of
// the request types (and the structs they embed), keyed "Type.Field".
func FieldDocs(dir string, methods []Method) (map[string]string, error) {
	src, err := parse(dir)
	if err != nil {
		return nil, err
	}
	docs := map[string]string{}
	var walk func(name string)
	walk = func(name string) {
		st, ok := src.structs[name]
		if !ok {
			return
		}
		for _, f := range st.Fields.List {
			if len(f.Names) == 0 {
				walk(strings.TrimPrefix(exprString(f.Type), "*"))
				continue
			}
			first, _ := docOf(f.Doc)
			for _, n := range f.Names {
				if n.IsExported() && first != "" {
					docs[name+"."+n.Name] = first
				}
			}
		}
	}
	for _, m := range methods {
		walk(m.Request)
	}
	return docs, nil
}

// Generate returns the registry file of package pkg for the SDK in sdkDir.
func Generate(sdkDir, pkg string) ([]byte, error) {
	methods, odd, err := Methods(sdkDir)
	if err != nil {
		return nil, err
	}
	docs, err := FieldDocs(sdkDir, methods)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by TestRegistryGenerated (go test ./internal/cli -run TestRegistryGenerated -update); DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"context\"\n\t\"iter\"\n\n\tquanshi \"github.com/quanshi-sdk/quanshi-go\"\n)\n\n", pkg)
	b.WriteString("// generated is one entry per exported method of every service of quanshi.Client.\nvar generated = []endpoint{\n")
	for _, m := range methods {
		writeEntry(&b, m)
	}
	b.WriteString("}\n\n// unsupported names the methods the table cannot call, and why.\nvar unsupported = []string{\n")
	for _, o := range odd {
		fmt.Fprintf(&b, "\t%q,\n", o)
	}
	b.WriteString("}\n\n// fieldDocs is the doc line of every request field, keyed \"Type.Field\".\nvar fieldDocs = map[string]string{\n")
	keys := make([]string, 0, len(docs))
	for k := range docs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "\t%q: %q,\n", k, docs[k])
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}

func writeEntry(b *bytes.Buffer, m Method) {
	service, verb := m.Command()
	fmt.Fprintf(b, "\t{Service: %q, Verb: %q, Method: %q, Op: %q, Doc: %q, Request: %q,\n", service, verb, m.Field+"."+m.Name, m.Op, m.Doc, m.Request)
	fmt.Fprintf(b, "\t\tNew: func() any { return new(quanshi.%s) },\n", m.Request)
	call := fmt.Sprintf("c.%s.%s(ctx, req.(*quanshi.%s), opts...)", m.Field, m.Name, m.Request)
	if m.Void {
		fmt.Fprintf(b, "\t\tCall: func(ctx context.Context, c *quanshi.Client, req any, opts []quanshi.CallOption) (any, error) {\n\t\t\treturn nil, %s\n\t\t},\n", call)
	} else {
		fmt.Fprintf(b, "\t\tCall: func(ctx context.Context, c *quanshi.Client, req any, opts []quanshi.CallOption) (any, error) {\n\t\t\treturn %s\n\t\t},\n", call)
	}
	if m.Iter != "" {
		fmt.Fprintf(b, "\t\tIter: func(ctx context.Context, c *quanshi.Client, req any, opts []quanshi.CallOption) iter.Seq2[any, error] {\n\t\t\treturn anySeq(c.%s.%s(ctx, req.(*quanshi.%s), opts...))\n\t\t},\n", m.Field, m.Iter, m.Request)
	}
	b.WriteString("\t},\n")
}

// Check compares the registry file genFile of package pkg in dir with what
// Generate makes from the SDK in sdkDir, or rewrites it when update is set.
func Check(t testing.TB, sdkDir, dir, pkg, genFile string, update bool) {
	t.Helper()
	want, err := Generate(sdkDir, pkg)
	if err != nil {
		t.Fatal(err)
	}
	wiregen.Golden(t, filepath.Join(dir, genFile), want, update, "go test ./internal/cli -run TestRegistryGenerated -update")
}
