package unicode

import gounicode "unicode"

func tableData(name string) string {
	t := gounicode.Categories[name]
	if t == nil {
		t = gounicode.Scripts[name]
	}
	if t == nil {
		t = gounicode.Properties[name]
	}
	var b []byte
	put := func(v uint32) { b = append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24)) }
	put(uint32(len(t.R16)))
	put(uint32(t.LatinOffset))
	for _, x := range t.R16 {
		put(uint32(x.Lo))
		put(uint32(x.Hi))
		put(uint32(x.Stride))
	}
	for _, x := range t.R32 {
		put(x.Lo)
		put(x.Hi)
		put(x.Stride)
	}
	return string(b)
}
func IsLetter(r rune) bool   { return gounicode.IsLetter(r) }
func IsDigit(r rune) bool    { return gounicode.IsDigit(r) }
func IsNumber(r rune) bool   { return gounicode.IsNumber(r) }
func IsSpace(r rune) bool    { return gounicode.IsSpace(r) }
func IsUpper(r rune) bool    { return gounicode.IsUpper(r) }
func IsLower(r rune) bool    { return gounicode.IsLower(r) }
func IsTitle(r rune) bool    { return gounicode.IsTitle(r) }
func IsPunct(r rune) bool    { return gounicode.IsPunct(r) }
func IsControl(r rune) bool  { return gounicode.IsControl(r) }
func IsGraphic(r rune) bool  { return gounicode.IsGraphic(r) }
func IsPrint(r rune) bool    { return gounicode.IsPrint(r) }
func IsMark(r rune) bool     { return gounicode.IsMark(r) }
func IsSymbol(r rune) bool   { return gounicode.IsSymbol(r) }
func ToUpper(r rune) rune    { return gounicode.ToUpper(r) }
func ToLower(r rune) rune    { return gounicode.ToLower(r) }
func ToTitle(r rune) rune    { return gounicode.ToTitle(r) }
func SimpleFold(r rune) rune { return gounicode.SimpleFold(r) }
