// Hashing for maps and interface keys: a 64-bit multiply-xorshift mix over
// 8-byte words, seeded per map so that no program can depend on (or be
// attacked through) hash values. Not cryptographic; fast on short keys,
// which is what maps mostly see.
//
// Keys are hashed by their memory layout (map.cpp and iface.cpp decide
// what that layout is: string contents rather than the string header,
// +0 and -0 alike, each interface by its dynamic type), so equal keys must
// reach these functions as equal bytes.
#pragma once

#include <cstdint>
#include <cstring>

namespace gol::rt {

inline uint64_t hashMix(uint64_t x) {
  x ^= x >> 32;
  x *= 0xD6E8FEB86659FD93u;
  x ^= x >> 32;
  x *= 0xD6E8FEB86659FD93u;
  x ^= x >> 32;
  return x;
}

inline uint64_t hashBytes(const uint8_t* p, uint64_t n, uint64_t seed) {
  uint64_t h = seed ^ (n * 0x9E3779B97F4A7C15u);
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = hashMix(h ^ w) + 0x9E3779B97F4A7C15u;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = hashMix(h ^ w ^ (uint64_t{0xFF} << 56));
  }
  return hashMix(h);
}

}  // namespace gol::rt
