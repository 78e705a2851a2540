package difftest

import (
	"runtime"
	"strings"
	goatomic "sync/atomic"
	"testing"
	"time"

	gsync "gol.test/sync"
)

// The Gol-written sync package (Mutex, RWMutex, WaitGroup, Once, Cond) run
// by Go, on the semaphores of shims/sync: correctness under contention;
// `go test -race` on the scratch module also checks it is race-free.

func TestSyncMutexCounter(t *testing.T) {
	var mu gsync.Mutex
	var wg gsync.WaitGroup
	counter := 0
	const g, n = 16, 2000
	for i := 0; i < g; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < n; k++ {
				mu.Lock()
				counter++
				if k%100 == 0 {
					runtime.Gosched() // hold the lock across a yield
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if counter != g*n {
		t.Fatalf("counter %d", counter)
	}
	if !mu.TryLock() {
		t.Fatal("TryLock of a free mutex failed")
	}
	if mu.TryLock() {
		t.Fatal("TryLock of a held mutex succeeded")
	}
	mu.Unlock()
}

func TestSyncMutexStarvation(t *testing.T) {
	var mu gsync.Mutex
	var stop, running int32
	var wg gsync.WaitGroup
	for h := 0; h < 3; h++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			goatomic.AddInt32(&running, 1)
			for goatomic.LoadInt32(&stop) == 0 {
				mu.Lock()
				t0 := time.Now()
				for time.Since(t0) < 100*time.Microsecond {
				}
				mu.Unlock()
			}
		}()
	}
	for goatomic.LoadInt32(&running) < 3 {
		runtime.Gosched()
	}
	start := time.Now()
	for i := 0; i < 50; i++ {
		mu.Lock()
		mu.Unlock()
	}
	goatomic.StoreInt32(&stop, 1)
	wg.Wait()
	if d := time.Since(start); d > 10*time.Second {
		t.Fatalf("50 locks took %v", d)
	} else {
		t.Logf("50 locks against 3 hogs took %v", d)
	}
}

func TestSyncRWMutex(t *testing.T) {
	var rw gsync.RWMutex
	var wg gsync.WaitGroup
	a, b := 0, 0
	var bad, reads int32
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 300; k++ {
				rw.Lock()
				a++
				runtime.Gosched()
				b++
				rw.Unlock()
			}
		}()
	}
	for r := 0; r < 8; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			for k := 0; k < 500; k++ {
				var l gsync.Locker = rw.RLocker()
				if r%2 == 0 {
					rw.RLock()
				} else {
					l.Lock()
				}
				if a != b {
					goatomic.AddInt32(&bad, 1)
				}
				goatomic.AddInt32(&reads, 1)
				if k%50 == 0 {
					runtime.Gosched()
				}
				if r%2 == 0 {
					rw.RUnlock()
				} else {
					l.Unlock()
				}
			}
		}(r)
	}
	wg.Wait()
	if a != 1200 || b != 1200 || bad != 0 || reads != 4000 {
		t.Fatalf("a %d b %d bad %d reads %d", a, b, bad, reads)
	}
	rw.RLock()
	if rw.TryLock() {
		t.Fatal("TryLock with a reader")
	}
	if !rw.TryRLock() {
		t.Fatal("TryRLock with a reader")
	}
	rw.RUnlock()
	rw.RUnlock()
	if !rw.TryLock() {
		t.Fatal("TryLock of a free RWMutex")
	}
	if rw.TryRLock() || rw.TryLock() {
		t.Fatal("Try* with a writer")
	}
	rw.Unlock()
}

func syncTree(wg *gsync.WaitGroup, depth int, count *int64) {
	defer wg.Done()
	goatomic.AddInt64(count, 1)
	if depth == 0 {
		return
	}
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go syncTree(wg, depth-1, count)
	}
}

