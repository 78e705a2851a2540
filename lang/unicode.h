// Unicode classes, UTF-8 decoding and Go quoting for the front end.
//
// Go identifiers are letters (category L, plus '_') followed by letters and
// decimal digits (category Nd). The range tables in unicode_tables.cpp are
// generated (tools/gen/unicode_tables.py); ASCII is decided inline here.
// isPrint mirrors strconv.IsPrint (L, M, N, P, S and ASCII space), which gc
// uses to decide whether a message quotes a character ("U+00A0" versus
// "U+00E9 'é'").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gol::lang {

struct CodeRange {
  char32_t lo, hi;  // inclusive
};

namespace unicode_tables {
extern const CodeRange kLetters[];
extern const size_t kLettersSize;
extern const CodeRange kDigits[];
extern const size_t kDigitsSize;
extern const CodeRange kPrint[];
extern const size_t kPrintSize;
}  // namespace unicode_tables

bool inRanges(const CodeRange* table, size_t size, char32_t c);

inline bool isUnicodeLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return inRanges(unicode_tables::kLetters, unicode_tables::kLettersSize, c);
}
inline bool isUnicodeDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return inRanges(unicode_tables::kDigits, unicode_tables::kDigitsSize, c);
}
inline bool isUnicodePrint(char32_t c) {
  if (c < 0x80) return c >= 0x20 && c < 0x7f;
  return inRanges(unicode_tables::kPrint, unicode_tables::kPrintSize, c);
}

inline constexpr char32_t kRuneError = 0xFFFD;
inline constexpr char32_t kMaxRune = 0x10FFFF;

// Decodes one UTF-8 sequence at the start of s (s non-empty). Returns the
// code point and sets *width to the bytes used; an invalid or truncated
// sequence, an overlong form or a surrogate decodes as kRuneError of width 1,
// as Go's utf8.DecodeRune.
char32_t decodeUtf8(std::string_view s, int* width);
void appendUtf8(std::string& out, char32_t c);

// Go's %q of a rune ('a', '\n', '\x00', '\u00a0') and %#U (U+0040 '@').
std::string quoteRune(char32_t c);
// strconv.Quote: a Go string literal for s, invalid UTF-8 bytes as \xNN.
std::string quoteString(std::string_view s);
std::string formatCodePoint(char32_t c);

}  // namespace gol::lang
