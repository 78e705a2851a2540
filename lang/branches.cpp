// Branch checks: labels, break, continue, goto and fallthrough.
//
// gc checks these in its syntax package, right after parsing a function
// body that had no syntax errors, so gol does the same and reports them
// with gc's messages. The walk goes statement list by statement list,
// keeping for each list a `Block` (its start, its parent, the label of the
// statement that owns it) and the current break/continue targets:
//
//  - labels are collected per function; a goto to a label declared earlier
//    is resolved at once if the label's block encloses the goto, otherwise
//    the goto waits in the list of forward gotos of its block, which passes
//    unresolved gotos outward when it ends. A label resolves the waiting
//    gotos of its own block (including those passed out of inner blocks),
//    so a goto left over at the end jumps into a block, or names nothing.
//  - a goto that was already waiting when a variable was declared in the
//    label's block jumps over that declaration.
//  - break/continue with a label need the label on an enclosing statement.
//
// Resolved branches get BranchStmt::target (the LabeledStmt for goto, the
// loop, switch or select otherwise), which code generation uses.
#include <deque>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "lang/parser.h"

namespace gol::lang {

namespace {

struct Block {
  const Block* parent;
  Pos start;
  const LabeledStmt* label;  // the labeled statement owning this block, or null
};

struct Label {
  const Block* block;
  LabeledStmt* stmt;
  bool used = false;
};

struct Targets {
  Stmt* breaks = nullptr;     // innermost for, range, switch or select
  Stmt* continues = nullptr;  // innermost for or range
  int caseIndex = -1;         // index of the case whose body this is, else -1
};

class BranchChecker {
 public:
  explicit BranchChecker(Diagnostics& diags) : diags_(diags) {}

  void run(BlockStmt* body) {
    std::vector<BranchStmt*> pending = blockBranches(nullptr, Targets{}, nullptr, body->pos, body->list);
    for (BranchStmt* fwd : pending) {
      const std::string& name = fwd->label->name;
      if (Label* l = find(name)) {
        l->used = true;  // don't also report it unused
        diags_.errorf(fwd->label->pos, "goto {} jumps into block starting at {}", name,
                      diags_.format(l->block->start));
      } else {
        diags_.errorf(fwd->label->pos, "label {} not defined", name);
      }
    }
    for (const Label& l : labels_) {
      if (!l.used) diags_.errorf(l.stmt->label->pos, "label {} defined and not used", l.stmt->label->name);
    }
  }

 private:
  Label* find(const std::string& name) {
    for (Label& l : labels_) {
      if (l.stmt->label->name == name) return &l;
    }
    return nullptr;
  }

  Label* declare(const Block* b, LabeledStmt* s) {
    if (Label* prev = find(s->label->name)) {
      diags_.errorf(s->label->pos, "label {} already defined at {}", s->label->name,
                    diags_.format(prev->stmt->label->pos));
      return prev;
    }
    return &labels_.emplace_back(Label{b, s});
  }

  // The label's statement if it is declared in b or a block enclosing b.
  LabeledStmt* gotoTarget(const Block* b, const std::string& name) {
    Label* l = find(name);
    if (!l) return nullptr;
    l->used = true;
    for (; b; b = b->parent) {
      if (l->block == b) return l->stmt;
    }
    return nullptr;
  }

  // For break/continue L: the labeled statement if it encloses b; `found`
  // tells a label that exists elsewhere from one that does not exist.
  LabeledStmt* enclosingTarget(const Block* b, const std::string& name, bool* found) {
    Label* l = find(name);
    *found = l != nullptr;
    if (!l) return nullptr;
    l->used = true;
    for (; b; b = b->parent) {
      if (b->label == l->stmt) return l->stmt;
    }
    return nullptr;
  }

  static bool isLoop(const Stmt* s) { return s->is<ForStmt>() || s->is<RangeStmt>(); }

