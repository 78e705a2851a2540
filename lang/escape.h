// Escape analysis: which variables and allocations may live in a frame.
//
// The analysis is Go's (cmd/compile/internal/escape), rebuilt over gol's
// typed AST. Its design, in a screen:
//
//   - A *location* stands for storage: every local variable and parameter,
//     every result, and every allocation site (`&T{}`, `new`, `make`, slice
//     and map literals, closures, method values, values boxed into
//     interfaces, string <-> []byte/[]rune conversions, string
//     concatenations, the implicit slice of a variadic call). One location,
//     {heap}, stands for everything that outlives the goroutine's frames:
//     globals, other goroutines, the contents of any pointer we cannot see.
//   - Evaluating an expression flows its value into a *hole*: a location
//     plus a dereference count. `x = &y` is an edge y -> x with derefs -1,
//     `x = *p` one of +1, `x = y` one of 0. Stores through pointers, into
//     slices and maps, sends on channels, `go` arguments and arguments of
//     calls we cannot resolve (function values, interface methods, natives)
//     all flow to {heap}: we model the heap as one location, exactly as Go
//     does. Values without pointers flow nowhere (they cannot carry an
//     address), unless their own address is being taken.
//   - Solving walks backwards from every location as a root, keeping the
//     least dereference count on the way (Bellman-Ford over small integers).
//     A location whose address (derefs < 0) reaches a root that outlives it
//     escapes: the root is {heap} or already escaping, a result (callers may
//     keep it), a variable declared at a smaller loop depth (a per-iteration
//     allocation kept across iterations), or a variable of an enclosing
//     function assigned from inside a closure. An escaping location becomes
//     a root in turn, so escape is transitive; the loop ends when no root
//     changes.
//   - Functions are analysed bottom-up over the strongly connected
//     components of the static call graph. A function's parameters get a
//     *tag* from the solution: how many dereferences away each one reaches
//     {heap} and each result ("leaking param content: p", "leaking param: p
//     to result ~r0 level=0", "p does not escape"). Calls to a function
//     already tagged flow each argument by its tag; calls within the
//     component being solved wire arguments to the parameter locations
//     directly; a closure is analysed with the function that contains it.
//
// Soundness rule: gol may say "escapes" where Go says "does not escape",
// never the reverse. Where this file departs from Go it is always towards
// the heap: there is no devirtualization (a method call through an
// interface leaks its receiver and arguments), defers in loops and `go`
// statements send everything to {heap} (the variadic slice included, since
// gol builds it in the caller's frame, not in a wrapper), a variable
// assigned after its declaration and captured by a closure is captured by
// reference, a closure's results outlive the closure unless the literal is
// only ever called directly, natives are unknown callees unless listed in
// kNativeTags, and a multi-valued call spread into arguments sends its
// values to {heap}. Like gc, the walker skips branches that a constant
// condition rules out and ignores `x.f = x.f[i:j]` through a pointer.
//
// The result is a table codegen reads: for each variable object and each
// allocation expression node, stack or heap. A node the table does not name
// (say, an interface box the walker did not see) must be heap-allocated:
// only what the analysis positively proved may go in a frame.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/ast.h"
#include "lang/source.h"

namespace gol::lang {
struct Program;
}

namespace gol::lang::types {
class Package;
class Universe;
}  // namespace gol::lang::types

