package difftest

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"math/rand"
	"reflect"
	"sort"
	"strings"
	"testing"

	gerrors "gol.test/errors"
	gio "gol.test/io"
	gmath "gol.test/math"
	gbits "gol.test/math/bits"
	grand "gol.test/math/rand"
	gsort "gol.test/sort"
	gsync "gol.test/sync"
)

type myErr struct{ code int }

func (e myErr) Error() string { return fmt.Sprint("code ", e.code) }

type wrapErr struct {
	msg string
	err error
}

func (e *wrapErr) Error() string { return e.msg + ": " + e.err.Error() }
func (e *wrapErr) Unwrap() error { return e.err }

type isErr struct{}

func (isErr) Error() string        { return "isErr" }
func (isErr) Is(target error) bool { return target == gio.EOF }
func (sliceErr) Error() string     { return "slice" }
func (e sliceErr) Is(error) bool   { return false }

type sliceErr []int

func TestErrors(t *testing.T) {
	a := gerrors.New("a")
	if a.Error() != "a" || a == gerrors.New("a") {
		t.Error("New")
	}
	w := &wrapErr{"ctx", a}
	ww := &wrapErr{"outer", w}
	if !gerrors.Is(ww, a) || !gerrors.Is(ww, w) || gerrors.Is(a, ww) || gerrors.Is(ww, gerrors.New("a")) {
		t.Error("Is through wrapping")
	}
	if gerrors.Unwrap(ww) != w || gerrors.Unwrap(a) != nil {
		t.Error("Unwrap")
	}
	if !gerrors.Is(isErr{}, gio.EOF) || gerrors.Is(isErr{}, a) {
		t.Error("Is method")
	}
	if !gerrors.Is(nil, nil) || gerrors.Is(a, nil) || gerrors.Is(nil, a) {
		t.Error("Is nil")
	}
	if !gerrors.Is(myErr{3}, myErr{3}) || gerrors.Is(myErr{3}, myErr{4}) {
		t.Error("Is comparable values")
	}
	if gerrors.Is(sliceErr{1}, myErr{3}) { // must not panic comparing a slice
		t.Error("Is non-comparable")
	}
	j := gerrors.Join(nil, a, nil, w)
	if j.Error() != "a\nctx: a" || !gerrors.Is(j, w) || !gerrors.Is(j, a) || gerrors.Is(j, gio.EOF) {
		t.Errorf("Join: %q", j.Error())
	}
	if gerrors.Join() != nil || gerrors.Join(nil, nil) != nil {
		t.Error("Join of nothing")
	}
	var target *wrapErr
	if !gerrors.As(ww, &target) || target != ww {
		t.Error("As")
	}
}

type oneByteReader struct{ s string }

