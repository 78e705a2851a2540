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

func TestCalendar(t *testing.T) {
	zones := []struct {
		name   string
		offset int
	}{{"UTC", 0}, {"EST", -5 * 3600}, {"IST", 5*3600 + 1800}, {"X", 14 * 3600}, {"Y", -12*3600 - 59}}
	secs := []int64{0, -1, 1, 86399, 86400, -86400, -86401, 951782400, 951868800, 1700000000, 4102444800, -2208988800,
		-62135596800, -62135596801, 253402300799, 253402300800, 1 << 40, -(1 << 40), 68256000000}
	for i := int64(0); i < 400; i++ {
		secs = append(secs, i*i*i*1237+i*98765-50000000000)
	}
	for _, z := range zones {
		gl, wl := gtime.FixedZone(z.name, z.offset), time.FixedZone(z.name, z.offset)
		for _, s := range secs {
			g, w := gtime.Unix(s, 7).In(gl), time.Unix(s, 7).In(wl)
			y1, m1, d1 := g.Date()
			y2, m2, d2 := w.Date()
			h1, mi1, s1 := g.Clock()
			h2, mi2, s2 := w.Clock()
			n1, o1 := g.Zone()
			n2, o2 := w.Zone()
			if y1 != y2 || int(m1) != int(m2) || d1 != d2 || h1 != h2 || mi1 != mi2 || s1 != s2 ||
				int(g.Weekday()) != int(w.Weekday()) || g.YearDay() != w.YearDay() || n1 != n2 || o1 != o2 ||
				g.Year() != w.Year() || g.Day() != w.Day() || g.Hour() != w.Hour() || g.Minute() != w.Minute() || g.Second() != w.Second() {
				t.Fatalf("%d in %s: %d-%d-%d %d:%d:%d %v %d, want %d-%d-%d %d:%d:%d %v %d", s, z.name,
					y1, m1, d1, h1, mi1, s1, g.Weekday(), g.YearDay(), y2, m2, d2, h2, mi2, s2, w.Weekday(), w.YearDay())
			}
		}
		dates := [][7]int{{2024, 2, 29, 12, 0, 0, 0}, {2023, 2, 29, 0, 0, 0, 0}, {2023, 13, 1, 0, 0, 0, 0}, {2023, 0, 0, 0, 0, 0, 0},
			{2023, -25, 400, 25, 61, 61, 2e9}, {1, 1, 1, 0, 0, 0, 0}, {-400, 3, 1, 0, 0, 0, -1}, {9999, 12, 31, 23, 59, 59, 999999999},
			{1969, 12, 31, 23, 59, 60, 0}, {2000, 1, 1, -1, -1, -1, -1}}
		for _, dt := range dates {
			g := gtime.Date(dt[0], gtime.Month(dt[1]), dt[2], dt[3], dt[4], dt[5], dt[6], gl)
			w := time.Date(dt[0], time.Month(dt[1]), dt[2], dt[3], dt[4], dt[5], dt[6], wl)
			if g.Unix() != w.Unix() || g.Nanosecond() != w.Nanosecond() {
				t.Errorf("Date(%v) in %s = %d.%d, want %d.%d", dt, z.name, g.Unix(), g.Nanosecond(), w.Unix(), w.Nanosecond())
			}
			g2 := g.AddDate(1, -14, 40)
			w2 := w.AddDate(1, -14, 40)
			if g2.Unix() != w2.Unix() {
				t.Errorf("AddDate from %v in %s", dt, z.name)
			}
		}
	}
	if !gtime.Date(1, 1, 1, 0, 0, 0, 0, gtime.UTC).IsZero() {
		t.Error("Date(1, 1, 1) is not the zero time")
	}
	var zero gtime.Time
	y, m, d := zero.Date()
	if y != 1 || m != gtime.January || d != 1 || zero.Weekday() != gtime.Monday {
		t.Errorf("zero time: %d-%d-%d %v", y, m, d, zero.Weekday())
	}
}

