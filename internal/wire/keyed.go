package wire

import (
	"slices"

	"github.com/go-json-experiment/json/jsontext"
)

// Maps keyed by data: getConferenceList's list keyed by date,
// getConfReplay's result keyed by e-mail, accessNumbers keyed by language.
// One member that is none of those (a count, a note) must not fail the
// whole answer (issue 15 point 8): the map's type says, per key, what to do
// with the member, and a member left out is noted in Dec.Skipped.

// KeyRule is what a keyed map does with a member.
type KeyRule int

const (
	// KeyKeep decodes the member; a value that does not decode is an error.
	KeyKeep KeyRule = iota
	// KeyTry decodes the member if its value decodes, and skips it
	// otherwise (a key the pages do not list).
	KeyTry
	// KeySkip skips the member (a key of the wrong kind).
	KeySkip
)

// KeyedMapValue decodes an object into a map, value by value with elem,
// asking rule what to do with each member's key (a nil rule keeps every
// member: MapValue). {} and "" never overwrite a map.
func KeyedMapValue[K ~string, V any](dec *Dec, v *map[K]V, elem func(*Dec, *V) error, rule func(key []byte) KeyRule) error {
	shape, text, err := OpenObject(dec)
	switch {
	case err != nil:
		return err
	case shape == Empty:
		return nil // an empty object never overwrites a map
	case shape == Text:
		return DecodeText(dec, text, func(inner *Dec) error { return KeyedMapValue(inner, v, elem, rule) })
	}
	if *v == nil {
		*v = make(map[K]V, 8) // as MapValue: {} is an empty map
	}
	val := scratch[V](dec) // one variable for every member: it escapes to elem
	defer release(dec, val)
	for {
		more, err := More(dec)
		if err != nil || !more {
			return err
		}
		name, err := Name(dec)
		if err != nil {
			return err
		}
		r := KeyKeep
		if rule != nil {
			r = rule(name)
		}
		if err := keyedMember(dec, v, val, elem, name, r); err != nil {
			return InField(name, err)
		}
	}
}

// scratch returns a zero V to decode into, taken from the decoder's spare
// values when one is of that type: a list of maps then costs one such
// variable, not one per map. release gives it back.
func scratch[V any](dec *Dec) *V {
	for i, s := range dec.spare {
		if p, ok := s.(*V); ok {
			dec.spare = slices.Delete(dec.spare, i, i+1) // in use: a map nested in its value gets its own
			return p
		}
	}
	return new(V)
}

// release zeroes p (it keeps nothing alive) and returns it to the spare
// values.
func release[V any](dec *Dec, p *V) {
	var zero V
	*p = zero
	dec.spare = append(dec.spare, p)
}

// keyedMember decodes or skips one member under rule, through val.
func keyedMember[K ~string, V any](dec *Dec, v *map[K]V, val *V, elem func(*Dec, *V) error, name []byte, rule KeyRule) error {
	key := K(dec.str(name))
	if rule == KeyKeep {
		*val = (*v)[key]
		if err := elem(dec, val); err != nil {
			return err
		}
		(*v)[key] = *val
		return nil
	}
	raw, err := dec.ReadValue()
	if err != nil {
		return err
	}
	if rule == KeyTry {
		*val = (*v)[key]
		if Decode(raw, func(inner *Dec) error { return elem(inner, val) }) == nil {
			(*v)[key] = *val
			return nil
		}
	}
	dec.Skipped = append(dec.Skipped, Odd{Pointer: jsontext.Pointer("/" + escapeToken(string(key))), Text: valueText(raw)})
	return nil
}

// IsDate reports whether b is a date or time in a form the API sends
// ("2020-07-07"); the common forms are checked without allocating.
func IsDate(b []byte) bool {
	if _, ok := parseWallClockFast(b); ok {
		return true
	}
	t, err := ParseTime(string(b))
	return err == nil && !t.IsZero()
}
