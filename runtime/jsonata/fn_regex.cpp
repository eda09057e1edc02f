// Pattern functions ($contains, $split, $match, $replace) over string or
// regex patterns. Regex iteration mimics a JS global RegExp: each search
// resumes at the previous match's end, and a later empty match is D1004.
#include <cmath>

#include "errors.h"
#include "format_value.h"
#include "functions.h"
#include "regex.h"
#include "utf8.h"

namespace aslrt::jsonata {

namespace {

struct Match {
  std::string text;
  size_t start = 0;  // bytes
  size_t end = 0;
  std::vector<std::optional<std::string>> groups;
};

bool isRegex(const Value& v) { return v.isFunction() && v.fn().kind == FunctionData::Kind::Regex; }

Match fromObject(const Value& o) {
  if (!o.isObject()) throw JsonataError("T1010");
  const Value* m = o.obj().get("match");
  const Value* s = o.obj().get("start");
  const Value* e = o.obj().get("end");
  const Value* g = o.obj().get("groups");
  if (!s || !s->isNumber() || !e || !e->isNumber()) throw JsonataError("T1010");
  Match out;
  out.text = m && m->isString() ? m->s() : "";
  out.start = static_cast<size_t>(s->n());
  out.end = static_cast<size_t>(e->n());
  if (g && g->isArray())
    for (auto& x : g->arr().items) out.groups.push_back(x.isString() ? std::optional<std::string>(x.s()) : std::nullopt);
  return out;
}

// All matches of `matcher` in `str`, at most `limit` (negative: unlimited).
std::vector<Match> findMatches(Evaluator& ev, const Value& matcher, const std::string& str, long limit) {
  std::vector<Match> out;
  if (!isRegex(matcher)) {
    // a custom matcher function returning {match,start,end,groups,next}
    Value res = ev.call(matcher, {Value::string(str)});
    while (!res.isUndefined() && (limit < 0 || long(out.size()) < limit)) {
      out.push_back(fromObject(res));
      const Value* next = res.obj().get("next");
      if (!next || !next->isFunction()) break;
      res = ev.call(*next, {});
    }
    return out;
  }
  const Regex& re = *matcher.fn().regex;
  size_t from = 0;
  while (limit < 0 || long(out.size()) < limit) {
    if (!out.empty() && from >= str.size()) break;
    auto m = re.search(str, from);
    if (!m) break;
    if (!out.empty() && m->start == m->end) throw JsonataError("D1004").val(re.pattern());
    out.push_back(Match{str.substr(m->start, m->end - m->start), m->start, m->end, m->groups});
    from = m->end;
  }
  return out;
}

long limitOf(const Value& v) { return v.isUndefined() ? -1 : static_cast<long>(std::floor(v.n())); }

Value split(Evaluator& ev, std::vector<Value>& a) {
  if (a[0].isUndefined()) return Value();
  const std::string& str = a[0].s();
  if (!argAt(a, 2).isUndefined() && a[2].n() < 0) throw JsonataError("D3020").val(stringify(a[2]));
  long limit = limitOf(argAt(a, 2));
  Value result = Value::array();
  auto& out = result.arr().items;
  if (limit == 0) return result;
  if (a[1].isString()) {
    const std::string& sep = a[1].s();
    if (sep.empty()) {
      for (uint32_t cp : decodeUtf8(str)) out.push_back(Value::string(encodeUtf8({cp})));
    } else {
      size_t pos = 0;
      for (size_t f; (f = str.find(sep, pos)) != std::string::npos; pos = f + sep.size())
        out.push_back(Value::string(str.substr(pos, f - pos)));
      out.push_back(Value::string(str.substr(pos)));
    }
    if (limit >= 0 && long(out.size()) > limit) out.resize(static_cast<size_t>(limit));
    return result;
  }
  std::vector<Match> ms = findMatches(ev, a[1], str, limit);
  size_t start = 0;
  for (auto& m : ms) {
    out.push_back(Value::string(str.substr(start, m.start - start)));
    start = m.end;
  }
  if (limit < 0 || long(ms.size()) < limit) out.push_back(Value::string(str.substr(start)));
  return result;
}

Value matchObject(const Match& m, const std::string& str) {
  Value o = Value::object();
  o.obj().set("match", Value::string(m.text));
  o.obj().set("index", Value::number(double(utf8Length(std::string_view(str).substr(0, m.start)))));
  Value groups = Value::array();
  for (auto& g : m.groups) groups.arr().items.push_back(g ? Value::string(*g) : Value());
  o.obj().set("groups", groups);
  return o;
}

// Expands $0, $1.. in a replacement string, as jsonata-js does.
std::string substitute(const std::string& repl, const Match& m) {
  std::string out;
  size_t pos = 0;
  size_t ngroups = m.groups.size();
  for (size_t idx = repl.find('$'); idx != std::string::npos && pos < repl.size(); idx = repl.find('$', pos)) {
    out += repl.substr(pos, idx - pos);
    pos = idx + 1;
    char c = pos < repl.size() ? repl[pos] : '\0';
    if (c == '$') { out += '$'; ++pos; continue; }
    if (c == '0') { out += m.text; ++pos; continue; }
    size_t maxDigits = ngroups == 0 ? 1 : size_t(std::floor(std::log10(double(ngroups)))) + 1;
    auto digitsAt = [&](size_t n) {
      size_t k = 0;
      while (k < n && pos + k < repl.size() && std::isdigit(static_cast<unsigned char>(repl[pos + k]))) ++k;
      return k;
    };
    size_t nd = digitsAt(maxDigits);
    if (nd == 0) { out += '$'; continue; }
    size_t index = std::stoul(repl.substr(pos, nd));
    if (maxDigits > 1 && index > ngroups && nd > 1) index = std::stoul(repl.substr(pos, --nd));
    if (ngroups > 0 && index >= 1 && index <= ngroups && m.groups[index - 1]) out += *m.groups[index - 1];
    pos += std::to_string(index).size();
  }
  if (pos < repl.size()) out += repl.substr(pos);
  return out;
}

Value replace(Evaluator& ev, std::vector<Value>& a) {
  if (a[0].isUndefined()) return Value();
  const std::string& str = a[0].s();
  if (a[1].isString() && a[1].s().empty()) throw JsonataError("D3010");
  if (!argAt(a, 3).isUndefined() && a[3].n() < 0) throw JsonataError("D3011");
  long limit = limitOf(argAt(a, 3));
  if (a[1].isString()) {
    std::string out;
    size_t pos = 0;
    long count = 0;
    const std::string& pat = a[1].s();
    std::string repl = a[2].isString() ? a[2].s() : "";
    for (size_t f; (limit < 0 || count < limit) && (f = str.find(pat, pos)) != std::string::npos; ++count) {
      out += str.substr(pos, f - pos) + repl;
      pos = f + pat.size();
    }
    return Value::string(out + str.substr(pos));
  }
  std::string out;
  size_t pos = 0;
  for (auto& m : findMatches(ev, a[1], str, limit)) {
    out += str.substr(pos, m.start - pos);
    if (a[2].isString()) {
      out += substitute(a[2].s(), m);
    } else {
      Value r = ev.call(a[2], {matchObject(m, str)});
      if (!r.isString()) throw JsonataError("D3012").val(stringify(r));
      out += r.s();
    }
    pos = m.start + m.text.size();
  }
  return Value::string(out + str.substr(pos));
}

}  // namespace

void registerRegexFunctions(Registry& r) {
  addNative(r, "contains", "<s-(sf):b>", 2, [](Evaluator& ev, std::vector<Value>& a) {
    if (a[0].isUndefined() || a[1].isUndefined()) return Value();
    if (a[1].isString()) return Value::boolean(a[0].s().find(a[1].s()) != std::string::npos);
    return Value::boolean(!findMatches(ev, a[1], a[0].s(), 1).empty());
  });
  addNative(r, "split", "<s-(sf)n?:a<s>>", 3, [](Evaluator& ev, std::vector<Value>& a) { return split(ev, a); });
  addNative(r, "match", "<s-f<s:o>n?:a<o>>", 3, [](Evaluator& ev, std::vector<Value>& a) {
    if (a[0].isUndefined()) return Value();
    if (!argAt(a, 2).isUndefined() && a[2].n() < 0) throw JsonataError("D3040");
    Value result = Value::sequence();
    for (auto& m : findMatches(ev, a[1], a[0].s(), limitOf(argAt(a, 2))))
      result.arr().items.push_back(matchObject(m, a[0].s()));
    return result;
  });
  addNative(r, "replace", "<s-(sf)(sf)n?:s>", 4, [](Evaluator& ev, std::vector<Value>& a) { return replace(ev, a); });
}

}  // namespace aslrt::jsonata
