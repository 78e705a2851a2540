// compileSource: the front end's stages run in order over one user file.
//
//   1. Parse the file. gc does not type-check a file with syntax errors, so
//      neither do we. What counts is gc's rule: an error whose message
//      starts with "syntax error". Other errors found while parsing (a
//      malformed literal, `more than one character in rune literal`) do
//      not stop gc, whose type checker then reports its own errors too.
//   2. Check that it is `package main` (see mainPackageRule below) and
//      that every package it imports exists, as the go command does before
//      it runs the compiler.
//   3. Type-check package main. Its imports are loaded on demand by the
//      Importer: each standard library package is parsed from the embedded
//      .gol sources, checked (bodyless, natively implemented functions
//      allowed), cached in Universe::packages and appended to
//      Program::imports once checked. Since a package's imports finish
//      checking before it does, that list is in dependency order. A file
//      marked `//gol:only-if-used` is left out unless the user's file
//      names what it declares (StdImporter::wanted).
//   4. If everything checked, require `func main` (gc's linker reports its
//      absence, without a position; so do we, in the linker's words).
//
// Standard library bodies on demand (CompileOptions::stdlibBodiesOnDemand,
// `gol run`). Start-up time is mostly the standard library: a hello-world
// importing fmt, strings, strconv and sort parsed, checked and compiled
// some 12,000 lines of it at every run (26M instructions, 15 ms; issue 9
// asks for under 10 ms). A program calls a small part of it, so:
//   - each stdlib file is parsed as a skeleton (blankFuncBodies: the inside
//     of every top-level function body blanked, positions kept), so that
//     declarations and signatures are parsed and checked as before;
//   - the checker checks at once only the bodies package initialisation
//     needs (init functions, what variable initialisers reach: init order
//     depends on them) and keeps the others pending (check.cpp);
//   - code generation seeds only the program's own functions; reaching a
//     stdlib function (a call, a function value, a method table built for
//     a conversion to an interface) has the checker check it first
//     (checkBodyOnDemand), which parses its body (BodyLoader) first.
// That took the hello-world to 11.8M instructions. A body not checked yet
// is out of its declaration (null) meanwhile, so that a tool walking the
// declarations (escape analysis) takes it for an unknown function rather
// than one that does nothing. Alternatives: a cache of
// the compiled library on disk (keyed by gol's binary and the sources,
// safe with concurrent runs and read-only homes: files, locking and a
// serialised module format to maintain, for little more); cheaper checker
// data structures (a smaller gain, left for later). Tools that look at
// every function (escape analysis, `gol build -m`, the tests) leave the
// option off, or call checkAllBodiesOnDemand.
//
// Errors inside standard library files are bugs of gol, not of the user's
// program; they are reported like any other (with the stdlib file names, so
// they are easy to recognise) rather than hidden.
#include "lang/frontend.h"

#include <cctype>
#include <map>
#include <memory>
#include <set>

#include "lang/bigstack.h"
#include "lang/check.h"
#include "lang/lexer.h"
#include "lang/parser.h"
#include "lang/types.h"
#include "stdlib/embedded.h"

