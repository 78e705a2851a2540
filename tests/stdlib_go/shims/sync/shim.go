package sync

import (
	gosync "sync"
	"sync/atomic"
	"time"
)

// Tests only: the runtime hooks gol implements natively (runtime/sema.h),
// built on Go's own sync and channels. As gol's semaphores: a FIFO queue of
// waiters per address (lifo: at the front); a release wakes the first
// waiter, which competes for the count again, or with handoff takes the
// count for it. fatal panics, so that a test can see it.
type shimWaiter struct {
	wake     chan bool // true: the count was handed over
	next     *shimWaiter
	prev     *shimWaiter
	queuedAt *uint32
}

var (
	shimLock   gosync.Mutex
	shimQueues = map[*uint32]*shimWaiter{} // address -> first waiter (a ring through prev/next)
)

func shimEnqueue(addr *uint32, w *shimWaiter, lifo bool) {
	head := shimQueues[addr]
	if head == nil {
		w.next, w.prev = w, w
		shimQueues[addr] = w
		return
	}
	w.next, w.prev = head, head.prev
	head.prev.next = w
	head.prev = w
	if lifo {
		shimQueues[addr] = w
	}
}

func shimDequeue(addr *uint32) *shimWaiter {
	head := shimQueues[addr]
	if head == nil {
		return nil
	}
	if head.next == head {
		delete(shimQueues, addr)
	} else {
		head.prev.next = head.next
		head.next.prev = head.prev
		shimQueues[addr] = head.next
	}
	return head
}

func semacquire(addr *uint32, lifo bool) {
	w := &shimWaiter{wake: make(chan bool, 1)}
	for {
		shimLock.Lock()
		if v := atomic.LoadUint32(addr); v > 0 {
			atomic.StoreUint32(addr, v-1)
			shimLock.Unlock()
			return
		}
		shimEnqueue(addr, w, lifo)
		shimLock.Unlock()
		if <-w.wake {
			return
		}
		lifo = true // woken and beaten to the count: back to the front
	}
}

func runtime_Semacquire(addr *uint32)                    { semacquire(addr, false) }
func runtime_SemacquireMutex(addr *uint32, lifo bool)    { semacquire(addr, lifo) }
func runtime_SemacquireRWMutexR(addr *uint32, lifo bool) { semacquire(addr, lifo) }
func runtime_SemacquireRWMutex(addr *uint32, lifo bool)  { semacquire(addr, lifo) }
func runtime_SemacquireCond(addr *uint32)                { semacquire(addr, false) }

func runtime_Semrelease(addr *uint32, handoff bool) {
	shimLock.Lock()
	w := shimDequeue(addr)
	if w != nil && handoff {
		shimLock.Unlock()
		w.wake <- true
		return
	}
	atomic.AddUint32(addr, 1)
	shimLock.Unlock()
	if w != nil {
		w.wake <- false
	}
}

func runtime_nanotime() int64 { return int64(time.Since(shimStart)) }
func fatal(s string)          { panic("fatal error: " + s) }

var shimStart = time.Now()
