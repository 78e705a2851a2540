package errors

import (
	"reflect"
)

func isComparable(err error) bool { return reflect.TypeOf(err).Comparable() }

var errorType = reflect.TypeOf((*error)(nil)).Elem()

func asTargetKind(target any) int {
	v := reflect.ValueOf(target)
	if v.Kind() != reflect.Ptr || v.IsNil() {
		return asNotPointer
	}
	t := v.Type().Elem()
	if t.Kind() != reflect.Interface && !t.Implements(errorType) {
		return asNotError
	}
	return asOK
}

func assignAs(err error, target any) bool {
	v := reflect.ValueOf(target).Elem()
	if reflect.TypeOf(err).AssignableTo(v.Type()) {
		v.Set(reflect.ValueOf(err))
		return true
	}
	return false
}
