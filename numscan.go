package quanshi

import "bytes"

// numLevel is one open object or list in numbersPass.
type numLevel struct {
	name  []byte // an object's current member name
	array bool
}

// numbersPass is checkNumbers' fast path: one pass over the JSON text the
// SDK encoded (valid, compact), tracking for each open object the name of
// its current member, so that every number is judged by numberProblem under
// the name its JSON pointer would end in, with no decoder and no pointer
// built. It reports false when a number fails or when it cannot tell (an
// escaped name, very deep nesting): checkNumbers then reads the body with a
// decoder to name the field.
func numbersPass(body []byte) bool {
	var stack [32]numLevel
	depth := -1
	var last []byte // the last string read
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case c == '{' || c == '[':
			if depth++; depth == len(stack) {
				return false
			}
			stack[depth] = numLevel{array: c == '['}
		case c == '}' || c == ']':
			depth--
		case c == '"':
			end := quotedEnd(body, i)
			last = body[i+1 : max(i+1, end-1)]
			i = end - 1
		case c == ':':
			if depth < 0 || bytes.IndexByte(last, '\\') >= 0 {
				return false
			}
			stack[depth].name = last
		case c == '-' || '0' <= c && c <= '9':
			end := i + 1
			for end < len(body) && bytes.IndexByte([]byte("0123456789.eE+-"), body[end]) >= 0 {
				end++
			}
			if !numberPasses(memberAt(stack[:depth+1]), body[i:end]) {
				return false
			}
			i = end - 1
		}
	}
	return true
}

// memberAt is the name of the member the innermost object is at, skipping
// lists (nil at the top level or in a top-level list).
func memberAt(stack []numLevel) []byte {
	for i := len(stack) - 1; i >= 0; i-- {
		if !stack[i].array {
			return stack[i].name
		}
	}
	return nil
}

// numberPasses reports whether the number literal lit passes under name.
func numberPasses(name, lit []byte) bool {
	return smallCount(lit) || numberProblem(string(name), string(lit)) == ""
}

// quotedEnd returns the index just past the JSON string starting at b[i],
// or len(b) when it is cut off.
func quotedEnd(b []byte, i int) int {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(b)
}
