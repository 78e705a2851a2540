package difftest

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"testing"

	gbufio "gol.test/bufio"
	gio "gol.test/io"
)

// chunkReader returns its input in chunks of the given size, with gol's
// io.EOF (gol's packages compare against their own EOF).
type chunkReader struct {
	s     string
	chunk int
	eof   error
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.s) == 0 {
		return 0, r.eof
	}
	n := r.chunk
	if n > len(p) {
		n = len(p)
	}
	if n > len(r.s) {
		n = len(r.s)
	}
	copy(p, r.s[:n])
	r.s = r.s[n:]
	return n, nil
}

var bufioInputs = []string{
	"", "\n", "one", "one\n", "one\ntwo", "one\r\ntwo\r\n", "\n\n\nx\n", "a\rb\n", "  lead  and   trail  \n\t next\u00a0word\u2003é ",
	"héllo\xffwörld\xe2\x82", strings.Repeat("x", 5000) + "\nshort\n" + strings.Repeat("y", 70000) + "\nend",
	strings.Repeat("word ", 3000),
}

func scanAll(t *testing.T, input string, chunk int, mode int, bufSize, max int) string {
	var sb strings.Builder
	s := gbufio.NewScanner(&chunkReader{input, chunk, gio.EOF})
	w := bufio.NewScanner(&chunkReader{input, chunk, io.EOF})
	switch mode {
	case 1:
		s.Split(gbufio.ScanWords)
		w.Split(bufio.ScanWords)
	case 2:
		s.Split(gbufio.ScanRunes)
		w.Split(bufio.ScanRunes)
	case 3:
		s.Split(gbufio.ScanBytes)
		w.Split(bufio.ScanBytes)
	}
	if bufSize > 0 {
		s.Buffer(make([]byte, bufSize), max)
		w.Buffer(make([]byte, bufSize), max)
	}
	for i := 0; ; i++ {
		a, b := s.Scan(), w.Scan()
		if a != b || s.Text() != w.Text() {
			t.Fatalf("input %.20q chunk %d mode %d: token %d: %v %.30q vs %v %.30q", input, chunk, mode, i, a, s.Text(), b, w.Text())
		}
		if !a {
			break
		}
		fmt.Fprintf(&sb, "[%s]", s.Text())
	}
	if errString(s.Err()) != errString(w.Err()) {
		t.Fatalf("Err: %v vs %v", s.Err(), w.Err())
	}
	return sb.String()
}

func TestScanner(t *testing.T) {
	for _, in := range bufioInputs {
		for _, chunk := range []int{1, 3, 4096, 1 << 20} {
			for mode := 0; mode < 4; mode++ {
				if chunk < 4096 && len(in) > 1000 {
					continue
				}
				scanAll(t, in, chunk, mode, 0, 0)
			}
			scanAll(t, in, chunk, 0, 16, 100) // small maximum: ErrTooLong
		}
	}
}

func TestReader(t *testing.T) {
	for _, in := range bufioInputs {
		for _, chunk := range []int{1, 7, 1 << 20} {
			g := gbufio.NewReaderSize(&chunkReader{in, chunk, gio.EOF}, 16)
			w := bufio.NewReaderSize(&chunkReader{in, chunk, io.EOF}, 16)
			for step := 0; ; step++ {
				var a, b string
				var ea, eb error
				switch step % 7 {
				case 0:
					a, ea = g.ReadString('\n')
					b, eb = w.ReadString('\n')
				case 1:
					r1, n1, e1 := g.ReadRune()
					r2, n2, e2 := w.ReadRune()
					a, b, ea, eb = fmt.Sprint(r1, n1), fmt.Sprint(r2, n2), e1, e2
				case 2:
					ea, eb = g.UnreadRune(), w.UnreadRune()
				case 3:
					l1, p1, e1 := g.ReadLine()
					l2, p2, e2 := w.ReadLine()
					a, b, ea, eb = fmt.Sprint(string(l1), p1), fmt.Sprint(string(l2), p2), e1, e2
				case 4:
					c1, e1 := g.ReadByte()
					c2, e2 := w.ReadByte()
					a, b, ea, eb = fmt.Sprint(c1), fmt.Sprint(c2), e1, e2
					if g.UnreadByte() != nil || w.UnreadByte() != nil {
						if (g.UnreadByte() == nil) != (w.UnreadByte() == nil) {
							t.Fatal("UnreadByte")
						}
					}
				case 5:
					p1, e1 := g.Peek(5)
					p2, e2 := w.Peek(5)
					a, b, ea, eb = string(p1), string(p2), e1, e2
				case 6:
					buf1, buf2 := make([]byte, 9), make([]byte, 9)
					n1, e1 := g.Read(buf1)
					n2, e2 := w.Read(buf2)
					a, b, ea, eb = string(buf1[:n1]), string(buf2[:n2]), e1, e2
				}
				if a != b || errString(ea) != errString(eb) || g.Buffered() != w.Buffered() {
					t.Fatalf("input %.20q chunk %d step %d: %q %v vs %q %v", in, chunk, step, a, ea, b, eb)
				}
				if ea == gio.EOF && step > 20 {
					break
				}
				if step > 100000 {
					t.Fatal("no progress")
				}
			}
		}
	}
}

func TestWriter(t *testing.T) {
	var g, w strings.Builder
	gw := gbufio.NewWriterSize(&g, 16)
	ww := bufio.NewWriterSize(&w, 16)
	for i, s := range bufioInputs {
		gw.WriteString(s)
		ww.WriteString(s)
		gw.WriteByte(byte('a' + i))
		ww.WriteByte(byte('a' + i))
		gw.WriteRune(rune(0x3b1 + i))
		ww.WriteRune(rune(0x3b1 + i))
		gw.Write([]byte(s[:len(s)/2]))
		ww.Write([]byte(s[:len(s)/2]))
		if gw.Buffered() != ww.Buffered() || gw.Available() != ww.Available() || g.String() != w.String() {
			t.Fatalf("Writer differs after %d", i)
		}
	}
	gw.Flush()
	ww.Flush()
	if g.String() != w.String() {
		t.Fatal("Writer output differs")
	}
	g.Reset()
	n, err := gw.ReadFrom(&chunkReader{"from a reader", 3, gio.EOF})
	gw.Flush()
	if n != 13 || err != nil || g.String() != "from a reader" {
		t.Errorf("ReadFrom: %d %v %q", n, err, g.String())
	}
}
