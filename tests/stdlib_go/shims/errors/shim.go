package errors

import (
	goerrors "errors"
	"reflect"
)

func isComparable(err error) bool { return reflect.TypeOf(err).Comparable() }

func As(err error, target any) bool { return goerrors.As(err, target) }
