package sort

import "reflect"

// Tests only: gol's Sort is native; here the stable sort stands in.
func Sort(data Interface) { Stable(data) }
func Slice(x any, less func(i, j int) bool) {
	n, swap := sliceSwapper(x)
	Stable(lessSwap{n, less, swap})
}
func sliceSwapper(x any) (n int, swap func(i, j int)) {
	return reflect.ValueOf(x).Len(), reflect.Swapper(x)
}