namespace gol::lang::escape {

// What kind of storage an allocation site creates.
enum class SiteKind : uint8_t {
  New,          // new(T)
  PtrLit,       // &T{...}, or an elided &T inside []*T{{...}}
  MakeSlice,    // make([]T, n)
  MakeMap,      // make(map[K]V)
  SliceLit,     // []T{...}
  MapLit,       // map[K]V{...}
  Closure,      // func literal
  MethodValue,  // x.M as a value
  IfaceBox,     // a non-pointer-shaped value converted to an interface
  StrConv,      // string([]byte), []byte(s), string(rune), ...
  Concat,       // a + b on strings (the outermost + of a chain)
  VarArgs,      // the implicit []T of a variadic call (on the CallExpr)
};

struct SiteFacts {
  SiteKind kind = SiteKind::New;
  bool heap = true;
  Pos pos;            // where Go reports it
  std::string text;   // how Go prints it ("&T{...}", "make([]int, n)")
  // With Options::verbosity >= 2, in the reported file: the flow that sent
  // it to the heap, as -m=2 prints it ("flow: {heap} = &x:", "from ...").
  std::vector<std::string> why;
};

struct VarFacts {
  bool heap = false;          // "moved to heap": its address outlives its frame
  bool addressTaken = false;  // the analysis saw its address taken
  // Captured by a closure by reference (Go would capture it by value when
  // never reassigned, not address-taken and at most 128 bytes). A variable
  // captured by value is copied into the closure; part 2's codegen must
  // either do the same or treat a captured variable as heap when the
  // closure escapes.
  bool capturedByRef = false;
  bool captured = false;
  std::vector<std::string> why;  // as SiteFacts::why
};

// A parameter's tag: how many dereferences away it reaches the heap and
// each result (-1: never).
struct Leaks {
  static constexpr int kNumResults = 7;  // as Go: later results leak to heap
  int heap = -1;
  int result[kNumResults] = {-1, -1, -1, -1, -1, -1, -1};
  void addHeap(int derefs);
  void addResult(int i, int derefs);
  void optimize();  // drops result leaks implied by the heap leak
};

// One line of -m output, with its -m=2 explanation lines.
struct Message {
  Pos pos;
  std::string text;
  std::vector<std::string> explain;  // "  flow: ..." / "    from ..." bodies
  int order = 0;                     // emission order, for a stable sort
};

struct Options {
  int verbosity = 0;    // 0: decisions only; 1: -m; 2: -m=2 (explanations)
  int reportFile = -1;  // file index whose decisions become messages; -1: none
  // The decisions codegen acts on: closures capture every variable by
  // reference, as gol's closures do, and a native taking a func parameter
  // is an unknown callee (it may call back into Gol, which may move the
  // stack under a pointer the native holds) unless its tag row says it
  // calls back safely (fmt's). Without it the decisions are Go's.
  //
  // Codegen can place every kind of site in a frame. Where it still puts a
  // non-escaping one on the heap (string(rune), a string too long for its
  // 32-byte buffer), the object holds no pointers: what the analysis lets
  // point from it into a frame would otherwise be a heap pointer into a
  // stack.
  bool forCodegen = false;
};

class Analyzer;
class Batch;

// The decisions of one analysis, keyed by AST node and variable object.
class Result {
 public:
  // Unknown nodes are heap; see the design note above.
  bool siteOnHeap(const Node* n, SiteKind kind) const;
  bool varOnHeap(const types::Var* v) const;
  const SiteFacts* site(const Node* n, SiteKind kind) const;
  const VarFacts* var(const types::Var* v) const;
  // Tags of a function's parameters (receiver first), if analysed.
  const std::vector<Leaks>* tags(const types::Func* f) const;

  // What may live in the frame of the function with this body (a FuncDecl's
  // or a FuncLit's): its variables and allocation sites that do not escape,
  // in the order the analysis created them. Codegen reserves frame slots
  // for those it can place (lang/codegen_func.cpp, "Frame objects").
  struct FrameObject {
    const types::Var* var = nullptr;  // a variable, or
    const Node* node = nullptr;       // an allocation site of this kind
    SiteKind kind = SiteKind::New;
  };
  const std::vector<FrameObject>* frameObjects(const BlockStmt* body) const;

  // Messages sorted as Go prints them (by line, then column).
  std::vector<Message> sortedMessages() const;
  // "FILE:L:C: text" lines, with the explanations when verbose >= 2.
  std::string render(const SourceSet& sources, int verbosity) const;

 private:
  friend class Analyzer;
  friend class Batch;
  struct SiteKey {
    const Node* node;
    SiteKind kind;
    bool operator==(const SiteKey&) const = default;
  };
  struct SiteKeyHash {
    size_t operator()(const SiteKey& k) const {
      return std::hash<const void*>()(k.node) * 31 + static_cast<size_t>(k.kind);
    }
  };
  std::unordered_map<SiteKey, SiteFacts, SiteKeyHash> sites_;
  std::unordered_map<const types::Var*, VarFacts> vars_;
  std::unordered_map<const types::Func*, std::vector<Leaks>> tags_;
  std::unordered_map<const BlockStmt*, std::vector<FrameObject>> frameObjects_;
  std::vector<Message> messages_;
};

// The analysis itself. Feed it packages (imports first) or single function
// declarations (the REPL: one declaration at a time, after those it calls);
// the Result accumulates.
class Analyzer {
 public:
  Analyzer(const Program& program, Options options);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Every function of the package (in SCC order) and its global
  // initialisers.
  void analyzePackage(const types::Package* pkg);
  // One declaration (and the closures in it) as its own batch; callees must
  // have been analysed already, or are treated as unknown.
  void analyzeFunc(FuncDecl* decl);

  const Result& result() const { return *result_; }
  std::unique_ptr<Result> takeResult() { return std::move(result_); }

 private:
  const Program& program_;
  Options options_;
  std::unique_ptr<Result> result_;
  int messageCounter_ = 0;
  friend class Batch;
};

// The whole program: imported packages in dependency order, then main.
// Only decisions in the main file become messages.
std::unique_ptr<Result> analyzeProgram(const Program& program, int verbosity);

// What `gol run` gives codegen: the whole program, in codegen mode
// (Options::forCodegen) and quiet (no messages, no explanation texts, which
// were most of the analysis' time: about 6.5M instructions for the standard
// library a hello-world imports, against 19M for -m).
std::unique_ptr<Result> analyzeForCodegen(const Program& program);
// The same, keeping the analyzer, for a program whose standard library
// bodies are checked on demand (CompileOptions::stdlibBodiesOnDemand):
// codegen analyses each such function with analyzeFunc when it reaches it.
// A call of a function not analysed yet counts as a call of an unknown one
// (its arguments escape), so the order codegen goes in costs precision,
// never soundness.
std::unique_ptr<Analyzer> analyzerForCodegen(const Program& program);

}  // namespace gol::lang::escape