namespace gol::lang {

Program::Program() : universe(std::make_unique<types::Universe>()) {}
Program::~Program() = default;

namespace {

std::string lastPathElement(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Function bodies parsed on demand (Program::stdlibBodiesOnDemand). A
// standard library file is parsed as a skeleton: its text with the inside
// of every top-level function body blanked (newlines kept, so every
// position stays where it was), which leaves `{ }` with the braces in
// place. A body is parsed, when the checker asks for it, from a text of
// its own that puts it at its original line and column:
//   line 1:        package p;func _(
//   lines 2..L-1:  empty
//   line L:        ) <spaces>{ ...the body as written... }
// so the nodes carry the same lines and columns as a full parse gives
// (their file index is that of the extra text, which bears the same name).
struct BlankedBody {
  int32_t line = 0, col = 0;  // of the `{`
  size_t open = 0, close = 0; // offsets of `{` and `}` in the original text
};

// Skips a comment, string, raw string or rune starting at text[i]; returns
// the index after it, or i when none starts there.
size_t skipLiteral(std::string_view text, size_t i) {
  char c = text[i];
  size_t n = text.size();
  if (c == '/' && i + 1 < n && text[i + 1] == '/') {
    size_t e = text.find('\n', i);
    return e == std::string_view::npos ? n : e;  // the newline stays
  }
  if (c == '/' && i + 1 < n && text[i + 1] == '*') {
    size_t e = text.find("*/", i + 2);
    return e == std::string_view::npos ? n : e + 2;
  }
  if (c == '`') {
    size_t e = text.find('`', i + 1);
    return e == std::string_view::npos ? n : e + 1;
  }
  if (c == '"' || c == '\'') {
    for (size_t j = i + 1; j < n; ++j) {
      if (text[j] == '\\') ++j;
      else if (text[j] == c || text[j] == '\n') return j + 1;
    }
    return n;
  }
  return i;
}

// Blanks the top-level function bodies of `text` (gofmt's layout: a
// declaration starts with `func` at the start of a line) and lists them in
// source order. A body's inside becomes the newlines it had, then as many
// spaces as it had characters on the line of its `}`; comments outside
// bodies go the same way (a line comment simply ends where it started).
// So every position outside the bodies stays where it was, and the lexer
// has little to skip. Returns false when the text is not laid out as
// expected; the caller then parses the file whole.
bool blankFuncBodies(std::string_view text, std::string& out, std::vector<BlankedBody>& bodies) {
  out.clear();
  out.reserve(text.size() / 2);
  size_t n = text.size();
  int32_t line = 1;      // of text[i] and after
  size_t lineStart = 0;  // of that line
  size_t copied = 0;     // text[copied..] not yet in out
  auto isLiteralStart = [](char c) { return c == '/' || c == '"' || c == '\'' || c == '`'; };
  // Newlines in text[from, to), for line and lineStart.
  auto countLines = [&](size_t from, size_t to) {
    for (size_t m = from; m < to; ++m)
      if (text[m] == '\n') {
        ++line;
        lineStart = m + 1;
      }
  };
  // Replaces text[from, to) by its newlines, then spaces for what follows
  // the last of them; keeps line and lineStart.
  auto blank = [&](size_t from, size_t to) {
    out.append(text.substr(copied, from - copied));
    size_t newlines = 0;
    size_t last = from;
    for (size_t m = from; m < to; ++m)
      if (text[m] == '\n') {
        ++newlines;
        last = m + 1;
      }
    out.append(newlines, '\n');
    out.append(to - last, ' ');
    if (newlines) {
      line += static_cast<int32_t>(newlines);
      lineStart = last;
    }
    copied = to;
  };
  // A literal at text[j] (isLiteralStart): returns the index after it, or
  // j when none starts there; comments are blanked.
  auto literal = [&](size_t j) {
    size_t k = skipLiteral(text, j);
    if (k == j) return j;
    if (text[j] == '/' && text[j + 1] == '/') {
      out.append(text.substr(copied, j - copied));
      copied = k;  // the newline stays
    } else if (text[j] == '/') {
      blank(j, k);
    } else if (text[j] == '`') {
      countLines(j, k);
    }
    return k;
  };
  size_t i = 0;  // the start of a line, outside every declaration's brackets
  while (i < n) {
    size_t j = i;
    if (text.compare(i, 5, "func ") != 0) {
      // Another line: skip it whole, with any literal (a raw string or a
      // comment may span lines; a composite literal's braces too).
      int depth = 0;
      for (; j < n; ++j) {
        char c = text[j];
        if (isLiteralStart(c)) {
          size_t k = literal(j);
          if (k != j) j = k - 1;
        } else if (c == '{' || c == '(' || c == '[') {
          ++depth;
        } else if (c == '}' || c == ')' || c == ']') {
          --depth;
        } else if (c == '\n') {
          ++line;
          lineStart = j + 1;
          if (depth <= 0) break;
        }
      }
      i = j + 1;
      continue;
    }
    // A function declaration: find its body's `{`, at bracket depth 0 and
    // not the brace of an interface{} or struct{} type in the signature.
    int depth = 0;
    size_t open = std::string_view::npos;
    std::string_view lastWord;
    while (j < n) {
      char c = text[j];
      if (isLiteralStart(c)) {
        size_t k = literal(j);
        if (k != j) {
          j = k;
          continue;
        }
      }
      if (c == '_' || std::isalnum(static_cast<unsigned char>(c))) {
        size_t e = j;
        while (e < n && (text[e] == '_' || std::isalnum(static_cast<unsigned char>(text[e])))) ++e;
        lastWord = text.substr(j, e - j);
        j = e;
        continue;
      }
      if (c == '{' && depth == 0 && lastWord != "interface" && lastWord != "struct") {
        open = j;
        break;
      }
      if (c == '(' || c == '[' || c == '{') {
        ++depth;
      } else if (c == ')' || c == ']' || c == '}') {
        --depth;
      } else if (c == '\n') {
        ++line;
        lineStart = j + 1;
        if (depth == 0) break;  // no body: a native
      }
      if (c != ' ' && c != '\t' && c != '\n') lastWord = {};
      ++j;
    }
    if (open == std::string_view::npos) {
      i = j + 1;
      continue;
    }
    BlankedBody body;
    body.line = line;
    body.col = static_cast<int32_t>(open - lineStart + 1);
    body.open = open;
    // The matching `}`.
    depth = 0;
    size_t close = std::string_view::npos;
    for (j = open; j < n; ++j) {
      char c = text[j];
      if (c == '{') {
        ++depth;
      } else if (c == '}') {
        if (--depth == 0) {
          close = j;
          break;
        }
      } else if (isLiteralStart(c)) {
        size_t k = skipLiteral(text, j);
        if (k != j) j = k - 1;
      }
    }
    if (close == std::string_view::npos || body.col < 2) return false;
    body.close = close;
    blank(open + 1, close);
    bodies.push_back(body);
    // The rest of that line is another line's business.
    for (i = close; i < n && text[i] != '\n'; ++i) {
    }
    if (i < n) {
      ++line;
      lineStart = i + 1;
    }
    ++i;
  }
  out.append(text.substr(copied < n ? copied : n));
  return true;
}

// Where the real body of a skeleton's function is.
struct PendingBody {
  std::string_view text;  // the original file (embedded, static)
  std::string fileName;
  BlankedBody at;
};

// Parses one body on demand and puts it in its declaration.
class BodyLoader {
 public:
  explicit BodyLoader(Program& prog) : prog_(prog) {}
  void add(FuncDecl* decl, PendingBody body) { pending_.emplace(decl, std::move(body)); }
  void load(FuncDecl* decl) {
    auto it = pending_.find(decl);
    if (it == pending_.end()) return;
    PendingBody body = std::move(it->second);
    pending_.erase(it);
    std::string text = "package p;func _(";
    text.append(static_cast<size_t>(body.at.line - 1), '\n');
    text += ')';
    text.append(static_cast<size_t>(body.at.col - 2), ' ');
    text.append(body.text.substr(body.at.open, body.at.close + 1 - body.at.open));
    text += '\n';
    int32_t index = prog_.sources.add(body.fileName, std::move(text));
    File* file = parseFile(prog_.sources, index, prog_.arena, prog_.diags);
    FuncDecl* parsed = nullptr;
    if (file && file->decls.size() == 1) parsed = file->decls[0]->as<FuncDecl>();
    if (!parsed || !parsed->body || parsed->body->pos != Pos{index, body.at.line, body.at.col}) {
      prog_.diags.error(decl->pos, "gol: cannot parse this function's body on its own");
      return;
    }
    decl->body = parsed->body;
  }

 private:
  Program& prog_;
  std::map<FuncDecl*, PendingBody> pending_;
};

// Loads standard library packages for one Program.
class StdImporter {
 public:
  explicit StdImporter(Program& prog) : prog_(prog) {
    importer_ = [this](const std::string& path, Pos importPos) { return load(path, importPos); };
  }
  const Importer& importer() const { return importer_; }

 private:
  types::Package* load(const std::string& path, Pos importPos) {
    types::Universe& u = *prog_.universe;
    if (auto it = u.packages.find(path); it != u.packages.end()) return it->second;
    if (inProgress_.count(path)) {
      // Only the standard library imports anything, so a cycle is a gol bug;
      // gc's words for it all the same.
      prog_.diags.error(importPos, "import cycle not allowed");
      return fakePackage(path);
    }
    std::vector<const stdlib::EmbeddedFile*> embedded = stdlib::packageFiles(path);
    if (embedded.empty()) return nullptr;  // the checker says `package foo is not in std`

    inProgress_.insert(path);
    std::vector<File*> files;
    size_t errorsBefore = prog_.diags.count();
    for (const stdlib::EmbeddedFile* ef : embedded) {
      if (!wanted(path, ef->text)) continue;
      files.push_back(parseStdFile(*ef));
    }
    types::Package* pkg = nullptr;
    if (prog_.diags.count() == errorsBefore) {
      CheckConfig config;
      config.allowBodylessFuncs = true;
      config.bodiesOnDemand = prog_.stdlibBodiesOnDemand;
      if (bodies_) config.loadBody = [loader = bodies_](FuncDecl* decl) { loader->load(decl); };
      pkg = checkPackage(u, path, files, prog_.diags, importer_, config);
    }
    inProgress_.erase(path);
    if (!pkg) return fakePackage(path);
    u.packages[path] = pkg;
    prog_.imports.push_back(pkg);
    return pkg;
  }

  // A stdlib file; with bodies on demand, as a skeleton (BodyLoader).
  File* parseStdFile(const stdlib::EmbeddedFile& ef) {
    std::string fileName(ef.fileName);
    std::string skeleton;
    std::vector<BlankedBody> blanked;
    if (!prog_.stdlibBodiesOnDemand || !blankFuncBodies(ef.text, skeleton, blanked)) {
      int32_t index = prog_.sources.add(std::move(fileName), std::string(ef.text));
      return parseFile(prog_.sources, index, prog_.arena, prog_.diags);
    }
    int32_t index = prog_.sources.add(fileName, std::move(skeleton));
    File* file = parseFile(prog_.sources, index, prog_.arena, prog_.diags);
    if (!file) return file;
    if (!bodies_) bodies_ = std::make_shared<BodyLoader>(prog_);
    size_t next = 0;
    for (Decl* d : file->decls) {
      auto* fd = d->as<FuncDecl>();
      if (!fd || !fd->body) continue;
      // The scan and the parser must agree on every body; a mismatch is a
      // gol bug, reported at the function rather than hidden.
      if (next >= blanked.size() || fd->body->pos.line != blanked[next].line ||
          fd->body->pos.col != blanked[next].col) {
        prog_.diags.error(fd->pos, "gol: function body not found where the skeleton scan put it");
        return file;
      }
      bodies_->add(fd, PendingBody{ef.text, fileName, blanked[next++]});
    }
    return file;
  }

  // Files loaded only when used: a stdlib file with a line
  //   //gol:only-if-used Name1 Name2 ...
  // before its package clause joins its package only if the user's file
  // names one of them through that package (`fmt.Sscan`, under whatever
  // name the package is imported as; a dot import loads it always). Such
  // files (fmt's scanning, time's parsing) are large and seldom used, and
  // every file a program imports is compiled at each run. No stdlib
  // package may use their names, since only the user's file is searched.
  bool wanted(const std::string& path, std::string_view text) {
    static constexpr std::string_view kDirective = "//gol:only-if-used ";
    std::string_view head = text.substr(0, text.find("\npackage "));
    size_t at = head.starts_with(kDirective) ? 0 : head.find("\n" + std::string(kDirective));
    if (at == std::string_view::npos) return true;
    if (head[at] == '\n') ++at;
    collectUsedNames();
    if (dotImported_.count(path)) return true;
    std::string_view names = text.substr(at + kDirective.size());
    names = names.substr(0, names.find('\n'));
    while (!names.empty()) {
      size_t sp = names.find(' ');
      std::string_view name = names.substr(0, sp);
      if (!name.empty() && usedNames_.count(path + "." + std::string(name))) return true;
      if (sp == std::string_view::npos) break;
      names.remove_prefix(sp + 1);
    }
    return false;
  }

  // usedNames_: "path.Name" for each `pkg.Name` in the user's file, pkg
  // being the name an import gives the package at path.
  void collectUsedNames() {
    if (namesCollected_) return;
    namesCollected_ = true;
    const File* main = prog_.mainFile;
    if (!main) return;
    std::map<std::string, std::string, std::less<>> pathByName;
    for (const ImportSpec* spec : main->imports) {
      if (!spec || !spec->path) continue;
      ConstValue value = ConstValue::fromLiteral(Tok::String, spec->path->lit);
      if (value.kind() != ConstValue::Kind::String) continue;
      const std::string& importPath = value.stringVal();
      std::string name = spec->name ? spec->name->name : lastPathElement(importPath);
      if (name == ".") dotImported_.insert(importPath);
      else pathByName[name] = importPath;
    }
    Diagnostics ignored(prog_.sources);  // the parser reported any errors already
    Lexer lexer(prog_.sources, main->pos.file, ignored);
    Token prev2, prev1;
    for (Token t = lexer.next(); t.tok != Tok::EndOfFile; t = lexer.next()) {
      if (t.tok == Tok::Ident && prev1.tok == Tok::Period && prev2.tok == Tok::Ident) {
        if (auto it = pathByName.find(prev2.lit); it != pathByName.end())
          usedNames_.insert(it->second + "." + std::string(t.lit));
      }
      prev2 = prev1;
      prev1 = t;
    }
  }

  // A stand-in for a package that failed to load: the checker resolves no
  // members in it and reports no cascade of errors about it.
  types::Package* fakePackage(const std::string& path) {
    types::Package* pkg = prog_.universe->newPackage(path, lastPathElement(path));
    pkg->fake = true;
    prog_.universe->packages[path] = pkg;
    return pkg;
  }

  Program& prog_;
  Importer importer_;
  std::shared_ptr<BodyLoader> bodies_;
  std::set<std::string> inProgress_;
  bool namesCollected_ = false;
  std::set<std::string> usedNames_;
  std::set<std::string> dotImported_;
};

bool hasSyntaxErrors(const Diagnostics& diags) {
  for (const Diagnostic& d : diags.list())
    if (d.message.starts_with("syntax error")) return true;
  return false;
}

// mainPackageRule: the user's file must be `package main`, for `gol run`
// and `gol build` alike. `go run` refuses other packages while `go build`
// accepts a library package silently; gol only ever builds programs (user
// packages are out of scope), so a non-main package is always a mistake.
// We print go run's line byte for byte, without a position as it has none
// ("command-line-arguments" is the go command's name for a package given
// as files), and type-check nothing, as go run does.
bool checkMainPackageClause(Program& prog) {
  const Ident* name = prog.mainFile ? prog.mainFile->packageName : nullptr;
  if (!name) return false;  // the parser reported it
  if (name->name == "main") return true;
  prog.diags.error(Pos{}, "package command-line-arguments is not a main package");
  return false;
}

// The go command resolves a program's imports before it compiles anything:
// an import outside the standard library is reported (at the import path)
// and nothing is type-checked. gc's line ends with the GOROOT directory in
// parentheses, which depends on the installation; gol leaves it out. A
// package of Go's standard library that gol does not ship gets a message
// of its own, since Go would have compiled it.
bool checkImportsExist(Program& prog) {
  bool ok = true;
  for (const ImportSpec* spec : prog.mainFile->imports) {
    if (!spec || !spec->path) continue;
    ConstValue value = ConstValue::fromLiteral(Tok::String, spec->path->lit);
    if (value.kind() != ConstValue::Kind::String) continue;
    const std::string& path = value.stringVal();
    if (path.empty()) continue;  // the checker reports the invalid path
    if (!stdlib::packageFiles(path).empty()) continue;
    ok = false;
    // A path whose first element has a dot names a module, which the go
    // command looks for in go.mod; gol never has one.
    std::string first = path.substr(0, path.find('/'));
    if (first.find('.') != std::string::npos) {
      prog.diags.errorf(spec->path->pos,
                        "no required module provides package {}: go.mod file not found in current directory or "
                        "any parent directory; see 'go help modules'",
                        path);
    } else if (stdlib::isGoStdPackage(path)) {
      // Go has it and gol does not: say so, rather than pretend that
      // the package does not exist.
      prog.diags.errorf(spec->path->pos, "package {} is not in gol's standard library", path);
    } else {
      prog.diags.errorf(spec->path->pos, "package {} is not in std", path);
    }
  }
  return ok;
}

}  // namespace

namespace {

std::unique_ptr<Program> compileOnThisStack(std::string name, std::string text, const CompileOptions& options) {
  auto prog = std::make_unique<Program>();
  prog->stdlibBodiesOnDemand = options.stdlibBodiesOnDemand;
  int32_t index = prog->sources.add(std::move(name), std::move(text));
  prog->mainFile = parseFile(prog->sources, index, prog->arena, prog->diags);
  if (hasSyntaxErrors(prog->diags) || !options.check) return prog;
  // go run reports both a non-main package and missing imports, then stops.
  bool isMain = checkMainPackageClause(*prog);
  bool importsExist = checkImportsExist(*prog);
  if (!isMain || !importsExist) return prog;

  StdImporter importer(*prog);
  prog->mainPackage = checkPackage(*prog->universe, "main", {prog->mainFile}, prog->diags, importer.importer(),
                                   CheckConfig{});
  if (prog->diags.hasErrors() || !prog->mainPackage) return prog;

  // A missing main is reported by gc's linker, so only when everything
  // compiled, and without a position; we print the linker's line as it is.
  const types::Object* mainObj = prog->mainPackage->scope ? prog->mainPackage->scope->lookup("main") : nullptr;
  if (!mainObj || !mainObj->is<types::Func>())
    prog->diags.error(Pos{}, "runtime.main_main\xc2\xb7" "f: function main is undeclared in the main package");
  return prog;
}

}  // namespace

std::unique_ptr<Program> compileSource(std::string name, std::string text, const CompileOptions& options) {
  std::unique_ptr<Program> prog;
  runOnFrontEndStack([&] { prog = compileOnThisStack(std::move(name), std::move(text), options); });
  return prog;
}

}  // namespace gol::lang
