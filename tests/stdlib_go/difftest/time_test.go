package difftest

import (
	"testing"
	"time"

	gtime "gol.test/time"
)

func TestDurationString(t *testing.T) {
	cases := []int64{0, 1, 999, 1000, 1001, 1500, 999999, 1000000, 1234567, 999999999, 1e9, 1500e6,
		59e9, 60e9, 61e9, 3599e9, 3600e9, 3661e9 + 5e8, 100 * 3600e9, -1, -1500, -1e9, -3661e9,
		1<<63 - 1, -1 << 63, 1e9 + 1}
	for _, d := range cases {
		if got, want := gtime.Duration(d).String(), time.Duration(d).String(); got != want {
			t.Errorf("Duration(%d).String() = %q, want %q", d, got, want)
		}
	}
}

func TestDurationMethods(t *testing.T) {
	ds := []int64{0, 1, 1499999, 1500000, -1500000, 123456789012, -123456789012, 1<<63 - 1, -1 << 63}
	ms := []int64{-1, 0, 1, 1000, 1e6, 1e9, 7, 60e9, 1 << 62}
	for _, d := range ds {
		g, w := gtime.Duration(d), time.Duration(d)
		if g.Seconds() != w.Seconds() || g.Minutes() != w.Minutes() || g.Hours() != w.Hours() ||
			g.Milliseconds() != w.Milliseconds() || g.Microseconds() != w.Microseconds() ||
			g.Nanoseconds() != w.Nanoseconds() {
			t.Errorf("conversions of %d differ", d)
		}
		if int64(g.Abs()) != int64(absDuration(w)) {
			t.Errorf("Abs(%d)", d)
		}
		for _, m := range ms {
			if int64(g.Round(gtime.Duration(m))) != int64(w.Round(time.Duration(m))) {
				t.Errorf("Round(%d, %d) = %d, want %d", d, m, g.Round(gtime.Duration(m)), w.Round(time.Duration(m)))
			}
			if int64(g.Truncate(gtime.Duration(m))) != int64(w.Truncate(time.Duration(m))) {
				t.Errorf("Truncate(%d, %d)", d, m)
			}
		}
	}
	if gtime.Hour != gtime.Duration(time.Hour) || gtime.Millisecond != gtime.Duration(time.Millisecond) {
		t.Error("unit constants")
	}
	for m := -1; m <= 13; m++ {
		if gtime.Month(m).String() != time.Month(m).String() {
			t.Errorf("Month(%d) = %q, want %q", m, gtime.Month(m).String(), time.Month(m).String())
		}
	}
	for d := -1; d <= 7; d++ {
		if gtime.Weekday(d).String() != time.Weekday(d).String() {
			t.Errorf("Weekday(%d)", d)
		}
	}
}

// absDuration is Duration.Abs, which Go 1.19 lacks.
func absDuration(d time.Duration) time.Duration {
	switch {
	case d >= 0:
		return d
	case d == -1<<63:
		return 1<<63 - 1
	}
	return -d
}

func TestTimeArithmetic(t *testing.T) {
	a := gtime.Unix(1700000000, 5)
	b := gtime.Unix(1700000001, 999999999)
	wa, wb := time.Unix(1700000000, 5), time.Unix(1700000001, 999999999)
	if int64(b.Sub(a)) != int64(wb.Sub(wa)) || int64(a.Sub(b)) != int64(wa.Sub(wb)) {
		t.Errorf("Sub: %d", b.Sub(a))
	}
	c := a.Add(-1500 * gtime.Millisecond)
	wc := wa.Add(-1500 * time.Millisecond)
	if c.Unix() != wc.Unix() || c.Nanosecond() != wc.Nanosecond() || c.UnixNano() != wc.UnixNano() || c.UnixMilli() != wc.UnixMilli() {
		t.Errorf("Add: %d %d", c.Unix(), c.Nanosecond())
	}
	if !a.Before(b) || b.Before(a) || !b.After(a) || a.Equal(b) || !a.Equal(gtime.Unix(1699999999, 1e9+5)) {
		t.Error("comparisons")
	}
	if gtime.UnixMilli(-1500).UnixNano() != time.UnixMilli(-1500).UnixNano() {
		t.Error("UnixMilli")
	}
	var zero gtime.Time
	if !zero.IsZero() || a.IsZero() || gtime.Unix(0, 0).IsZero() {
		t.Error("IsZero")
	}
}

func TestParseDuration(t *testing.T) {
	inputs := []string{"", "0", "+0", "-0", "1s", "-1s", "+1.5h", "1.5h", "2h45m", "300ms", "1us", "1µs", "1μs", "1ns",
		".5s", "5.s", ".s", "s", "1", "1x", "1sm", "1.0000000000000000000001s", "9223372036854775807ns",
		"9223372036854775808ns", "-9223372036854775808ns", "-9223372036854775809ns", "2562047h47m16.854775807s",
		"2562047h47m16.854775808s", "2562048h", "1h1h1h", "3.000000001s", "1.123456789123456789ms", "0.1ns",
		"1e3s", "1 s", "1.2.3s", "--1s", "\xffs", "1é", "1\"s", "1\\s", "100000000000000000000s", "0.9999999999999999999h",
		"5m0.000000001s", "+", "-", "1d"}
	for _, in := range inputs {
		d1, e1 := gtime.ParseDuration(in)
		d2, e2 := time.ParseDuration(in)
		if int64(d1) != int64(d2) || errString(e1) != errString(e2) {
			t.Errorf("ParseDuration(%q) = %d, %v; want %d, %v", in, d1, e1, d2, e2)
		}
	}
}
