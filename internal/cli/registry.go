package cli

import (
	"context"
	"iter"

	quanshi "github.com/quanshi-sdk/quanshi-go"
)

// endpoint binds one command ("conference create") to one SDK method. The
// table of them (generated, in registry_gen.go) is derived from the SDK's
// source, so every method has a command.
type endpoint struct {
	// Service and Verb are the command's words.
	Service, Verb string
	// Method is the SDK method, as "Conference.Create".
	Method string
	// Op is the method's operation, "POST /path".
	Op string
	// Doc is the first sentence of the method's doc comment.
	Doc string
	// Request is the request's type name.
	Request string
	// New returns a new, empty request.
	New func() any
	// Call calls the method with the request.
	Call func(ctx context.Context, c *quanshi.Client, req any, opts []quanshi.CallOption) (any, error)
	// Iter walks every page of a paged list; nil for the others.
	Iter func(ctx context.Context, c *quanshi.Client, req any, opts []quanshi.CallOption) iter.Seq2[any, error]
}

// name is the command's "service verb".
func (e *endpoint) name() string { return e.Service + " " + e.Verb }

// anySeq turns an iterator of typed items into one of values.
func anySeq[T any](s iter.Seq2[T, error]) iter.Seq2[any, error] {
	return func(yield func(any, error) bool) {
		for v, err := range s {
			if !yield(v, err) {
				return
			}
		}
	}
}
