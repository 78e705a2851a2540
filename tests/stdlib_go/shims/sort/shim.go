package sort

import "reflect"

// Tests only: gol's Sort is native; here the stable sort stands in.
func Sort(data Interface) { Stable(data) }
func sortSlice(x any, less func(i, j int) bool) string {
	n, swap := sliceSwapper(x)
	Stable(lessSwap{n, less, swap})
	return ""
}
func sliceLen(x any) (int, string) {
	v := reflect.ValueOf(x)
	if v.Kind() != reflect.Slice {
		return 0, v.Kind().String()
	}
	return v.Len(), ""
}
func sliceSwap(x any, i, j int) { reflect.Swapper(x)(i, j) }
