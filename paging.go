package quanshi

import (
	"context"
	"errors"
	"iter"
)

// ErrCursorStuck is yielded by a cursor iterator when the server answers a
// page whose cursor does not move past the previous one: following it would
// loop for ever.
var ErrCursorStuck = errors.New("quanshi: paging cursor did not advance")

// pageFunc fetches the next page and reports whether another may follow. Its
// items are yielded before its error, if any.
type pageFunc[T any] func(ctx context.Context) (items []T, more bool, err error)

// iterate turns a page source into an iterator of pointers into each page.
// An error is yielded once, with a nil item, and ends the iteration; so does
// the caller's break.
func iterate[T any](ctx context.Context, next pageFunc[T]) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		for {
			items, more, err := next(ctx)
			for i := range items {
				if !yield(&items[i], nil) {
					return
				}
			}
			if err != nil {
				yield(nil, err)
				return
			}
			if !more {
				return
			}
		}
	}
}

// numberedPages pages by page number from first, size items a page. It stops
// on an empty or short page, or once total items (when the server reports a
// total above zero) have been seen. fetch gets the page number to ask for.
func numberedPages[T any](first, size int, fetch func(ctx context.Context, page int) (items []T, total int, err error)) pageFunc[T] {
	page, seen := first, 0
	return func(ctx context.Context) ([]T, bool, error) {
		items, total, err := fetch(ctx, page)
		if err != nil {
			return nil, false, err
		}
		page++
		seen += len(items)
		more := len(items) > 0 && len(items) >= size && (total <= 0 || seen < total)
		return items, more, nil
	}
}

// cursorPages pages by a keyset cursor: each page is asked for with the
// cursor taken from the last item of the page before. It stops on an empty or
// short page and yields ErrCursorStuck when the cursor does not move.
func cursorPages[T any, C comparable](start C, limit int, fetch func(ctx context.Context, cursor C) ([]T, error), cursorOf func(T) C) pageFunc[T] {
	cursor := start
	return func(ctx context.Context) ([]T, bool, error) {
		items, err := fetch(ctx, cursor)
		if err != nil {
			return nil, false, err
		}
		if len(items) == 0 {
			return nil, false, nil
		}
		next := cursorOf(items[len(items)-1])
		if len(items) >= limit && next == cursor {
			return items, false, ErrCursorStuck
		}
		cursor = next
		return items, len(items) >= limit, nil
	}
}

// failed is an iterator that yields err once: what an iterator answers to a
// request its page method rejects before sending anything.
func failed[T any](err error) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) { yield(nil, err) }
}
