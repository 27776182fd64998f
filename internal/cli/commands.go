package cli

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	quanshi "github.com/quanshi-sdk/quanshi-go"
)

// requestHelp closes every endpoint command's help.
const requestHelp = `The whole request can be given as JSON with --file (a path, or - for stdin),
its members named as the SDK's json tags (the fields the SDK encodes itself by
their Go names in lower camel case, such as "startTime"); flags set single
fields on top of it. Times take Beijing wall-clock ("2026-12-01 15:00") or
RFC 3339; durations take 45m or 1h30m; enums take their number or their word.`

// reservedFlags are the flags every command has; a request field of the same
// name gets the prefix "field-".
var reservedFlags = []string{"file", "limit", "output", "sandbox", "debug", "timeout", "help", "version", "sandbox-now"}

// addServices adds one command per service and under it one per method,
// and returns the service commands by name.
func (a *app) addServices(root *cobra.Command) map[string]*cobra.Command {
	services := map[string]*cobra.Command{}
	for i := range generated {
		e := &generated[i]
		svc, ok := services[e.Service]
		if !ok {
			svc = &cobra.Command{Use: e.Service, Short: "The " + e.Service + " endpoints", GroupID: ""}
			services[e.Service] = svc
			root.AddCommand(svc)
		}
		svc.AddCommand(a.endpointCommand(e, overlays[e.name()]))
	}
	for _, alias := range aliases {
		if svc, ok := services[alias.service]; ok {
			if e := findEndpoint(alias.target); e != nil {
				cmd := a.endpointCommand(e, overlays[alias.target])
				cmd.Use = alias.use
				cmd.Short += " (" + alias.target + ")"
				svc.AddCommand(cmd)
			}
		}
	}
	return services
}

// findEndpoint returns the endpoint of a "service verb" command, or nil.
func findEndpoint(name string) *endpoint {
	for i := range generated {
		if generated[i].name() == name {
			return &generated[i]
		}
	}
	return nil
}

// flagValue is a request field's flag: it keeps the text, parsed when the
// command runs; a list flag collects its repetitions.
type flagValue struct {
	text string
	hint string
	list bool
}

func (v *flagValue) String() string { return v.text }
func (v *flagValue) Type() string   { return v.hint }
func (v *flagValue) Set(s string) error {
	if v.list && v.text != "" {
		v.text += "," + s
		return nil
	}
	v.text = s
	return nil
}

// fieldFlagName is the flag of a request field, clear of the reserved ones.
func fieldFlagName(f field) string {
	if slices.Contains(reservedFlags, f.flag) {
		return "field-" + f.flag
	}
	return f.flag
}

// typeOf is the request struct type of an endpoint.
func typeOf(e *endpoint) reflect.Type { return reflect.TypeOf(e.New()).Elem() }

