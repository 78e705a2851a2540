// Prints random constant cases with go/constant's and math/big's results,
// for driver.cpp to compare with gol's ConstValue (see
// tools/check_constants_vs_go.sh). Deterministic: fixed seeds.
package main

import (
	"fmt"
	"go/constant"
	"go/token"
	"math"
	"math/big"
	"math/rand"
	"strings"
)

func digits(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteByte(byte('0' + r.Intn(10)))
	}
	return b.String()
}

// floatCase prints: F literal float64-bits float32-bits String stringComparable
func floatCase(lit string) {
	v := constant.MakeFromLiteral(lit, token.FLOAT, 0)
	f64, _ := constant.Float64Val(v)
	f32, _ := constant.Float32Val(v)
	s := v.String()
	// Go 1.20 changed String for non-integers whose %.6g shows no fraction
	// (go.dev/issue/56220); gol follows the newer Go, so skip those here.
	comparable := 1
	if !strings.ContainsAny(s, ".") && constant.ToInt(v).Kind() != constant.Int {
		comparable = 0
	}
	fmt.Printf("F %s %016x %08x %s %d\n", lit, math.Float64bits(f64), math.Float32bits(f32), s, comparable)
}

func randInt(r *rand.Rand) *big.Int {
	x := new(big.Int)
	for i := r.Intn(10); i > 0; i-- {
		x.Lsh(x, 32)
		w := r.Uint32()
		switch r.Intn(4) {
		case 0:
			w = 0xffffffff
		case 1:
			w = 0
		}
		x.Or(x, big.NewInt(int64(w)))
	}
	if r.Intn(2) == 0 {
		x.Neg(x)
	}
	return x
}

func main() {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 5000; i++ {
		switch r.Intn(4) {
		case 0:
			floatCase(digits(r, 1+r.Intn(25)) + "." + digits(r, r.Intn(25)) + fmt.Sprintf("e%d", r.Intn(700)-350))
		case 1:
			floatCase("0." + digits(r, 1+r.Intn(8)))
		case 2:
			f := math.Float64frombits(r.Uint64() &^ (1 << 63))
			if math.IsNaN(f) || math.IsInf(f, 0) {
				f = 1.5
			}
			floatCase(fmt.Sprintf("%.25e", f)) // near float64 rounding boundaries
		case 3:
			f := float64(math.Float32frombits(r.Uint32() &^ (1 << 31)))
			if math.IsNaN(f) || math.IsInf(f, 0) {
				f = 1.5
			}
			floatCase(fmt.Sprintf("%.20e", f)) // near float32 rounding boundaries
		}
	}
	// R a op b exact float64-bits String comparable: exact rational arithmetic
	ops := []token.Token{token.ADD, token.SUB, token.MUL, token.QUO}
	for i := 0; i < 3000; i++ {
		a := digits(r, 1+r.Intn(12)) + "." + digits(r, r.Intn(12)) + fmt.Sprintf("e%d", r.Intn(60)-30)
		b := digits(r, 1+r.Intn(12)) + "." + digits(r, r.Intn(12)) + fmt.Sprintf("e%d", r.Intn(60)-30)
		op := ops[r.Intn(len(ops))]
		va, vb := constant.MakeFromLiteral(a, token.FLOAT, 0), constant.MakeFromLiteral(b, token.FLOAT, 0)
		if op == token.QUO && constant.Sign(vb) == 0 {
			continue
		}
		v := constant.BinaryOp(va, op, vb)
		f64, _ := constant.Float64Val(v)
		s := v.String()
		comparable := 1
		if !strings.ContainsAny(s, ".") && constant.ToInt(v).Kind() != constant.Int {
			comparable = 0
		}
		fmt.Printf("R %s %s %s %s %016x %s %d\n", a, op, b, v.ExactString(), math.Float64bits(f64), s, comparable)
	}
	// I a b k a+b a-b a*b a/b a%b a&b a|b a^b a&^b a>>k a<<k ^a cmp(a,b)
	for i := 0; i < 3000; i++ {
		a, b := randInt(r), randInt(r)
		k := uint(r.Intn(100))
		q, m := "x", "x"
		if b.Sign() != 0 {
			q = new(big.Int).Quo(a, b).String()
			m = new(big.Int).Rem(a, b).String()
		}
		fmt.Println("I", a, b, k, new(big.Int).Add(a, b), new(big.Int).Sub(a, b), new(big.Int).Mul(a, b), q, m,
			new(big.Int).And(a, b), new(big.Int).Or(a, b), new(big.Int).Xor(a, b), new(big.Int).AndNot(a, b),
			new(big.Int).Rsh(a, k), new(big.Int).Lsh(a, k), new(big.Int).Not(a), a.Cmp(b))
	}
}
