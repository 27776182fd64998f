package quanshi

import (
	"container/heap"
	"context"
	"sync"
	"time"
)

// CallbackClaim is what CallbackStore.Acquire found for a msgId.
type CallbackClaim int

// Claims.
const (
	// CallbackAcquired: the caller now holds the msgId's lease and handles
	// the callback.
	CallbackAcquired CallbackClaim = iota + 1
	// CallbackInFlight: another delivery of the msgId holds the lease.
	CallbackInFlight
	// CallbackDone: a delivery of the msgId was handled already.
	CallbackDone
)

var callbackClaimNames = map[CallbackClaim]string{
	CallbackAcquired: "acquired", CallbackInFlight: "in flight", CallbackDone: "done",
}

// String returns the claim's name, such as "in flight".
func (c CallbackClaim) String() string { return enumString(c, callbackClaimNames) }

// CallbackStore remembers which callbacks (by msgId) are being handled and
// which were handled, so that CallbackHandler handles each once however
// often the platform delivers it. The default is an in-memory store (one
// process); a fleet shares one store, such as one on Redis:
//
//	Acquire: SET key "lease" NX PX lease; when not set, GET key ("done" or "lease")
//	Done:    SET key "done" PX ttl
//	Release: delete key if its value is "lease"
//
// Implementations must be safe for concurrent use.
type CallbackStore interface {
	// Acquire leases msgID for lease unless it is leased or done.
	Acquire(ctx context.Context, msgID string, lease time.Duration) (CallbackClaim, error)
	// Done marks msgID handled for ttl, replacing its lease.
	Done(ctx context.Context, msgID string, ttl time.Duration) error
	// Release drops msgID's lease (its handling failed), so that the next
	// delivery handles it. It leaves a done msgID done.
	Release(ctx context.Context, msgID string) error
}

// DefaultCallbackStoreEntries is the default capacity of a
// MemoryCallbackStore.
const DefaultCallbackStoreEntries = 100_000

// MemoryCallbackStore is the in-memory CallbackStore. It remembers at most
// its capacity of msgIds: past that, the ones closest to expiring are
// forgotten first, so memory stays bounded however many callbacks arrive.
type MemoryCallbackStore struct {
	mu      sync.Mutex
	max     int
	now     func() time.Time
	entries map[string]*storeEntry
	byTime  storeHeap
}

type storeEntry struct {
	id      string
	done    bool
	expires time.Time
	index   int
}

// NewMemoryCallbackStore returns an in-memory store of at most maxEntries
// msgIds (DefaultCallbackStoreEntries when maxEntries <= 0).
func NewMemoryCallbackStore(maxEntries int) *MemoryCallbackStore {
	if maxEntries <= 0 {
		maxEntries = DefaultCallbackStoreEntries
	}
	return &MemoryCallbackStore{max: maxEntries, now: time.Now, entries: map[string]*storeEntry{}}
}

// Acquire leases msgID for lease unless it is leased or done.
func (s *MemoryCallbackStore) Acquire(_ context.Context, msgID string, lease time.Duration) (CallbackClaim, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	s.expire(now)
	if e, ok := s.entries[msgID]; ok {
		if e.done {
			return CallbackDone, nil
		}
		return CallbackInFlight, nil
	}
	for len(s.entries) >= s.max {
		s.remove(s.byTime[0])
	}
	e := &storeEntry{id: msgID, expires: now.Add(lease)}
	s.entries[msgID] = e
	heap.Push(&s.byTime, e)
	return CallbackAcquired, nil
}

// Done marks msgID handled for ttl.
func (s *MemoryCallbackStore) Done(_ context.Context, msgID string, ttl time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	e, ok := s.entries[msgID]
	if !ok {
		for len(s.entries) >= s.max {
			s.remove(s.byTime[0])
		}
		e = &storeEntry{id: msgID}
		s.entries[msgID] = e
		heap.Push(&s.byTime, e)
	}
	e.done, e.expires = true, now.Add(ttl)
	heap.Fix(&s.byTime, e.index)
	return nil
}

// Release drops msgID's lease; a done msgID stays done.
func (s *MemoryCallbackStore) Release(_ context.Context, msgID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.entries[msgID]; ok && !e.done {
		s.remove(e)
	}
	return nil
}

// Len reports how many msgIds the store remembers now (expired ones
// included until the next Acquire).
func (s *MemoryCallbackStore) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.entries)
}

// expire forgets the entries that expired by now.
func (s *MemoryCallbackStore) expire(now time.Time) {
	for len(s.byTime) > 0 && !s.byTime[0].expires.After(now) {
		s.remove(s.byTime[0])
	}
}

func (s *MemoryCallbackStore) remove(e *storeEntry) {
	heap.Remove(&s.byTime, e.index)
	delete(s.entries, e.id)
}

// storeHeap orders entries by expiry, soonest first.
type storeHeap []*storeEntry

func (h storeHeap) Len() int           { return len(h) }
func (h storeHeap) Less(i, j int) bool { return h[i].expires.Before(h[j].expires) }
func (h storeHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}

func (h *storeHeap) Push(x any) {
	e := x.(*storeEntry)
	e.index = len(*h)
	*h = append(*h, e)
}

func (h *storeHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	return e
}