func TestSyncWaitGroup(t *testing.T) {
	for round := 0; round < 20; round++ {
		var wg gsync.WaitGroup
		var count int64
		wg.Add(1)
		go syncTree(&wg, 5, &count)
		// several waiters
		var done gsync.WaitGroup
		for i := 0; i < 4; i++ {
			done.Add(1)
			go func() { wg.Wait(); done.Done() }()
		}
		wg.Wait()
		done.Wait()
		if count != 364 {
			t.Fatalf("count %d", count)
		}
	}
	// reuse after Wait returned
	var wg gsync.WaitGroup
	for round := 0; round < 50; round++ {
		var n int32
		for i := 0; i < 5; i++ {
			wg.Add(1)
			go func() { goatomic.AddInt32(&n, 1); wg.Done() }()
		}
		wg.Wait()
		if n != 5 {
			t.Fatal("reuse")
		}
	}
	func() {
		defer func() {
			if r := recover(); r != "sync: negative WaitGroup counter" {
				t.Fatalf("recovered %v", r)
			}
		}()
		var wg gsync.WaitGroup
		wg.Add(1)
		wg.Done()
		wg.Done()
	}()
}

func TestSyncOnce(t *testing.T) {
	var once gsync.Once
	var calls int32
	var wg gsync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { goatomic.AddInt32(&calls, 1); runtime.Gosched() })
		}()
	}
	wg.Wait()
	if calls != 1 {
		t.Fatalf("calls %d", calls)
	}
	var p gsync.Once
	func() {
		defer func() { recover() }()
		p.Do(func() { panic("boom") })
	}()
	ran := false
	p.Do(func() { ran = true })
	if ran {
		t.Fatal("Once ran again after a panic")
	}
}

func TestSyncCond(t *testing.T) {
	var mu gsync.Mutex
	notEmpty := gsync.NewCond(&mu)
	notFull := gsync.NewCond(&mu)
	var queue []int
	const producers, consumers, per, capacity = 4, 3, 500, 5
	var wg gsync.WaitGroup
	var sum int64
	consumed := 0
	for p := 0; p < producers; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			for i := 1; i <= per; i++ {
				mu.Lock()
				for len(queue) == capacity {
					notFull.Wait()
				}
				queue = append(queue, i)
				notEmpty.Signal()
				mu.Unlock()
			}
		}(p)
	}
	for c := 0; c < consumers; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				for len(queue) == 0 && consumed < producers*per {
					notEmpty.Wait()
				}
				if consumed == producers*per {
					mu.Unlock()
					notEmpty.Broadcast()
					return
				}
				v := queue[0]
				queue = queue[1:]
				consumed++
				sum += int64(v)
				if consumed == producers*per {
					notEmpty.Broadcast()
				}
				notFull.Signal()
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if sum != producers*per*(per+1)/2 {
		t.Fatalf("sum %d", sum)
	}
	// Broadcast releases everyone.
	ready := false
	var woke int32
	var started gsync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		started.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			started.Done()
			for !ready {
				notEmpty.Wait()
			}
			goatomic.AddInt32(&woke, 1)
			mu.Unlock()
		}()
	}
	started.Wait()
	mu.Lock()
	ready = true
	notEmpty.Broadcast()
	mu.Unlock()
	wg.Wait()
	if woke != 10 {
		t.Fatal("broadcast")
	}
	// A Signal with nobody waiting is not remembered.
	c := gsync.NewCond(&mu)
	c.Signal()
	c.Broadcast()
}

func fatalOf(f func()) (msg string) {
	defer func() { msg, _ = recover().(string) }()
	f()
	return ""
}

func TestSyncFatal(t *testing.T) {
	var mu gsync.Mutex
	if m := fatalOf(mu.Unlock); m != "fatal error: sync: unlock of unlocked mutex" {
		t.Errorf("Mutex: %q", m)
	}
	var rw gsync.RWMutex
	if m := fatalOf(rw.Unlock); !strings.Contains(m, "sync: Unlock of unlocked RWMutex") {
		t.Errorf("RWMutex.Unlock: %q", m)
	}
	var rw2 gsync.RWMutex
	if m := fatalOf(rw2.RUnlock); !strings.Contains(m, "sync: RUnlock of unlocked RWMutex") {
		t.Errorf("RWMutex.RUnlock: %q", m)
	}
}