  std::vector<BranchStmt*> blockBranches(const Block* parent, Targets ctxt, const LabeledStmt* owner, Pos start,
                                         const std::vector<Stmt*>& body) {
    // Blocks outlive this call: labels refer to theirs until the end.
    const Block& b = blocks_.emplace_back(Block{parent, start, owner});
    Pos varPos;
    std::string varName;
    std::vector<BranchStmt*> fwdGotos, badGotos;

    auto recordVarDecl = [&](Pos pos, std::string name) {
      varPos = pos;
      varName = std::move(name);
      badGotos = fwdGotos;
    };
    auto jumpsOverVarDecl = [&](const BranchStmt* fwd) {
      if (!varPos.valid()) return false;
      for (const BranchStmt* bad : badGotos) {
        if (bad == fwd) return true;
      }
      return false;
    };

    size_t n = body.size();
    while (n > 0 && body[n - 1]->is<EmptyStmt>()) --n;  // trailing empty statements don't count

    for (size_t index = 0; index < n; ++index) {
      Stmt* stmt = body[index];
      const LabeledStmt* label = nullptr;
      auto inner = [&](Targets t, Pos innerStart, const std::vector<Stmt*>& list) {
        std::vector<BranchStmt*> out = blockBranches(&b, t, label, innerStart, list);
        fwdGotos.insert(fwdGotos.end(), out.begin(), out.end());
      };

      while (auto* ls = stmt->as<LabeledStmt>()) {
        if (ls->label->name != "_") {
          Label* l = declare(&b, ls);
          std::vector<BranchStmt*> still;
          for (BranchStmt* fwd : fwdGotos) {
            if (fwd->label->name != ls->label->name) {
              still.push_back(fwd);
              continue;
            }
            fwd->target = ls;
            l->used = true;
            if (jumpsOverVarDecl(fwd)) {
              diags_.errorf(fwd->label->pos, "goto {} jumps over declaration of {} at {}", ls->label->name,
                            varName, diags_.format(varPos));
            }
          }
          fwdGotos = std::move(still);
          label = ls;
        }
        stmt = ls->stmt;
        if (!stmt) break;
      }
      if (!stmt) continue;

      switch (stmt->kind) {
        case NodeKind::DeclStmt: {
          auto* g = static_cast<DeclStmt*>(stmt)->decl->as<GenDecl>();
          if (g && g->tok == Tok::Var && !g->specs.empty()) {
            auto* vs = g->specs[0]->as<ValueSpec>();
            if (vs && !vs->names.empty()) recordVarDecl(vs->names[0]->pos, vs->names[0]->name);
          }
          break;
        }
        case NodeKind::AssignStmt: {
          auto* a = static_cast<AssignStmt*>(stmt);
          if (a->tok == Tok::Define) {
            std::string names;
            for (size_t i = 0; i < a->lhs.size(); ++i) names += (i ? ", " : "") + exprString(a->lhs[i]);
            recordVarDecl(a->tokPos, names);
          }
          break;
        }
        case NodeKind::BranchStmt:
          branch(static_cast<BranchStmt*>(stmt), &b, ctxt, index + 1 == n, &fwdGotos);
          break;
        case NodeKind::BlockStmt: {
          auto* s = static_cast<BlockStmt*>(stmt);
          inner(Targets{ctxt.breaks, ctxt.continues, -1}, s->pos, s->list);
          break;
        }
        case NodeKind::IfStmt: {
          auto* s = static_cast<IfStmt*>(stmt);
          Targets t{ctxt.breaks, ctxt.continues, -1};
          inner(t, s->body->pos, s->body->list);
          if (s->elseStmt) inner(t, s->elseStmt->pos, std::vector<Stmt*>{s->elseStmt});
          break;
        }
        case NodeKind::ForStmt: {
          auto* s = static_cast<ForStmt*>(stmt);
          inner(Targets{s, s, -1}, s->body->pos, s->body->list);
          break;
        }
        case NodeKind::RangeStmt: {
          auto* s = static_cast<RangeStmt*>(stmt);
          inner(Targets{s, s, -1}, s->body->pos, s->body->list);
          break;
        }
        case NodeKind::SwitchStmt:
        case NodeKind::TypeSwitchStmt:
        case NodeKind::SelectStmt: {
          BlockStmt* clauses = stmt->is<SwitchStmt>()       ? static_cast<SwitchStmt*>(stmt)->body
                               : stmt->is<TypeSwitchStmt>() ? static_cast<TypeSwitchStmt*>(stmt)->body
                                                            : static_cast<SelectStmt*>(stmt)->body;
          bool isSelect = stmt->is<SelectStmt>();
          for (size_t i = 0; i < clauses->list.size(); ++i) {
            Stmt* clause = clauses->list[i];
            Targets t{stmt, ctxt.continues, isSelect ? -1 : static_cast<int>(i)};
            if (auto* cc = clause->as<CaseClause>()) inner(t, cc->pos, cc->body);
            if (auto* cc = clause->as<CommClause>()) inner(t, cc->pos, cc->body);
          }
          break;
        }
        default:
          break;
      }
    }
    return fwdGotos;
  }