func TestFormat(t *testing.T) {
	layouts := []string{time.Layout, time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z, time.RFC850,
		time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen, time.Stamp, time.StampMilli,
		time.StampMicro, time.StampNano, "2006-01-02 15:04:05", "2006-01-02", "15:04:05", "Jan 2, 2006 at 3:04pm (MST)",
		"Monday January _2 __2 002 06 1 01 3 03 4 04 5 05 PM pm", "2006-01-02T15:04:05.000Z07:00", "05.999 05,000 05.9 .00 .99 .099",
		"Z07 Z0700 Z07:00 Z070000 Z07:00:00 -07 -0700 -07:00 -070000 -07:00:00", "_2006 __2006 2006_2", "15h04m",
		"Mo Ju January2006 Jan2006 Monday02", "MST MST", "", "no elements here", "1.000 2.9 3,99", "0 00 000 07 08",
		"January 2, 2006 15:04:05.000000000 -0700 MST"}
	zones := []*time.Location{time.UTC, time.FixedZone("EST", -5*3600), time.FixedZone("", 5*3600+1800), time.FixedZone("", -3*3600-1799),
		time.FixedZone("WEIRD", 45)}
	times := []int64{0, 1700000000, -1, 951782400, -62135596800, 253402300799, 1234567890, 1e10, -1e11}
	nanos := []int64{0, 1, 120000000, 999999999, 100, 500000000}
	for zi, wl := range zones {
		name, off := time.Unix(0, 0).In(wl).Zone()
		gl := gtime.FixedZone(name, off)
		for _, sec := range times {
			for _, ns := range nanos {
				w := time.Unix(sec, ns).In(wl)
				g := gtime.Unix(sec, ns).In(gl)
				for _, layout := range layouts {
					if got, want := g.Format(layout), w.Format(layout); got != want {
						t.Errorf("zone %d, %d.%09d: Format(%q) = %q, want %q", zi, sec, ns, layout, got, want)
					}
				}
				if got, want := g.String(), w.String(); got != want {
					t.Errorf("String() = %q, want %q", got, want)
				}
			}
		}
	}
	if got := gtime.Date(2009, 11, 10, 23, 0, 0, 0, gtime.UTC).String(); got != "2009-11-10 23:00:00 +0000 UTC" {
		t.Errorf("String() = %q", got)
	}
}

func TestRoundTruncate(t *testing.T) {
	ds := []time.Duration{-1, 0, 1, 7, time.Microsecond, time.Millisecond, 1500 * time.Millisecond, time.Second, time.Minute,
		time.Hour, 24 * time.Hour, 7 * 24 * time.Hour, 1<<63 - 1, 3 * time.Hour / 7, 999999999}
	secs := []int64{0, 1, -1, 1700000000, -62135596800, -62135596801, -62135596799, 1234567890, -70000000000, 253402300799}
	for _, sec := range secs {
		for _, ns := range []int64{0, 1, 499999999, 500000000, 999999999} {
			for _, d := range ds {
				w := time.Unix(sec, ns).UTC()
				g := gtime.Unix(sec, ns).UTC()
				if g.Round(gtime.Duration(d)).UnixNano() != w.Round(d).UnixNano() || g.Round(gtime.Duration(d)).Unix() != w.Round(d).Unix() {
					t.Errorf("Round(%d.%09d, %v) = %v, want %v", sec, ns, d, g.Round(gtime.Duration(d)), w.Round(d))
				}
				if g.Truncate(gtime.Duration(d)).Unix() != w.Truncate(d).Unix() || g.Truncate(gtime.Duration(d)).Nanosecond() != w.Truncate(d).Nanosecond() {
					t.Errorf("Truncate(%d.%09d, %v) = %v, want %v", sec, ns, d, g.Truncate(gtime.Duration(d)), w.Truncate(d))
				}
			}
		}
	}
	pe := &gtime.ParseError{Layout: "2006", Value: "x\xff", LayoutElem: "2006", ValueElem: "x"}
	we := &time.ParseError{Layout: "2006", Value: "x\xff", LayoutElem: "2006", ValueElem: "x"}
	if pe.Error() != we.Error() {
		t.Errorf("ParseError: %q vs %q", pe.Error(), we.Error())
	}
	pe.Message, we.Message = ": month out of range", ": month out of range"
	if pe.Error() != we.Error() {
		t.Errorf("ParseError with message: %q vs %q", pe.Error(), we.Error())
	}
}
