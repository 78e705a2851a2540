// vmbench: hand-assembled micro-benchmarks of the interpreter, side by side
// with the same programs in Lua 5.4 (issue 3's speed target is to beat it).
//
// Not a test: timing on a shared machine is noise for pass/fail. Run the
// release build: `gol_vmbench [runs]` prints, per benchmark, the median of
// `runs` (default 3) CPU times (user + system) for gol and for
// `lua5.4 -e`, alternating the two so both see the same machine load; CPU
// time rather than wall time because the build machine is shared.
// The programs are the bytecode codegen is expected to produce for:
//
//   func fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }
//   fib(35)
//
//   s := 0; for i := 0; i < 200000000; i++ { s += i ^ (s & 1023) }   // a tight loop
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "vm/bytecode.h"
#include "vm/interp.h"

using namespace gol::vm;

namespace {

constexpr int64_t kFibN = 35;
constexpr int64_t kLoopN = 200'000'000;

void buildFib(Module& m) {
  uint32_t fib = m.declareFunction("main.fib");
  Assembler as(m, fib);
  as.params(1);
  as.results(1);
  as.frame(9);
  auto base = as.newLabel();
  as.jump(Op::JLTI, 0, 2, base);
  as.emit(Op::ADDI_I64, 4, 0, static_cast<uint16_t>(-1));
  as.emitWide(Op::CALL, 4, fib);
  as.emit(Op::ADDI_I64, 8, 0, static_cast<uint16_t>(-2));
  as.emitWide(Op::CALL, 8, fib);
  as.emit(Op::ADD_I64, 0, 4, 8);
  as.emit(Op::RET0);
  as.bind(base);
  as.emit(Op::RET0);
  as.finish();
  m.mainIndex = static_cast<int32_t>(fib);
}

void buildLoop(Module& m) {
  uint32_t f = m.declareFunction("main.loop");
  Assembler as(m, f);
  as.params(1);  // r0 = n; result s in r0
  as.results(1);
  as.frame(4);
  // r1 = s, r2 = i, r3 = tmp
  as.emitWide(Op::LOADI, 1, 0);
  as.emitWide(Op::LOADI, 2, 0);
  // The shape codegen gives `for i := 0; i < n; i++`: test once at the
  // top, then a fused increment-compare-branch latch at the bottom.
  auto cond = as.newLabel(), body = as.newLabel();
  as.jump(Op::JMP, cond);
  as.bind(body);
  as.emit(Op::ANDI, 3, 1, 1023);
  as.emit(Op::XOR, 3, 2, 3);
  as.emit(Op::ADD_I64, 1, 1, 3);
  as.jump(Op::INCJLT, 2, 0, body);  // i++; if i < n goto body
  as.bind(cond);
  as.jump(Op::JLT_S, 2, 0, body);
  as.emit(Op::RET1, 1);
  as.finish();
  m.mainIndex = static_cast<int32_t>(f);
}

double processCpu() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double childrenCpu() {
  rusage ru;
  getrusage(RUSAGE_CHILDREN, &ru);
  auto sec = [](const timeval& tv) { return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) * 1e-6; };
  return sec(ru.ru_utime) + sec(ru.ru_stime);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double runGol(void (*build)(Module&), int64_t arg, uint64_t* result) {
  Module m;
  build(m);
  Machine machine(m);
  gol::rt::G g(1);
  uint64_t args[1] = {static_cast<uint64_t>(arg)};
  double t0 = processCpu();
  if (!enter(machine, g, static_cast<uint32_t>(m.mainIndex), args)) std::abort();
  Exit e;
  while ((e = execute(machine, g)) == Exit::Yielded) {
  }
  double t = processCpu() - t0;
  if (e != Exit::Returned) {
    std::fputs(machine.report.c_str(), stderr);
    std::exit(1);
  }
  *result = bottomFrame(g)[0];
  return t;
}

double runLua(const std::string& program) {
  std::string cmd = "lua5.4 -e '" + program + "' > /dev/null";
  double t0 = childrenCpu();
  if (std::system(cmd.c_str()) != 0) return -1;
  return childrenCpu() - t0;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = argc > 1 ? std::atoi(argv[1]) : 3;
  if (runs < 1) runs = 1;
  struct Bench {
    const char* name;
    void (*build)(Module&);
    int64_t arg;
    std::string lua;
  };
  std::vector<Bench> benches = {
      {"fib(35)", buildFib, kFibN,
       "local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end "
       "print(fib(35))"},
      {"loop 2e8", buildLoop, kLoopN,
       "local s = 0 for i = 0, 200000000 - 1 do s = s + (i ~ (s & 1023)) end print(s)"},
  };
  std::printf("%-10s %12s %12s %8s   (CPU seconds, median of %d runs)\n", "bench", "gol", "lua5.4",
              "ratio", runs);
  for (const Bench& b : benches) {
    std::vector<double> golTimes, luaTimes;
    uint64_t result = 0;
    for (int r = 0; r < runs; ++r) {
      golTimes.push_back(runGol(b.build, b.arg, &result));
      luaTimes.push_back(runLua(b.lua));
    }
    double g = median(golTimes), l = median(luaTimes);
    std::printf("%-10s %12.3f %12.3f %8.2f   result %lld\n", b.name, g, l, l > 0 ? g / l : 0.0,
                static_cast<long long>(result));
  }
  return 0;
}
