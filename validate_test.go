package quanshi

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckKeepsTheFirstViolation(t *testing.T) {
	op := Operation{Family: FamilyConference, Method: http.MethodPost, Path: "/x"}
	v := newCheck(op)
	v.required("title", "  ")
	v.required("email", "")
	err := v.err()
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "title", ve.Field)
	assert.Equal(t, "quanshi: POST /x: invalid title: is required", err.Error())
	assert.NoError(t, newCheck(op).err())
}

func TestCheckRules(t *testing.T) {
	op := Operation{Method: http.MethodPost, Path: "/x"}
	cases := map[string]func(v *check){
		"maxRunes":        func(v *check) { v.maxRunes("f", "全时全时全", 4) },
		"maxBytes":        func(v *check) { v.maxBytes("f", "全时", 5) },
		"maxItems":        func(v *check) { v.maxItems("f", 21, 20) },
		"email":           func(v *check) { v.email("f", "not-an-email") },
		"email with name": func(v *check) { v.email("f", "Bob <bob@example.com>") },
		"httpURL":         func(v *check) { v.httpURL("f", "ftp://x/y") },
		"oneOf":           func(v *check) { oneOf(v, "f", "hourly", "daily", "weekly") },
	}
	for name, apply := range cases {
		v := newCheck(op)
		apply(v)
		var ve *ValidationError
		require.ErrorAs(t, v.err(), &ve, name)
		assert.Equal(t, "f", ve.Field, name)
	}
	v := newCheck(op)
	v.maxRunes("f", "全时全时", 4)
	v.maxBytes("f", "全时", 6)
	v.maxItems("f", 20, 20)
	v.email("f", "")
	v.email("f", "dtest04@quanshitest.com")
	v.httpURL("f", "")
	v.httpURL("f", "http://134.com")
	oneOf(v, "f", "", "daily")
	oneOf(v, "f", "daily", "daily")
	assert.NoError(t, v.err())
}

func TestNotNil(t *testing.T) {
	var req *probeRequest
	var ve *ValidationError
	require.ErrorAs(t, notNil(testConfOp, req), &ve)
	assert.Equal(t, "request", ve.Field)
	assert.NoError(t, notNil(testConfOp, &probeRequest{}))
}
