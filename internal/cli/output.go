package cli

import (
	"bytes"
	"fmt"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"sigs.k8s.io/yaml"
)

// The output formats of -o.
const (
	formatTable = "table"
	formatJSON  = "json"
	formatYAML  = "yaml"
)

// resultOptions marshal a typed result: durations as Go duration strings
// ("1h10m0s"; JSON has no duration type), maps in key order.
var resultOptions = json.JoinOptions(json.Deterministic(true), json.WithMarshalers(
	json.MarshalToFunc(func(enc *jsontext.Encoder, d time.Duration) error {
		return enc.WriteToken(jsontext.String(d.String()))
	})))

// jsonOptions print the typed result indented, members in struct order.
var jsonOptions = json.JoinOptions(resultOptions, jsontext.Multiline(true), jsontext.WithIndent("  "))

// marshalResult marshals a typed result with its credentials masked.
func marshalResult(v any, opts json.Options) ([]byte, error) {
	b, err := json.Marshal(v, opts)
	if err != nil {
		return nil, err
	}
	return maskCredentials(b, opts)
}

// isCredential reports a member that holds a credential (a token, a secret,
// a host key, the host's passcode pcode1) or a link that carries one (the
// host's join links hold pcode1, umeeting's start_url the host's zak
// token): masked in every format.
func isCredential(name string) bool {
	n := strings.ToLower(strings.ReplaceAll(name, "_", ""))
	n = n[strings.LastIndexByte(n, '.')+1:]
	switch n {
	case "hostkey", "appkey", "apikey", "pcode1", "hostpasscode", "starturl":
		return true
	}
	return strings.HasSuffix(n, "token") || strings.Contains(n, "secret") || strings.HasPrefix(n, "hostconference")
}

// maskCredentials replaces the text of every credential member of a JSON
// document with the mask, keeping everything else as marshaled.
func maskCredentials(b []byte, opts json.Options) ([]byte, error) {
	dec := jsontext.NewDecoder(bytes.NewReader(b))
	var out bytes.Buffer
	enc := jsontext.NewEncoder(&out, opts)
	maskNext := false
	for {
		tok, err := dec.ReadToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		kind, n := dec.StackIndex(dec.StackDepth())
		isName := tok.Kind() == '"' && kind == '{' && n%2 == 1
		switch {
		case maskNext && tok.Kind() == '"' && tok.String() != "":
			tok = jsontext.String(masked)
			maskNext = false
		case isName:
			maskNext = isCredential(tok.String())
		default:
			maskNext = false
		}
		if err := enc.WriteToken(tok); err != nil {
			return nil, err
		}
	}
	return bytes.TrimRight(out.Bytes(), "\n"), nil
}

// render writes a result in the chosen format.
func render(w io.Writer, format string, v any, layout tableLayout) error {
	switch format {
	case formatJSON:
		b, err := marshalResult(v, jsonOptions)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	case formatYAML:
		b, err := marshalResult(v, resultOptions)
		if err != nil {
			return err
		}
		y, err := yaml.JSONToYAML(b)
		if err != nil {
			return err
		}
		_, err = w.Write(y)
		return err
	}
	return writeTable(w, v, layout)
}

// progress reports how many items a paged list has fetched, on a terminal.
type progress struct {
	w     io.Writer // nil when stderr is not a terminal
	count int
}

func (p *progress) add() {
	p.count++
	if p.w != nil && p.count%10 == 0 {
		fmt.Fprintf(p.w, "\rfetched %d…", p.count)
	}
}

func (p *progress) done() {
	if p.w != nil && p.count >= 10 {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// renderSeq writes every item of a paged list. JSON is written item by item
// as the pages arrive; a table or YAML, whose layout needs every row, once
// the last page is in. limit > 0 stops after that many items.
func renderSeq(w io.Writer, format string, seq iter.Seq2[any, error], limit int, p *progress, layout tableLayout) error {
	defer p.done()
	var items []any
	first := true
	for item, err := range seq {
		if err != nil {
			if format == formatJSON && !first {
				fmt.Fprintln(w, "\n]")
			}
			return err
		}
		p.add()
		if format != formatJSON {
			items = append(items, item)
		} else if err := writeJSONItem(w, item, first); err != nil {
			return err
		}
		first = false
		if limit > 0 && p.count >= limit {
			break
		}
	}
	if format == formatJSON {
		if first {
			_, err := fmt.Fprintln(w, "[]")
			return err
		}
		_, err := fmt.Fprintln(w, "\n]")
		return err
	}
	if items == nil {
		items = []any{}
	}
	return render(w, format, items, layout)
}

func writeJSONItem(w io.Writer, item any, first bool) error {
	b, err := marshalResult(item, jsonOptions)
	if err != nil {
		return err
	}
	sep := ",\n"
	if first {
		sep = "[\n"
	}
	_, err = fmt.Fprintf(w, "%s%s", sep, b)
	return err
}
