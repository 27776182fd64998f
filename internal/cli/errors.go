package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	quanshi "github.com/quanshi-sdk/quanshi-go"
)

// Exit codes, one per class of failure (listed in the root command's help).
const (
	exitOK          = 0
	exitFailure     = 1 // anything not classified below
	exitUsage       = 2
	exitInvalid     = 3
	exitAPI         = 4
	exitCredentials = 5
	exitUnknown     = 6
	exitTransport   = 7
)

// exitCodesHelp is the table of exit codes in the root command's help.
const exitCodesHelp = `Exit codes:
  0  success
  1  other failure (output could not be written, ...)
  2  usage: unknown command or flag, bad flag value, unreadable --file
  3  invalid request: refused before sending, or a parameter the server rejected
  4  API error: the server answered with a failure
  5  credentials: missing, malformed or rejected credentials
  6  outcome unknown: a write may or may not have happened; read before retrying
  7  transport: no answer (connection refused, timeout, malformed response)`

// usageError is a mistake in the command line itself.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// credentialsError is a client the environment could not configure.
type credentialsError struct{ err error }

func (e *credentialsError) Error() string { return e.err.Error() }
func (e *credentialsError) Unwrap() error { return e.err }

// classify names an error's class and its exit code. Outcome unknown comes
// first: it matters most to whoever retries.
func classify(err error) (string, int) {
	var (
		usage  *usageError
		creds  *credentialsError
		valid  *quanshi.ValidationError
		api    *quanshi.APIError
		transp *quanshi.TransportError
	)
	switch {
	case errors.As(err, &usage):
		return "usage", exitUsage
	case errors.As(err, &creds), errors.Is(err, quanshi.ErrUnauthorized):
		return "credentials", exitCredentials
	case errors.Is(err, quanshi.ErrOutcomeUnknown):
		return "outcome unknown", exitUnknown
	case errors.As(err, &valid), errors.Is(err, quanshi.ErrInvalidParameter):
		return "invalid request", exitInvalid
	case errors.Is(err, quanshi.ErrMalformedResponse):
		return "transport", exitTransport
	case errors.As(err, &api):
		return "API error", exitAPI
	case errors.As(err, &transp), errors.Is(err, context.DeadlineExceeded):
		return "transport", exitTransport
	}
	return "error", exitFailure
}

// errorLine is the one line printed on stderr for a failed command: the
// command, the operation, the class and the SDK's (redacted) message.
func errorLine(command, op string, err error) (string, int) {
	class, code := classify(err)
	msg := strings.TrimPrefix(err.Error(), "quanshi: ")
	msg = strings.TrimPrefix(msg, op+": ")
	msg = strings.Join(strings.Fields(msg), " ")
	where := "quanshi"
	if command != "" {
		where += " " + command
	}
	if op != "" {
		where += " (" + op + ")"
	}
	return fmt.Sprintf("%s: %s: %s", where, class, msg), code
}
