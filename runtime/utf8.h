// UTF-8 as Go's runtime treats it: strings are bytes, decoded only by
// `range`, []rune(s) and string(r), where an invalid sequence decodes as
// U+FFFD with width 1 and an invalid rune (a surrogate, or > U+10FFFF)
// encodes as U+FFFD.
//
// These are the runtime's only UTF-8 routines: string range loops
// (DECODERUNE), conversions between strings and []rune, and string(r) all
// use them, so the three agree on every invalid input.
#pragma once

#include <cstdint>

namespace gol::rt {

inline constexpr int32_t kRuneError = 0xFFFD;

struct DecodedRune {
  int32_t rune;
  uint32_t width;  // 1..4; 0 only at the end of the input
};

DecodedRune decodeRune(const uint8_t* p, uint64_t n);
// Writes 1..4 bytes to out, returns the count.
uint32_t encodeRune(int32_t r, uint8_t* out);
inline uint32_t runeLength(int32_t r) {
  if (r < 0) return 3;
  if (r < 0x80) return 1;
  if (r < 0x800) return 2;
  if (r >= 0xD800 && r <= 0xDFFF) return 3;
  if (r < 0x10000) return 3;
  if (r <= 0x10FFFF) return 4;
  return 3;
}

}  // namespace gol::rt