// endpointCommand builds the command of one endpoint: a flag per scalar
// request field, --file for the whole request, the overlay's positional
// arguments and friendlier flags.
func (a *app) endpointCommand(e *endpoint, o overlay) *cobra.Command {
	fields := requestFields(typeOf(e))
	use := e.Verb
	for _, arg := range o.args {
		use += " [" + strings.ToUpper(strings.ReplaceAll(arg, "-", "_")) + "]"
	}
	args := cobra.RangeArgs(0, len(o.args))
	if o.variadic {
		use += "..."
		args = cobra.ArbitraryArgs
	}
	cmd := &cobra.Command{
		Use:   use,
		Short: strings.TrimSuffix(e.Doc, "."),
		Long:  e.Doc + "\n\nSDK method: client." + e.Method + "\nOperation:  " + e.Op + "\n\n" + requestHelp,
		Args:  args,
	}
	fl := cmd.Flags()
	file := fl.StringP("file", "f", "", "the whole request as JSON: a path, or - for stdin")
	limit := new(int)
	if e.Iter != nil {
		fl.IntVar(limit, "limit", 0, "stop after this many items (0: every page)")
	}
	extra := make([]*flagValue, len(o.flags))
	for i, x := range o.flags {
		extra[i] = &flagValue{hint: x.hint}
		fl.Var(extra[i], x.name, x.usage)
	}
	values := make([]*flagValue, len(fields))
	for i, f := range fields {
		values[i] = &flagValue{hint: typeHint(f.typ), list: f.typ.Kind() == reflect.Slice}
		name := fieldFlagName(f)
		if fl.Lookup(name) != nil {
			continue // the overlay's friendlier flag sets it
		}
		fl.Var(values[i], name, strings.TrimSpace(f.doc))
		if values[i].hint == "bool" {
			fl.Lookup(name).NoOptDefVal = "true"
		}
		if words := enumWords(f.typ); len(words) > 0 {
			_ = cmd.RegisterFlagCompletionFunc(name, completeWords(words))
		}
	}
	for _, x := range o.flags {
		if x.hides != "" && x.hides != x.name {
			_ = fl.MarkHidden(x.hides)
		}
	}
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		req := e.New()
		if err := a.buildRequest(req, fields, values, *file, cmd); err != nil {
			return &commandError{command: e.name(), op: e.Op, err: err}
		}
		set := setter(req, fields)
		for i, arg := range args {
			if err := set(o.args[min(i, len(o.args)-1)], arg); err != nil {
				return &commandError{command: e.name(), op: e.Op, err: &usageError{err}}
			}
		}
		for i, x := range o.flags {
			if cmd.Flags().Changed(x.name) {
				if err := x.apply(set, extra[i].text); err != nil {
					return &commandError{command: e.name(), op: e.Op, err: usagef("--%s: %v", x.name, err)}
				}
			}
		}
		if err := a.callEndpoint(cmd.Context(), e, req, o, *limit); err != nil {
			return &commandError{command: e.name(), op: e.Op, err: err}
		}
		return nil
	}
	return cmd
}

// buildRequest fills req from --file, then from the field flags given.
func (a *app) buildRequest(req any, fields []field, values []*flagValue, file string, cmd *cobra.Command) error {
	if file != "" {
		data, err := readRequestFile(file, a.stdin)
		if err != nil {
			return usagef("--file: %v", err)
		}
		if err := decodeRequest(data, req, fields); err != nil {
			return usagef("--file: %v", err)
		}
	}
	rv := reflect.ValueOf(req).Elem()
	for i, f := range fields {
		name := fieldFlagName(f)
		if fl := cmd.Flags().Lookup(name); fl == nil || fl.Value != values[i] || !fl.Changed {
			continue
		}
		if err := f.set(rv, values[i].text); err != nil {
			return usagef("--%s: %v", name, err)
		}
	}
	return nil
}

// setter returns a function that sets a field of req by its flag name.
func setter(req any, fields []field) func(flag, value string) error {
	rv := reflect.ValueOf(req).Elem()
	return func(flag, value string) error {
		for _, f := range fields {
			if f.flag == flag {
				return f.set(rv, value)
			}
		}
		return fmt.Errorf("the request has no field %s", flag)
	}
}

// callEndpoint calls the method (every page of a paged list) and prints the
// result.
func (a *app) callEndpoint(ctx context.Context, e *endpoint, req any, o overlay, limit int) error {
	client, err := a.connect(ctx)
	if err != nil {
		return err
	}
	var meta quanshi.ResponseInfo
	defer a.debugCall(e.name(), &meta)
	opts := a.callOptions(&meta)
	if e.Iter != nil {
		p := &progress{}
		if a.terminal {
			p.w = a.stderr
		}
		return renderSeq(a.stdout, a.output, e.Iter(ctx, client, req, opts), limit, p, o.layout)
	}
	res, err := e.Call(ctx, client, req, opts)
	if err != nil {
		return err
	}
	if res == nil {
		return a.printDone(e, o)
	}
	return render(a.stdout, a.output, res, o.layout)
}

// printDone reports the success of a call the API answers with nothing.
func (a *app) printDone(e *endpoint, o overlay) error {
	if a.output != formatTable {
		_, err := fmt.Fprintln(a.stdout, "null")
		return err
	}
	done := o.done
	if done == "" {
		done = "done"
	}
	_, err := fmt.Fprintf(a.stdout, "%s: %s\n", e.name(), done)
	return err
}

// completeWords completes an enum flag with its words, in value order.
func completeWords(words map[int64]string) cobra.CompletionFunc {
	keys := slices.Sorted(maps.Keys(words))
	list := make([]string, len(keys))
	for i, k := range keys {
		list[i] = words[k]
	}
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return list, cobra.ShellCompDirectiveNoFileComp
	}
}
