// print/println in the Go runtime's own formats (see print.h).
//
// Floats use the runtime's digit algorithm, not a correctly rounded
// conversion, because Go prints those exact bytes: seven significant
// digits, always with a sign and a three-digit exponent (+1.500000e+000).
// Everything goes to stderr unbuffered through writeStderr, which the unit
// tests can redirect to a string (captureStderr); the hook is not
// thread-safe and is for single-threaded tests only.
#include "runtime/print.h"

#include <unistd.h>

#include <mutex>

#include <cstdio>

#include <fmt/format.h>

namespace gol::rt {
namespace {
std::string* stderrSink = nullptr;
}

std::string printFloat(double v) {
  if (v != v) return "NaN";
  if (v + v == v && v > 0) return "+Inf";
  if (v + v == v && v < 0) return "-Inf";
  constexpr int kDigits = 7;
  char sign = '+';
  int exp = 0;
  if (v == 0) {
    if (1 / v < 0) sign = '-';
  } else {
    if (v < 0) {
      v = -v;
      sign = '-';
    }
    while (v >= 10) {
      v /= 10;
      ++exp;
    }
    while (v < 1) {
      v *= 10;
      --exp;
    }
    double half = 5;
    for (int k = 0; k < kDigits; ++k) half /= 10;
    v += half;
    if (v >= 10) {
      v /= 10;
      ++exp;
    }
  }
  char digits[kDigits];
  for (int k = 0; k < kDigits; ++k) {
    int d = static_cast<int>(v);
    digits[k] = static_cast<char>('0' + d);
    v = (v - d) * 10;
  }
  std::string out;
  out += sign;
  out += digits[0];
  out += '.';
  out.append(digits + 1, kDigits - 1);
  out += 'e';
  out += exp < 0 ? '-' : '+';
  if (exp < 0) exp = -exp;
  out += static_cast<char>('0' + exp / 100);
  out += static_cast<char>('0' + exp / 10 % 10);
  out += static_cast<char>('0' + exp % 10);
  return out;
}

std::string printHex(uint64_t v) { return fmt::format("0x{:x}", v); }

void writeStderr(std::string_view s) {
  if (stderrSink != nullptr) {
    stderrSink->append(s);
    return;
  }
  flushStdout();  // what the program printed before comes first on a shared terminal
  std::fwrite(s.data(), 1, s.size(), stderr);
}

namespace {
// stdout: one buffer, flushed when full, at exit and before stderr output.
std::mutex outMutex;
std::string outBuffer;
std::string* outSink = nullptr;
constexpr size_t kOutBufferBytes = 64 * 1024;

void writeAll(int fd, std::string_view s) {
  while (!s.empty()) {
    ssize_t n = ::write(fd, s.data(), s.size());
    if (n <= 0) return;  // nothing sensible to do: Go ignores a broken stdout too
    s.remove_prefix(static_cast<size_t>(n));
  }
}
}  // namespace

void writeStdout(std::string_view s) {
  std::lock_guard lock(outMutex);
  if (outSink != nullptr) {
    outSink->append(s);
    return;
  }
  outBuffer.append(s);
  if (outBuffer.size() >= kOutBufferBytes) {
    writeAll(1, outBuffer);
    outBuffer.clear();
  }
}

void flushStdout() {
  std::lock_guard lock(outMutex);
  if (!outBuffer.empty()) writeAll(1, outBuffer);
  outBuffer.clear();
}

void captureStdout(std::string* sink) {
  std::lock_guard lock(outMutex);
  outSink = sink;
}

void captureStderr(std::string* sink) { stderrSink = sink; }

}  // namespace gol::rt
