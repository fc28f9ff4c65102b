package domain

import (
	"errors"
	"fmt"
)

// ErrorCode classifies an application error so that each surface (a chat reply,
// an HTTP status, a CLI exit) can turn it into a message in one place.
type ErrorCode string

// The error codes the application uses.
const (
	ECONFLICT  ErrorCode = "conflict"
	EFORBIDDEN ErrorCode = "forbidden"
	EINTERNAL  ErrorCode = "internal"
	EINVALID   ErrorCode = "invalid"
	ENOTFOUND  ErrorCode = "not_found"
)

// Error is the one coded application error type. Message is safe to show to a
// facilitator or an API client; it never holds personal data.
type Error struct {
	Code    ErrorCode
	Message string
	// Rule is the rule that refused, with its arguments, when the error is
	// a refusal a person may see (nil for other errors).
	Rule *Rule
	Args []any
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf returns a coded error with a formatted message.
func Errorf(code ErrorCode, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrNotFound is the sentinel for a record that does not exist. Stores wrap it
// rather than returning (nil, nil).
var ErrNotFound = &Error{Code: ENOTFOUND, Message: "not found"}

// Is makes errors.Is(err, ErrNotFound) true for any ENOTFOUND error.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t == ErrNotFound && e.Code == ENOTFOUND
}

// ErrorCodeOf returns the code of err, or EINTERNAL when err is not coded.
func ErrorCodeOf(err error) ErrorCode {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// RuleOf returns the rule that refused err and its arguments, or nil.
func RuleOf(err error) (*Rule, []any) {
	var e *Error
	if errors.As(err, &e) {
		return e.Rule, e.Args
	}
	return nil, nil
}

// ErrorMessageOf returns the safe message of err, or a generic one.
func ErrorMessageOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
