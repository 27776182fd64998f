package quanshi

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNilAndZeroValuesNeverPanic: a nil or zero Client, service or error
// returns a clear error or prints safely.
func TestNilAndZeroValuesNeverPanic(t *testing.T) {
	ctx := context.Background()
	var nilClient *Client
	require.NotPanics(t, func() {
		err := nilClient.Do(ctx, testConfOp, nil, nil)
		require.ErrorIs(t, err, ErrClientUnusable)
		err = (&Client{}).Do(ctx, testConfOp, nil, nil)
		require.ErrorIs(t, err, ErrClientUnusable)
		assert.NoError(t, nilClient.Close())
		assert.NoError(t, (&Client{}).Close())
	})
	for _, v := range []any{nilClient, &Client{}, (*APIError)(nil), (*TransportError)(nil), (*ValidationError)(nil)} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
			out := ""
			require.NotPanics(t, func() { out = fmt.Sprintf(verb, v) }, "%T %s", v, verb)
			assert.NotContains(t, out, "PANIC", "%T %s", v, verb)
		}
	}
	require.NotPanics(t, func() {
		var apiErr *APIError
		var err error = apiErr
		assert.False(t, errors.Is(err, ErrOutcomeUnknown))
		assert.False(t, errors.Is(err, ErrInvalidParameter))
		assert.NoError(t, apiErr.DecodeResult(&struct{}{}))
		assert.Nil(t, apiErr.Unwrap())
		var te *TransportError
		err = te
		assert.False(t, errors.Is(err, ErrOutcomeUnknown))
		assert.Nil(t, te.Unwrap())
		_ = (*ValidationError)(nil).Error()
	})
}

// serviceValues are the service types a Client carries.
func serviceValues() []any {
	var out []any
	typ := reflect.TypeFor[Client]()
	for i := range typ.NumField() {
		if f := typ.Field(i); f.IsExported() && f.Type.Kind() == reflect.Pointer && strings.HasSuffix(f.Type.Elem().Name(), "Service") {
			out = append(out, reflect.Zero(f.Type).Interface())
		}
	}
	return out
}

// TestNilServicesNeverPanic calls every exported method of every service
// with a nil receiver (as (&Client{}).Conference is), a service with no
// client and one with a zero client: each returns an error, none panics.
func TestNilServicesNeverPanic(t *testing.T) {
	services := serviceValues()
	require.GreaterOrEqual(t, len(services), 7)
	for _, svc := range services {
		typ := reflect.TypeOf(svc)
		noClient := reflect.ValueOf(&service{}).Convert(typ)
		zeroClient := reflect.ValueOf(&service{client: &Client{}}).Convert(typ)
		for i := range typ.NumMethod() {
			m := typ.Method(i)
			for _, recv := range []reflect.Value{reflect.Zero(typ), noClient, zeroClient} {
				name := fmt.Sprintf("%s.%s", typ.Elem().Name(), m.Name)
				require.NotPanics(t, func() { callWithPlausibleArgs(t, recv.MethodByName(m.Name), name) }, name)
			}
		}
	}
}

// callWithPlausibleArgs calls fn with a background context, plausible
// scalars and pointers to zero requests, and checks that it fails.
func callWithPlausibleArgs(t *testing.T, fn reflect.Value, name string) {
	ft := fn.Type()
	var args []reflect.Value
	for i := range ft.NumIn() {
		in := ft.In(i)
		if ft.IsVariadic() && i == ft.NumIn()-1 {
			break
		}
		switch {
		case in == reflect.TypeFor[context.Context]():
			args = append(args, reflect.ValueOf(context.Background()))
		case in.Kind() == reflect.String:
			args = append(args, reflect.ValueOf("239139091").Convert(in))
		case in.Kind() == reflect.Int64 || in.Kind() == reflect.Int:
			args = append(args, reflect.ValueOf(int64(4307081)).Convert(in))
		case in.Kind() == reflect.Pointer:
			args = append(args, reflect.New(in.Elem()))
		default:
			args = append(args, reflect.Zero(in))
		}
	}
	outs := fn.Call(args)
	last := outs[len(outs)-1]
	if last.Kind() == reflect.Func { // an iterator: take its first element
		yield := reflect.MakeFunc(last.Type().In(0), func(in []reflect.Value) []reflect.Value {
			assert.False(t, in[1].IsNil(), "%s yielded no error", name)
			return []reflect.Value{reflect.ValueOf(false)}
		})
		last.Call([]reflect.Value{yield})
		return
	}
	assert.False(t, last.IsNil(), "%s returned no error", name)
}

// TestServiceMethodsReachTheClientNilSafely: service code reaches the
// client only through caller, which a nil service survives.
func TestServiceMethodsReachTheClientNilSafely(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	direct := regexp.MustCompile(`\bs\.client[.,)]`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		for i, line := range strings.Split(string(src), "\n") {
			assert.False(t, direct.MatchString(line), "%s:%d dereferences the service: %s", f, i+1, strings.TrimSpace(line))
		}
	}
}