  void branch(BranchStmt* s, const Block* b, const Targets& ctxt, bool lastInList,
              std::vector<BranchStmt*>* fwdGotos) {
    if (!s->label) {
      switch (s->tok) {
        case Tok::Break:
          if (ctxt.breaks) {
            s->target = ctxt.breaks;
          } else {
            diags_.error(s->pos, "break is not in a loop, switch, or select");
          }
          return;
        case Tok::Continue:
          if (ctxt.continues) {
            s->target = ctxt.continues;
          } else {
            diags_.error(s->pos, "continue is not in a loop");
          }
          return;
        case Tok::Fallthrough: {
          const char* msg = "fallthrough statement out of place";
          if (ctxt.breaks && ctxt.breaks->is<TypeSwitchStmt>()) {
            msg = "cannot fallthrough in type switch";
          } else if (auto* sw = ctxt.breaks ? ctxt.breaks->as<SwitchStmt>() : nullptr) {
            if (ctxt.caseIndex >= 0 && lastInList) {
              if (static_cast<size_t>(ctxt.caseIndex) + 1 == sw->body->list.size()) {
                msg = "cannot fallthrough final case in switch";
              } else {
                s->target = sw;
                return;
              }
            }
          }
          diags_.error(s->pos, msg);
          return;
        }
        default:
          return;  // goto always has a label
      }
    }
    const std::string& name = s->label->name;
    bool found = false;
    switch (s->tok) {
      case Tok::Break:
        if (LabeledStmt* t = enclosingTarget(b, name, &found)) {
          Stmt* target = t->stmt;
          if (target && (isLoop(target) || target->is<SwitchStmt>() || target->is<TypeSwitchStmt>() ||
                         target->is<SelectStmt>())) {
            s->target = target;
          } else {
            diags_.errorf(s->label->pos, "invalid break label {}", name);
          }
        } else if (found) {
          diags_.errorf(s->label->pos, "invalid break label {}", name);
        } else {
          diags_.errorf(s->label->pos, "break label not defined: {}", name);
        }
        return;
      case Tok::Continue:
        if (LabeledStmt* t = enclosingTarget(b, name, &found)) {
          if (t->stmt && isLoop(t->stmt)) {
            s->target = t->stmt;
          } else {
            diags_.errorf(s->label->pos, "invalid continue label {}", name);
          }
        } else if (found) {
          diags_.errorf(s->label->pos, "invalid continue label {}", name);
        } else {
          diags_.errorf(s->label->pos, "continue label not defined: {}", name);
        }
        return;
      case Tok::Goto:
        if (LabeledStmt* t = gotoTarget(b, name)) {
          s->target = t;
        } else {
          fwdGotos->push_back(s);
        }
        return;
      default:
        return;
    }
  }

  Diagnostics& diags_;
  std::deque<Block> blocks_;
  std::deque<Label> labels_;  // in declaration order, for deterministic reports
};

}  // namespace

void checkBranches(BlockStmt* body, Diagnostics& diags) {
  if (!body) return;
  BranchChecker(diags).run(body);
}

}  // namespace gol::lang
