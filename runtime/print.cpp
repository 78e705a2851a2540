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

#include <condition_variable>
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
// A flush takes the buffer under outMutex with a ticket, and writes it
// outside the lock once every earlier ticket's write is done (writeTurn):
// writes keep the order of the buffers, and a writer blocked on a full
// pipe holds no lock that printing goroutines need, only its turn.
std::mutex outMutex;
std::string outBuffer;
std::string* outSink = nullptr;
constexpr size_t kOutBufferBytes = 64 * 1024;
uint64_t nextTicket = 0;  // under outMutex
std::mutex turnMutex;
std::condition_variable turnChanged;
uint64_t servingTicket = 0;  // under turnMutex
void (*enterBlocking)() = nullptr;
void (*exitBlocking)() = nullptr;

void writeAll(int fd, std::string_view s) {
  while (!s.empty()) {
    ssize_t n = ::write(fd, s.data(), s.size());
    if (n <= 0) return;  // nothing sensible to do: Go ignores a broken stdout too
    s.remove_prefix(static_cast<size_t>(n));
  }
}

// Called with outMutex held (released here): writes the buffer in turn.
void flushLocked(std::unique_lock<std::mutex>& out) {
  if (outBuffer.empty()) return;
  std::string full;
  full.swap(outBuffer);
  uint64_t ticket = nextTicket++;
  void (*enter)() = enterBlocking;
  void (*exit)() = exitBlocking;
  out.unlock();
  if (enter != nullptr) enter();
  {
    std::unique_lock turn(turnMutex);
    turnChanged.wait(turn, [&] { return servingTicket == ticket; });
  }
  writeAll(1, full);
  {
    std::lock_guard turn(turnMutex);
    ++servingTicket;
  }
  turnChanged.notify_all();
  if (exit != nullptr) exit();
}
}  // namespace

void writeStdout(std::string_view s) {
  std::unique_lock lock(outMutex);
  if (outSink != nullptr) {
    outSink->append(s);
    return;
  }
  outBuffer.append(s);
  if (outBuffer.size() >= kOutBufferBytes) flushLocked(lock);
}

void flushStdout() {
  std::unique_lock lock(outMutex);
  uint64_t done = nextTicket + (outBuffer.empty() ? 0 : 1);
  if (outBuffer.empty()) lock.unlock();
  else flushLocked(lock);
  // Every earlier flush, by other threads too, is written when this returns.
  std::unique_lock turn(turnMutex);
  turnChanged.wait(turn, [&] { return servingTicket >= done; });
}

void setBlockingWriteHooks(void (*enter)(), void (*exit)()) {
  std::lock_guard lock(outMutex);
  enterBlocking = enter;
  exitBlocking = exit;
}

void captureStdout(std::string* sink) {
  std::lock_guard lock(outMutex);
  outSink = sink;
}

void captureStderr(std::string* sink) { stderrSink = sink; }

}  // namespace gol::rt
