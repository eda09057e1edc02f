// String and JSON intrinsics: Format, StringSplit, StringToJson, JsonToString,
// JsonMerge.
#include "intrinsic_ast.h"
#include "java_string.h"
#include "aslrt/java_hash_order.h"
#include "aslrt/json_parse.h"

namespace aslrt::intrinsic_detail {
namespace {

bool fail(std::string* cause, const char* fn, const std::string& why) {
  *cause = std::string("Invalid arguments in ") + fn + ": " + why;
  return false;
}

// Renders a template, each unescaped "{}" replaced by the next argument's
// Java toString(); '\' makes the next character literal (so "\{}" is text).
// Returns the number of placeholders; arguments beyond args are not printed.
size_t renderTemplate(const std::string& tmpl, const Args& args, std::string* out) {
  size_t holes = 0;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '\\' && i + 1 < tmpl.size()) {
      *out += tmpl[++i];
    } else if (tmpl[i] == '{' && i + 1 < tmpl.size() && tmpl[i + 1] == '}') {
      if (++holes < args.size()) jsonpath_detail::appendJavaToString(args[holes].value(), out);
      ++i;
    } else {
      *out += tmpl[i];
    }
  }
  return holes;
}

}  // namespace

// Arguments print as Java's toString() does (AWS recorded "{Arg1=1, Arg2=[]}"
// for an object and "null" for null).
std::optional<Json> evalFormat(const Args& args, const EvalContext&, std::string* cause) {
  const char* fn = "States.Format";
  if (!wantString(args, 0, fn, cause)) return std::nullopt;
  const std::string& tmpl =
      args[0].raw ? *args[0].raw : args[0].value().get_ref<const std::string&>();
  std::string out;
  if (renderTemplate(tmpl, args, &out) + 1 != args.size())
    return fail(cause, fn,
                "the number of arguments does not match the number of '{}' placeholders"),
           std::nullopt;
  return Json(std::move(out));
}

// Every character of the delimiter splits, and empty tokens are dropped
// (recorded: "a,,b" split on "," gives ["a","b"]), like Java's StringTokenizer.
std::optional<Json> evalStringSplit(const Args& args, const EvalContext&, std::string* cause) {
  const char* fn = "States.StringSplit";
  if (!wantString(args, 0, fn, cause) || !wantString(args, 1, fn, cause)) return std::nullopt;
  const std::string& text = args[0].value().get_ref<const std::string&>();
  const std::string& delims = args[1].value().get_ref<const std::string&>();
  Json out = Json::array();
  std::string token;
  for (char ch : text) {
    if (delims.find(ch) == std::string::npos) {
      token += ch;
      continue;
    }
    if (!token.empty()) out.push_back(token);
    token.clear();
  }
  if (!token.empty()) out.push_back(token);
  return out;
}

// AWS returns null for an empty string (recorded in string_to_json.0).
std::optional<Json> evalStringToJson(const Args& args, const EvalContext&, std::string* cause) {
  const char* fn = "States.StringToJson";
  if (!wantString(args, 0, fn, cause)) return std::nullopt;
  const std::string& text = args[0].value().get_ref<const std::string&>();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return Json(nullptr);
  Json parsed = aslrt::parseJson(text);
  if (parsed.is_discarded())
    return fail(cause, fn, "the string is not valid JSON: " + text), std::nullopt;
  return parsed;
}

std::optional<Json> evalJsonToString(const Args& args, const EvalContext&, std::string*) {
  return Json(jsonpath_detail::javaJsonDump(args[0].value()));
}

// AWS supports only the shallow merge: the third argument must be false.
// https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-json-manipulate
std::optional<Json> evalJsonMerge(const Args& args, const EvalContext&, std::string* cause) {
  const char* fn = "States.JsonMerge";
  const Json& a = args[0].value();
  const Json& b = args[1].value();
  if (!a.is_object() || !b.is_object())
    return fail(cause, fn, "the first two arguments must be JSON objects"), std::nullopt;
  if (!args[2].value().is_boolean())
    return fail(cause, fn, "the third argument must be a boolean"), std::nullopt;
  if (args[2].value().get<bool>())
    return fail(cause, fn, "deep merge is not supported, the third argument must be false"),
           std::nullopt;
  // AWS merges through a java.util.HashMap: the members come out in its
  // order (java_hash_order.h). The result is built in that order at once:
  // a's keys, then b's new ones, b's value winning. An argument the caller
  // gives up (ArgValue::movable) gives its keys and values up too.
  Json* movableLeft = args[0].movable;
  Json* movableRight = args[1].movable;
  const Json::object_t& left = a.get_ref<const Json::object_t&>();
  const Json::object_t& right = b.get_ref<const Json::object_t&>();
  struct Picked {
    const Json::object_t::value_type* member;  // where the key comes from
    const Json* value;
    bool keyMoves, valueMoves;
    uint32_t bucket;
  };
  std::vector<Picked> picked;
  picked.reserve(left.size() + right.size());
  for (const auto& member : left) {
    auto inRight = right.find(member.first);
    bool fromRight = inRight != right.end();
    picked.push_back({&member, fromRight ? &inRight->second : &member.second, movableLeft != nullptr,
                      (fromRight ? movableRight : movableLeft) != nullptr, 0});
  }
  for (const auto& member : right)
    if (!left.contains(member.first))
      picked.push_back({&member, &member.second, movableRight != nullptr, movableRight != nullptr, 0});
  size_t capacity = javaHashCapacity(picked.size());
  for (Picked& p : picked) p.bucket = javaHashBucket(p.member->first, capacity);
  sortIntoHashOrder(picked, [](const Picked& p) { return p.bucket; });
  Json out(Json::value_t::object);
  Json::object_t& members = out.get_ref<Json::object_t&>();
  members.reserve(picked.size());
  for (const Picked& p : picked) {
    // (the arguments are the caller's to give up: const only as read)
    Json value = p.valueMoves ? std::move(const_cast<Json&>(*p.value)) : Json(*p.value);
    if (p.keyMoves) members.appendNew(std::move(const_cast<std::string&>(p.member->first)), std::move(value));
    else members.appendNew(p.member->first, std::move(value));
  }
  return out;
}

}  // namespace aslrt::intrinsic_detail
