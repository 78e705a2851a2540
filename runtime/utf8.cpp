// UTF-8 decoding and encoding with Go's rules (see utf8.h).
//
// Decoding accepts exactly the well-formed sequences: no overlong forms,
// no surrogates, nothing above U+10FFFF; anything else decodes as U+FFFD
// with width 1, so a range loop over bad bytes advances one byte at a time
// as Go's does. Encoding writes U+FFFD for invalid runes. The front end has
// its own decoder (lang/unicode.h) because the runtime must not depend on
// the compiler; both follow the same rules.
#include "runtime/utf8.h"

namespace gol::rt {

DecodedRune decodeRune(const uint8_t* p, uint64_t n) {
  if (n == 0) return {kRuneError, 0};
  uint8_t b0 = p[0];
  if (b0 < 0x80) return {b0, 1};
  auto cont = [&](uint64_t k) { return k < n && (p[k] & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (!cont(1)) return {kRuneError, 1};
    return {((b0 & 0x1F) << 6) | (p[1] & 0x3F), 2};
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return {kRuneError, 1};
    // Overlong forms and surrogates are invalid.
    if (b0 == 0xE0 && p[1] < 0xA0) return {kRuneError, 1};
    if (b0 == 0xED && p[1] > 0x9F) return {kRuneError, 1};
    return {((b0 & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F), 3};
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return {kRuneError, 1};
    if (b0 == 0xF0 && p[1] < 0x90) return {kRuneError, 1};
    if (b0 == 0xF4 && p[1] > 0x8F) return {kRuneError, 1};
    return {((b0 & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F), 4};
  }
  return {kRuneError, 1};
}

uint32_t encodeRune(int32_t r, uint8_t* out) {
  if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = kRuneError;
  if (r < 0x80) {
    out[0] = static_cast<uint8_t>(r);
    return 1;
  }
  if (r < 0x800) {
    out[0] = static_cast<uint8_t>(0xC0 | (r >> 6));
    out[1] = static_cast<uint8_t>(0x80 | (r & 0x3F));
    return 2;
  }
  if (r < 0x10000) {
    out[0] = static_cast<uint8_t>(0xE0 | (r >> 12));
    out[1] = static_cast<uint8_t>(0x80 | ((r >> 6) & 0x3F));
    out[2] = static_cast<uint8_t>(0x80 | (r & 0x3F));
    return 3;
  }
  out[0] = static_cast<uint8_t>(0xF0 | (r >> 18));
  out[1] = static_cast<uint8_t>(0x80 | ((r >> 12) & 0x3F));
  out[2] = static_cast<uint8_t>(0x80 | ((r >> 6) & 0x3F));
  out[3] = static_cast<uint8_t>(0x80 | (r & 0x3F));
  return 4;
}

}  // namespace gol::rt
