package quanshi

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// collect drains an iterator into copies of its items and its error. An
// error comes with a nil item; every other item is non-nil.
func collect[T any](seq func(func(*T, error) bool)) ([]T, error) {
	var items []T
	for item, err := range seq {
		if err != nil {
			if item != nil {
				return items, errors.New("an error came with an item")
			}
			return items, err
		}
		if item == nil {
			return items, errors.New("a nil item without an error")
		}
		items = append(items, *item)
	}
	return items, nil
}

func TestNumberedPagesStopOnShortPage(t *testing.T) {
	var asked []int
	pages := map[int][]int{1: {1, 2, 3}, 2: {4, 5, 6}, 3: {7}}
	next := numberedPages(1, 3, func(_ context.Context, page int) ([]int, int, error) {
		asked = append(asked, page)
		return pages[page], 0, nil
	})
	items, err := collect(iterate(context.Background(), next))
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2, 3, 4, 5, 6, 7}, items)
	assert.Equal(t, []int{1, 2, 3}, asked)
}

func TestNumberedPagesStopAtTotalAndOnEmptyPage(t *testing.T) {
	calls := 0
	next := numberedPages(0, 2, func(_ context.Context, page int) ([]int, int, error) {
		calls++
		return []int{page*2 + 1, page*2 + 2}, 4, nil
	})
	items, err := collect(iterate(context.Background(), next))
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2, 3, 4}, items)
	assert.Equal(t, 2, calls, "the total says there is no third page")

	calls = 0
	next = numberedPages(1, 2, func(_ context.Context, page int) ([]int, int, error) {
		calls++
		if page > 2 {
			return nil, 0, nil
		}
		return []int{page, page}, 0, nil
	})
	items, err = collect(iterate(context.Background(), next))
	require.NoError(t, err)
	assert.Len(t, items, 4)
	assert.Equal(t, 3, calls)
}

func TestIteratorYieldsAnErrorOnceAndStops(t *testing.T) {
	boom := errors.New("boom")
	calls := 0
	next := numberedPages(1, 2, func(_ context.Context, page int) ([]int, int, error) {
		calls++
		if page == 2 {
			return nil, 0, boom
		}
		return []int{1, 2}, 0, nil
	})
	var items []int
	var errs []error
	for item, err := range iterate(context.Background(), next) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		items = append(items, *item)
	}
	assert.Equal(t, []int{1, 2}, items)
	assert.Equal(t, []error{boom}, errs)
	assert.Equal(t, 2, calls)
}

func TestIteratorStopsOnBreak(t *testing.T) {
	calls := 0
	next := numberedPages(1, 2, func(_ context.Context, page int) ([]int, int, error) {
		calls++
		return []int{page, page}, 0, nil
	})
	for item := range iterate(context.Background(), next) {
		if *item == 1 {
			break
		}
	}
	assert.Equal(t, 1, calls)
}

type cursorItem struct{ id int64 }

func TestCursorPagesAdvanceAndStopOnShortPage(t *testing.T) {
	var cursors []int64
	data := []cursorItem{{9}, {8}, {7}, {6}, {5}}
	next := cursorPages(int64(0), 2, func(_ context.Context, cursor int64) ([]cursorItem, error) {
		cursors = append(cursors, cursor)
		var page []cursorItem
		for _, it := range data {
			if (cursor == 0 || it.id < cursor) && len(page) < 2 {
				page = append(page, it)
			}
		}
		return page, nil
	}, func(it cursorItem) int64 { return it.id })
	items, err := collect(iterate(context.Background(), next))
	require.NoError(t, err)
	assert.Equal(t, data, items)
	assert.Equal(t, []int64{0, 8, 6}, cursors)
}

func TestCursorPagesRefuseAStuckCursor(t *testing.T) {
	calls := 0
	next := cursorPages(int64(5), 2, func(_ context.Context, cursor int64) ([]cursorItem, error) {
		calls++
		return []cursorItem{{7}, {5}}, nil
	}, func(it cursorItem) int64 { return it.id })
	items, err := collect(iterate(context.Background(), next))
	assert.ErrorIs(t, err, ErrCursorStuck)
	assert.Len(t, items, 2, "the page's items come before the error")
	assert.Equal(t, 1, calls)
}

func TestEnumStringNamesUnknownValues(t *testing.T) {
	assert.Equal(t, "in progress", ConferenceStatusInProgress.String())
	assert.Equal(t, "locked", ConferenceStatus(18).String())
	assert.Equal(t, "ConferenceStatus(7)", ConferenceStatus(7).String())
}