func (r *oneByteReader) Read(p []byte) (int, error) {
	if len(r.s) == 0 {
		return 0, gio.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = r.s[0]
	r.s = r.s[1:]
	return 1, nil
}

type goEOFReader struct{ r *oneByteReader }

func (r goEOFReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err == gio.EOF {
		err = io.EOF
	}
	return n, err
}

func TestIO(t *testing.T) {
	big := strings.Repeat("0123456789", 300)
	data, err := gio.ReadAll(&oneByteReader{big})
	if string(data) != big || err != nil {
		t.Error("ReadAll")
	}
	buf := make([]byte, 5)
	n, err := gio.ReadFull(&oneByteReader{"abc"}, buf)
	if n != 3 || err != gio.ErrUnexpectedEOF {
		t.Errorf("ReadFull short: %d %v", n, err)
	}
	n, err = gio.ReadFull(&oneByteReader{""}, buf)
	if n != 0 || err != gio.EOF {
		t.Error("ReadFull empty")
	}
	n, err = gio.ReadFull(&oneByteReader{"abcdefg"}, buf)
	if n != 5 || err != nil || string(buf) != "abcde" {
		t.Error("ReadFull")
	}
	var sb strings.Builder
	c, err := gio.Copy(&sb, &oneByteReader{big})
	if c != int64(len(big)) || err != nil || sb.String() != big {
		t.Error("Copy")
	}
	if n, err := gio.WriteString(gio.Discard, "xyz"); n != 3 || err != nil {
		t.Error("Discard")
	}
	if gio.EOF.Error() != io.EOF.Error() || gio.ErrUnexpectedEOF.Error() != io.ErrUnexpectedEOF.Error() {
		t.Error("messages")
	}
}

type person struct {
	name string
	age  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Less(i, j int) bool { return a[i].age < a[j].age }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

type gByAge = byAge

func TestSort(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for _, n := range []int{0, 1, 2, 3, 19, 20, 21, 40, 41, 100, 1000, 5000} {
		people := make([]person, n)
		for i := range people {
			people[i] = person{fmt.Sprint("p", i), r.Intn(n/3 + 1)}
		}
		mine := append([]person(nil), people...)
		want := append([]person(nil), people...)
		gsort.Stable(byAge(mine))
		sort.Stable(byAge(want))
		if !reflect.DeepEqual(mine, want) {
			t.Fatalf("Stable differs for n=%d", n)
		}
		mine = append([]person(nil), people...)
		gsort.SliceStable(mine, func(i, j int) bool { return mine[i].age > mine[j].age })
		sort.SliceStable(want, func(i, j int) bool { return want[i].age > want[j].age })
		if !reflect.DeepEqual(mine, want) {
			t.Fatalf("SliceStable differs for n=%d", n)
		}
		if !gsort.IsSorted(gsort.Reverse(byAge(mine))) || !gsort.SliceIsSorted(mine, func(i, j int) bool { return mine[i].age > mine[j].age }) {
			t.Fatalf("IsSorted for n=%d", n)
		}
		ints := r.Perm(n)
		for i := range ints {
			ints[i] /= 2
		}
		gints := append([]int{}, ints...)
		gsort.Ints(gints)
		sort.Ints(ints)
		if !reflect.DeepEqual(gints, ints) || !gsort.IntsAreSorted(gints) {
			t.Fatalf("Ints n=%d", n)
		}
		for _, x := range []int{-1, 0, 1, n / 4, n, n + 1} {
			if gsort.SearchInts(ints, x) != sort.SearchInts(ints, x) {
				t.Fatalf("SearchInts(%d)", x)
			}
		}
	}
	fs := []float64{3, math.NaN(), -1, math.Inf(1), 0, math.Inf(-1), 2.5, math.NaN()}
	gfs := append([]float64(nil), fs...)
	gsort.Float64s(gfs)
	sort.Float64s(fs)
	if fmt.Sprint(gfs) != fmt.Sprint(fs) {
		t.Errorf("Float64s: %v vs %v", gfs, fs)
	}
	ss := []string{"b", "", "a", "ab", "é", "B"}
	gss := append([]string(nil), ss...)
	gsort.Strings(gss)
	sort.Strings(ss)
	if !reflect.DeepEqual(gss, ss) || gsort.SearchStrings(ss, "ab") != sort.SearchStrings(ss, "ab") {
		t.Error("Strings")
	}
	i, found := gsort.Find(len(ss), func(i int) int { return strings.Compare("ab", ss[i]) })
	if i != 3 || !found {
		t.Errorf("Find: %d %v", i, found)
	}
}

func TestBits(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	vals := []uint64{0, 1, 2, 3, 0x80, 0xff, 0x100, 1 << 31, 1<<32 - 1, 1 << 32, 1<<63 - 1, 1 << 63, 1<<64 - 1}
	for i := 0; i < 2000; i++ {
		vals = append(vals, r.Uint64()>>uint(r.Intn(64)))
	}
	for _, x := range vals {
		if gbits.LeadingZeros64(x) != bits.LeadingZeros64(x) || gbits.TrailingZeros64(x) != bits.TrailingZeros64(x) ||
			gbits.OnesCount64(x) != bits.OnesCount64(x) || gbits.Len64(x) != bits.Len64(x) ||
			gbits.Reverse64(x) != bits.Reverse64(x) || gbits.ReverseBytes64(x) != bits.ReverseBytes64(x) ||
			gbits.LeadingZeros(uint(x)) != bits.LeadingZeros(uint(x)) || gbits.TrailingZeros(uint(x)) != bits.TrailingZeros(uint(x)) ||
			gbits.OnesCount(uint(x)) != bits.OnesCount(uint(x)) || gbits.Len(uint(x)) != bits.Len(uint(x)) ||
			gbits.Reverse(uint(x)) != bits.Reverse(uint(x)) || gbits.ReverseBytes(uint(x)) != bits.ReverseBytes(uint(x)) {
			t.Fatalf("64-bit functions differ at %#x", x)
		}
		x32, x16, x8 := uint32(x), uint16(x), uint8(x)
		if gbits.LeadingZeros32(x32) != bits.LeadingZeros32(x32) || gbits.TrailingZeros32(x32) != bits.TrailingZeros32(x32) ||
			gbits.OnesCount32(x32) != bits.OnesCount32(x32) || gbits.Len32(x32) != bits.Len32(x32) ||
			gbits.Reverse32(x32) != bits.Reverse32(x32) || gbits.ReverseBytes32(x32) != bits.ReverseBytes32(x32) ||
			gbits.LeadingZeros16(x16) != bits.LeadingZeros16(x16) || gbits.TrailingZeros16(x16) != bits.TrailingZeros16(x16) ||
			gbits.OnesCount16(x16) != bits.OnesCount16(x16) || gbits.Len16(x16) != bits.Len16(x16) ||
			gbits.Reverse16(x16) != bits.Reverse16(x16) || gbits.ReverseBytes16(x16) != bits.ReverseBytes16(x16) ||
			gbits.LeadingZeros8(x8) != bits.LeadingZeros8(x8) || gbits.TrailingZeros8(x8) != bits.TrailingZeros8(x8) ||
			gbits.OnesCount8(x8) != bits.OnesCount8(x8) || gbits.Len8(x8) != bits.Len8(x8) || gbits.Reverse8(x8) != bits.Reverse8(x8) {
			t.Fatalf("narrow functions differ at %#x", x)
		}
		for _, k := range []int{-65, -64, -33, -1, 0, 1, 7, 8, 15, 31, 32, 63, 64, 100} {
			if gbits.RotateLeft64(x, k) != bits.RotateLeft64(x, k) || gbits.RotateLeft32(x32, k) != bits.RotateLeft32(x32, k) ||
				gbits.RotateLeft16(x16, k) != bits.RotateLeft16(x16, k) || gbits.RotateLeft8(x8, k) != bits.RotateLeft8(x8, k) ||
				gbits.RotateLeft(uint(x), k) != bits.RotateLeft(uint(x), k) {
				t.Fatalf("RotateLeft(%#x, %d)", x, k)
			}
		}
		y := vals[(int(x)%len(vals)+len(vals))%len(vals)] ^ 0x5555
		for c := uint64(0); c < 2; c++ {
			s1, c1 := gbits.Add64(x, y, c)
			s2, c2 := bits.Add64(x, y, c)
			d1, b1 := gbits.Sub64(x, y, c)
			d2, b2 := bits.Sub64(x, y, c)
			if s1 != s2 || c1 != c2 || d1 != d2 || b1 != b2 {
				t.Fatalf("Add64/Sub64(%#x, %#x, %d)", x, y, c)
			}
			s3, c3 := gbits.Add32(x32, uint32(y), uint32(c))
			s4, c4 := bits.Add32(x32, uint32(y), uint32(c))
			d3, b3 := gbits.Sub32(x32, uint32(y), uint32(c))
			d4, b4 := bits.Sub32(x32, uint32(y), uint32(c))
			if s3 != s4 || c3 != c4 || d3 != d4 || b3 != b4 {
				t.Fatalf("Add32/Sub32")
			}
		}
		h1, l1 := gbits.Mul64(x, y)
		h2, l2 := bits.Mul64(x, y)
		h3, l3 := gbits.Mul32(x32, uint32(y))
		h4, l4 := bits.Mul32(x32, uint32(y))
		if h1 != h2 || l1 != l2 || h3 != h4 || l3 != l4 {
			t.Fatalf("Mul(%#x, %#x)", x, y)
		}
		if y32 := uint32(y) | 1; uint32(x>>32) < y32 {
			q1, r1 := gbits.Div32(uint32(x>>32), x32, y32)
			q2, r2 := bits.Div32(uint32(x>>32), x32, y32)
			if q1 != q2 || r1 != r2 {
				t.Fatalf("Div32")
			}
		}
	}
	if gbits.UintSize != bits.UintSize {
		t.Error("UintSize")
	}
}

func TestMath(t *testing.T) {
	consts := []struct {
		got, want float64
	}{
		{gmath.Pi, math.Pi}, {gmath.E, math.E}, {gmath.Phi, math.Phi}, {gmath.Sqrt2, math.Sqrt2}, {gmath.SqrtE, math.SqrtE},
		{gmath.SqrtPi, math.SqrtPi}, {gmath.SqrtPhi, math.SqrtPhi}, {gmath.Ln2, math.Ln2}, {gmath.Log2E, math.Log2E},
		{gmath.Ln10, math.Ln10}, {gmath.Log10E, math.Log10E}, {gmath.MaxFloat64, math.MaxFloat64},
		{gmath.SmallestNonzeroFloat64, math.SmallestNonzeroFloat64}, {gmath.MaxFloat32, math.MaxFloat32},
		{gmath.SmallestNonzeroFloat32, math.SmallestNonzeroFloat32},
		{gmath.Pi / 3, math.Pi / 3}, {gmath.Pi * 1e10, math.Pi * 1e10}, {gmath.Ln2 * gmath.Log2E, math.Ln2 * math.Log2E},
	}
	for i, c := range consts {
		if math.Float64bits(c.got) != math.Float64bits(c.want) {
			t.Errorf("constant %d: %v vs %v", i, c.got, c.want)
		}
	}
	if gmath.MaxInt64 != math.MaxInt64 || gmath.MinInt64 != math.MinInt64 || gmath.MaxUint32 != math.MaxUint32 ||
		uint64(gmath.MaxUint64) != uint64(math.MaxUint64) || gmath.MaxInt != math.MaxInt || gmath.MinInt != math.MinInt ||
		gmath.MaxInt8 != math.MaxInt8 || gmath.MinInt8 != math.MinInt8 || gmath.MaxInt16 != math.MaxInt16 ||
		gmath.MinInt16 != math.MinInt16 || gmath.MaxInt32 != math.MaxInt32 || gmath.MinInt32 != math.MinInt32 ||
		gmath.MaxUint8 != math.MaxUint8 || gmath.MaxUint16 != math.MaxUint16 || uint(gmath.MaxUint) != uint(math.MaxUint) {
		t.Error("integer limits")
	}
	for _, x := range []float64{0, math.Copysign(0, -1), 1, -1, 1.5, math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, -math.SmallestNonzeroFloat64} {
		for _, s := range []int{-1, 0, 1} {
			if gmath.IsInf(x, s) != math.IsInf(x, s) {
				t.Errorf("IsInf(%v, %d)", x, s)
			}
		}
		if gmath.IsNaN(x) != math.IsNaN(x) || gmath.Signbit(x) != math.Signbit(x) ||
			math.Float64bits(gmath.Abs(x)) != math.Float64bits(math.Abs(x)) ||
			math.Float64bits(gmath.Copysign(3, x)) != math.Float64bits(math.Copysign(3, x)) {
			t.Errorf("classification of %v", x)
		}
	}
	if !math.IsInf(gmath.Inf(1), 1) || !math.IsInf(gmath.Inf(-1), -1) || !math.IsNaN(gmath.NaN()) {
		t.Error("Inf/NaN")
	}
}

func TestRand(t *testing.T) {
	r := grand.New(grand.NewSource(42))
	r2 := grand.New(grand.NewSource(42))
	for i := 0; i < 100; i++ {
		if r.Int63() != r2.Int63() {
			t.Fatal("same seed, different sequence")
		}
	}
	seen := map[int]bool{}
	for i := 0; i < 10000; i++ {
		v := r.Intn(10)
		if v < 0 || v >= 10 {
			t.Fatal("Intn out of range")
		}
		seen[v] = true
		if f := r.Float64(); f < 0 || f >= 1 {
			t.Fatal("Float64 out of range")
		}
		if x := r.Int63n(1e12 + 7); x < 0 || x >= 1e12+7 {
			t.Fatal("Int63n out of range")
		}
		if x := r.Int31n(3); x < 0 || x >= 3 {
			t.Fatal("Int31n out of range")
		}
		if r.Int() < 0 || r.Int63() < 0 || r.Int31() < 0 {
			t.Fatal("negative")
		}
	}
	if len(seen) != 10 {
		t.Error("Intn misses values")
	}
	p := r.Perm(100)
	sorted := append([]int(nil), p...)
	sort.Ints(sorted)
	for i, v := range sorted {
		if v != i {
			t.Fatal("Perm is not a permutation")
		}
	}
	s := []int{1, 2, 3, 4, 5}
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	if len(s) != 5 {
		t.Fatal("Shuffle")
	}
	grand.Seed(5)
	a := grand.Intn(1000000)
	grand.Seed(5)
	if grand.Intn(1000000) != a {
		t.Error("Seed does not make the global source deterministic")
	}
	var _ = errors.New
}

func TestSync(t *testing.T) {
	var mu gsync.Mutex
	var wg gsync.WaitGroup
	var once gsync.Once
	counter, onceCount := 0, 0
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 100; k++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
			once.Do(func() { onceCount++ })
		}()
	}
	wg.Wait()
	if counter != 5000 || onceCount != 1 {
		t.Errorf("counter %d, once %d", counter, onceCount)
	}
	var m gsync.Map
	m.Store("a", 1)
	if v, ok := m.Load("a"); !ok || v != 1 {
		t.Error("Map.Load")
	}
	if v, loaded := m.LoadOrStore("a", 2); !loaded || v != 1 {
		t.Error("Map.LoadOrStore")
	}
	m.Delete("a")
	if _, ok := m.Load("a"); ok {
		t.Error("Map.Delete")
	}
	var p gsync.Pool
	p.New = func() any { return 7 }
	if p.Get() != 7 {
		t.Error("Pool.New")
	}
	p.Put(8)
	if p.Get() != 8 {
		t.Error("Pool.Put")
	}
}

func TestIOHelpers(t *testing.T) {
	var a, b strings.Builder
	w := gio.MultiWriter(&a, &b)
	r := gio.TeeReader(gio.MultiReader(&oneByteReader{"abc"}, &oneByteReader{""}, &oneByteReader{"defgh"}), w)
	data, err := gio.ReadAll(gio.LimitReader(r, 6))
	if string(data) != "abcdef" || err != nil || a.String() != "abcdef" || b.String() != "abcdef" {
		t.Errorf("helpers: %q %v %q", data, err, a.String())
	}
	var c strings.Builder
	n, err := gio.CopyN(&c, &oneByteReader{"0123456789"}, 4)
	if n != 4 || err != nil || c.String() != "0123" {
		t.Error("CopyN")
	}
	n, err = gio.CopyN(&c, &oneByteReader{"01"}, 4)
	if n != 2 || err != gio.EOF {
		t.Error("CopyN short")
	}
	if gio.NopCloser(&oneByteReader{}).Close() != nil {
		t.Error("NopCloser")
	}
}
