package sync

import (
	"runtime"
	"sync/atomic"
)

// Tests only: spin locks standing in for gol's native, parking ones.
func (m *Mutex) Lock() {
	for !atomic.CompareAndSwapInt32(&m.state, 0, 1) {
		runtime.Gosched()
	}
}
func (m *Mutex) TryLock() bool { return atomic.CompareAndSwapInt32(&m.state, 0, 1) }
func (m *Mutex) Unlock() {
	if atomic.SwapInt32(&m.state, 0) == 0 {
		panic("sync: unlock of unlocked mutex")
	}
}
func (wg *WaitGroup) Add(delta int) {
	if atomic.AddInt64(&wg.counter, int64(delta)) < 0 {
		panic("sync: negative WaitGroup counter")
	}
}
func (wg *WaitGroup) Wait() {
	for atomic.LoadInt64(&wg.counter) != 0 {
		runtime.Gosched()
	}
}
