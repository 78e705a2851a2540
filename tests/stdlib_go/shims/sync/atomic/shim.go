package atomic

import goatomic "sync/atomic"

// Tests only: gol's native atomics are Go's.
func AddInt32(addr *int32, delta int32) (new int32)     { return goatomic.AddInt32(addr, delta) }
func AddInt64(addr *int64, delta int64) (new int64)     { return goatomic.AddInt64(addr, delta) }
func AddUint32(addr *uint32, delta uint32) (new uint32) { return goatomic.AddUint32(addr, delta) }
func AddUint64(addr *uint64, delta uint64) (new uint64) { return goatomic.AddUint64(addr, delta) }
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr) {
	return goatomic.AddUintptr(addr, delta)
}

func LoadInt32(addr *int32) (val int32)       { return goatomic.LoadInt32(addr) }
func LoadInt64(addr *int64) (val int64)       { return goatomic.LoadInt64(addr) }
func LoadUint32(addr *uint32) (val uint32)    { return goatomic.LoadUint32(addr) }
func LoadUint64(addr *uint64) (val uint64)    { return goatomic.LoadUint64(addr) }
func LoadUintptr(addr *uintptr) (val uintptr) { return goatomic.LoadUintptr(addr) }

func StoreInt32(addr *int32, val int32)       { goatomic.StoreInt32(addr, val) }
func StoreInt64(addr *int64, val int64)       { goatomic.StoreInt64(addr, val) }
func StoreUint32(addr *uint32, val uint32)    { goatomic.StoreUint32(addr, val) }
func StoreUint64(addr *uint64, val uint64)    { goatomic.StoreUint64(addr, val) }
func StoreUintptr(addr *uintptr, val uintptr) { goatomic.StoreUintptr(addr, val) }

func SwapInt32(addr *int32, new int32) (old int32)         { return goatomic.SwapInt32(addr, new) }
func SwapInt64(addr *int64, new int64) (old int64)         { return goatomic.SwapInt64(addr, new) }
func SwapUint32(addr *uint32, new uint32) (old uint32)     { return goatomic.SwapUint32(addr, new) }
func SwapUint64(addr *uint64, new uint64) (old uint64)     { return goatomic.SwapUint64(addr, new) }
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr) { return goatomic.SwapUintptr(addr, new) }

func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool) {
	return goatomic.CompareAndSwapInt32(addr, old, new)
}
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool) {
	return goatomic.CompareAndSwapInt64(addr, old, new)
}
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool) {
	return goatomic.CompareAndSwapUint32(addr, old, new)
}
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool) {
	return goatomic.CompareAndSwapUint64(addr, old, new)
}
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool) {
	return goatomic.CompareAndSwapUintptr(addr, old, new)
}
