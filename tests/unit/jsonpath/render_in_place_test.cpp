// Rendering into the dead input (RenderOptions::reuse) must give exactly what
// an ordinary render gives, errors included; and the size and depth bounds must hold.
#include <gtest/gtest.h>

#include <random>

#include "aslrt/payload_size.h"
#include "aslrt/payload_template.h"

namespace aslrt {
namespace {

PayloadTemplate compileOk(const char* text) {
  std::vector<TemplateError> errors;
  auto t = PayloadTemplate::compile(Json::parse(text), &errors);
  EXPECT_TRUE(t) << text;
  return *t;
}

struct Rendered {
  std::optional<Json> value;
  Failure failure;
  SizeBound bound;
};

Rendered renderOnce(const PayloadTemplate& t, Json input, bool reuse) {
  Json vars = Json::parse(R"J({"x": 7})J");
  Rendered r;
  RenderOptions options;
  options.reuse = reuse ? &input : nullptr;
  options.inputBound = SizeBound::exactly(measure(input));
  options.outputBound = &r.bound;
  r.value = t.render(EvalContext{&input, nullptr, &vars, nullptr}, "Parameters", &r.failure, options);
  return r;
}

// Renders with and without reuse and checks they agree.
void expectSameBothWays(const char* tmpl, const char* input) {
  PayloadTemplate t = compileOk(tmpl);
  Rendered plain = renderOnce(t, Json::parse(input), false);
  Rendered reused = renderOnce(t, Json::parse(input), true);
  ASSERT_EQ(plain.value.has_value(), reused.value.has_value()) << tmpl << " on " << input;
  if (!plain.value) {
    EXPECT_EQ(plain.failure.error, reused.failure.error);
    EXPECT_EQ(plain.failure.cause, reused.failure.cause);
    return;
  }
  EXPECT_EQ(plain.value->dump(), reused.value->dump()) << tmpl << " on " << input;  // members in the same order
  for (const Rendered* r : {&plain, &reused}) {
    Extent e = measure(*r->value);
    EXPECT_GE(r->bound.bytes, e.bytes) << tmpl;
    EXPECT_GE(r->bound.depth, e.depth) << tmpl;
  }
}

// Renders `t` into a fresh value, reusing `input` (its dead input) in place.
Json renderReusing(const PayloadTemplate& t, Json& input) {
  RenderOptions options;
  options.reuse = &input;
  Failure failure;
  Json out;
  EXPECT_TRUE(t.renderInto(out, EvalContext{&input, nullptr, nullptr, nullptr}, "Parameters", &failure, options));
  return out;
}

// The in-place render really reuses the input: a kept member's value moves
// whole (not copied), and the members come out in AWS's order (".$" fields
// in java.util.HashMap order: "big" before "i").
TEST(RenderInPlace, KeptMembersStayWhereTheyAre) {
  PayloadTemplate t = compileOk(R"J({"i.$": "States.MathAdd($.i, 1)", "big.$": "$.big"})J");
  Json input = Json::parse(R"J({"i": 1, "big": {"list": [1, 2, 3]}, "drop": "x"})J");
  const Json::array_t* listBefore = &input["big"]["list"].get_ref<const Json::array_t&>();
  Json out = renderReusing(t, input);
  EXPECT_EQ(out.dump(), R"J({"big":{"list":[1,2,3]},"i":2})J");
  EXPECT_EQ(&out["big"]["list"].get_ref<const Json::array_t&>(), listBefore);  // the same nodes, moved whole
}

// An intrinsic reading the same value does not stop the move: it has read
// the intact input before any move is applied.
TEST(RenderInPlace, AValueAnIntrinsicAlsoReadsStillMoves) {
  PayloadTemplate t = compileOk(R"J({"doc.$": "$.doc", "s.$": "States.JsonToString($.doc)"})J");
  Json input = Json::parse(R"J({"doc": {"list": [1, 2]}, "other": 1})J");
  const Json::array_t* listBefore = &input["doc"]["list"].get_ref<const Json::array_t&>();
  Json out = renderReusing(t, input);
  EXPECT_EQ(out["s"], R"J({"list":[1,2]})J");
  EXPECT_EQ(out["doc"].dump(), R"J({"list":[1,2]})J");
  EXPECT_EQ(&out["doc"]["list"].get_ref<const Json::array_t&>(), listBefore);  // moved, not copied
  expectSameBothWays(R"J({"doc.$": "$.doc", "s.$": "States.JsonToString($.doc)", "n.$": "States.ArrayLength($.doc.list)"})J",
                     R"J({"doc": {"list": [1, 2]}})J");
}

TEST(RenderInPlace, KeepsCopiedMembersAndDropsTheRest) {
  expectSameBothWays(R"J({"i.$": "States.MathAdd($.i, 1)", "limit.$": "$.limit"})J",
                     R"J({"i": 1, "limit": 10, "extra": [1, 2]})J");
  expectSameBothWays(R"J({"a.$": "$.b", "b.$": "$.a", "c": {"d.$": "$.a"}, "v.$": "$x"})J",
                     R"J({"a": {"deep": 1}, "b": "B", "z": null})J");
}

// An input with the template's keys in another order comes out in the
// output's order (the members are rebuilt, not stored where they are).
TEST(RenderInPlace, TheOutputOrderWins) {
  PayloadTemplate t = compileOk(R"J({"i.$": "States.MathAdd($.i, 1)", "limit.$": "$.limit"})J");
  Json input = Json::parse(R"J({"i": 1, "limit": 10})J");
  Json out = renderReusing(t, input);
  EXPECT_EQ(out.dump(), R"J({"limit":10,"i":2})J");
  expectSameBothWays(R"J({"i.$": "$.i", "limit.$": "$.limit"})J", R"J({"limit": 10, "i": 1})J");
  expectSameBothWays(R"J({"body.$": "$", "kind": "report", "n.$": "$.n"})J", R"J({"n": 1})J");
}

TEST(RenderInPlace, NewKeysLargeTemplatesAndAnInputWithOnlyTheNamedMembers) {
  expectSameBothWays(R"J({"i.$": "$.i", "fresh": 1, "copy.$": "$.i"})J", R"J({"i": 1})J");
  expectSameBothWays(R"J({"i.$": "States.MathAdd($.i, 1)", "limit.$": "$.limit"})J",
                     R"J({"i": 1, "limit": 10})J");
  // More members than the values kept on the stack.
  expectSameBothWays(R"J({"a.$": "$.a", "b.$": "$.b", "c.$": "$.c", "d.$": "$.d", "e.$": "$.e",
                          "f.$": "$.f", "g.$": "$.g", "h.$": "$.h", "i.$": "$.i", "j": 10,
                          "k.$": "States.MathAdd($.a, 1)"})J",
                     R"J({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9, "z": 0})J");
}

// One member computed and the rest kept is stored without staging: it must
// still read the intact input and fail like an ordinary render, with a kept
// member missing, a second computed one, members to drop, or more members
// than the stack holds.
TEST(RenderInPlace, OneComputedMemberAndTheRestKept) {
  const char* counter = R"J({"i.$": "States.MathAdd($.i, 1)", "limit.$": "$.limit"})J";
  expectSameBothWays(counter, R"J({"i": 1, "limit": 10})J");
  expectSameBothWays(counter, R"J({"limit": 10, "i": 2147483647})J");
  expectSameBothWays(counter, R"J({"i": "one", "limit": 10})J");   // IntrinsicFailure
  expectSameBothWays(counter, R"J({"j": 1, "limit": 10})J");       // $.i missing: States.Runtime
  expectSameBothWays(counter, R"J({"i": 1, "other": 10})J");       // limit missing
  expectSameBothWays(R"J({"i.$": "$.limit", "limit.$": "$.i"})J", R"J({"i": 1, "limit": 10})J");  // swapped
  expectSameBothWays(R"J({"a.$": "$.a", "b.$": "$.b", "c.$": "$.c", "d.$": "$.d", "e.$": "$.e", "f.$": "$.f",
                          "g.$": "$.g", "h.$": "$.h", "i.$": "$.i", "n.$": "States.MathAdd($.n, 1)"})J",
                     R"J({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9, "n": 0})J");
  expectSameBothWays(R"J({"x.$": "$.x.y", "keep.$": "$.keep"})J", R"J({"x": {"y": [1]}, "keep": true})J");
}

// Members are matched by walking the template's keys and the object's in key
// order: unnamed members before, between and after the named ones, keys that
// are prefixes of others, and bytes above 0x7f (ordered as unsigned).
TEST(RenderInPlace, MatchesMembersInKeyOrder) {
  expectSameBothWays(R"J({"b.$": "$.b", "d.$": "States.MathAdd($.b, 1)"})J",
                     R"J({"a": 1, "b": 2, "c": [3], "d": 4, "e": {"f": 5}})J");
  expectSameBothWays(R"J({"ab.$": "$.ab", "a.$": "$.abc", "abc": 0})J", R"J({"a": 1, "ab": 2, "abc": 3, "abd": 4})J");
  expectSameBothWays(R"J({"é.$": "$.z", "z.$": "$['é']"})J", R"J({"z": 1, "é": 2, "y": 3})J");
  expectSameBothWays(R"J({"new.$": "$.a", "a.$": "$.a"})J", R"J({"a": 1, "b": 2})J");
}

// A selected scalar or string is bounded on its own, escapes included, so a
// template copying several of them does not count the input each time.
TEST(RenderInPlace, SelectedScalarsAreBoundedOnTheirOwn) {
  std::string text = "{\"s\": \"\\u0001\\\"\\\\" + std::string(300, 'x') + R"J(", "n": -12345678901234, "f": 1.5e300,
                        "t": true, "z": null})J";
  const char* tmpl = R"J({"a.$": "$.s", "b.$": "$.n", "c.$": "$.f", "d.$": "$.t", "e.$": "$.z", "g.$": "$.s"})J";
  expectSameBothWays(tmpl, text.c_str());
  Json parsed = Json::parse(text);
  Rendered plain = renderOnce(compileOk(tmpl), parsed, false);
  EXPECT_LT(plain.bound.bytes, 6 * serializedSize(parsed));  // not once per member
}

TEST(RenderInPlace, KeptMembersCountTheInputBoundOnce) {
  const char* tmpl = R"J({"a.$": "$.a", "b.$": "$.b", "c.$": "$.c", "n.$": "States.MathAdd($.n, 1)"})J";
  std::string input = R"J({"a": ")J" + std::string(100, 'a') + R"J(", "b": ")J" + std::string(100, 'b') +
                      R"J(", "c": ")J" + std::string(100, 'c') + R"J(", "n": 1})J";
  expectSameBothWays(tmpl, input.c_str());
  Json parsed = Json::parse(input);
  Rendered reused = renderOnce(compileOk(tmpl), parsed, true);
  EXPECT_LT(reused.bound.bytes, 2 * serializedSize(parsed));  // not three times the input
}

// Values selected from disjoint parts of the input are no larger together
// than the input, and are bounded as such; overlapping selections are not.
TEST(RenderInPlace, DisjointSelectionsCountTheInputBoundOnce) {
  std::string input = R"J({"a": {"s": ")J" + std::string(100, 'a') + R"J("}, "b": [")J" + std::string(100, 'b') +
                      R"J("], "c": {"d": {"s": ")J" + std::string(100, 'c') + R"J("}}, "n": 1})J";
  const char* disjoint = R"J({"x.$": "$.a", "y": {"w.$": "$.b"}, "z.$": "$.c.d", "n.$": "$.n"})J";
  expectSameBothWays(disjoint, input.c_str());
  Json parsed = Json::parse(input);
  for (bool reuse : {false, true}) {
    Rendered r = renderOnce(compileOk(disjoint), parsed, reuse);
    EXPECT_LT(r.bound.bytes, 2 * serializedSize(parsed)) << reuse;  // not once per selection
  }
  expectSameBothWays(R"J({"x.$": "$.c", "y.$": "$.c.d", "z.$": "$.c.d.s"})J", input.c_str());  // overlapping
  expectSameBothWays(R"J({"x.$": "$.a", "y.$": "$.a"})J", input.c_str());
}

// One compiled template over inputs whose members change place, go missing
// or come and go: where a key was found last time is only a guess.
TEST(RenderInPlace, OneTemplateOverInputsOfChangingShape) {
  PayloadTemplate t = compileOk(R"J({"i.$": "States.MathAdd($.i, 1)", "a.$": "$.a", "b.$": "$.b"})J");
  const char* inputs[] = {
      R"J({"x": 0, "b": 2, "a": 1, "i": 0})J", R"J({"b": 2, "a": 1, "i": 0})J",
      R"J({"a": 1, "b": 2, "i": 0})J",         R"J({"i": 0, "a": 1, "b": 2})J",
      R"J({"x": 0, "y": 0, "i": 0, "a": 1})J", R"J({"b": 2, "a": 1, "i": 0})J",
      R"J({"i": 0, "b": [2], "a": {"k": 1}, "z": 9})J",
  };
  for (int round = 0; round < 2; ++round)
    for (const char* text : inputs) {
      Json input = Json::parse(text);
      Failure expectedFailure;
      std::optional<Json> expected = t.render(EvalContext{&input, nullptr, nullptr, nullptr}, "Parameters", &expectedFailure);
      RenderOptions options;
      options.reuse = &input;
      Failure failure;
      Json out;
      bool ok = t.renderInto(out, EvalContext{&input, nullptr, nullptr, nullptr}, "Parameters", &failure, options);
      ASSERT_EQ(ok, expected.has_value()) << text;
      if (ok) EXPECT_EQ(out.dump(), expected->dump()) << text;
      else EXPECT_EQ(failure.cause, expectedFailure.cause) << text;
    }
}

TEST(RenderInPlace, MovesTheWholeInputIntoAnEnvelope) {
  expectSameBothWays(R"J({"body.$": "$", "kind": "report", "n.$": "States.ArrayLength($.list)"})J",
                     R"J({"list": [1, 2, 3]})J");
  expectSameBothWays(R"J({"body.$": "$", "first.$": "$[0]"})J", R"J([4, 5])J");
}

TEST(RenderInPlace, ErrorsAreThoseOfAnOrdinaryRender) {
  expectSameBothWays(R"J({"i.$": "$.i", "missing.$": "$.missing"})J", R"J({"i": 1})J");
  expectSameBothWays(R"J({"i.$": "$.i"})J", R"J([1, 2])J");
  expectSameBothWays(R"J({"i.$": "$.i"})J", R"J("text")J");
}

// Renders into the input itself and returns the result.
Json renderInPlace(const PayloadTemplate& t, Json& input) {
  RenderOptions options;
  options.reuse = &input;
  Failure failure;
  Json out;
  EXPECT_TRUE(t.renderInto(out, EvalContext{&input, nullptr, nullptr, nullptr}, "Parameters", &failure, options))
      << failure.cause.value_or("");
  return out;
}

// A value the template nests elsewhere ("doc": {"w.$": "$.doc"}) is moved out
// of the dead input, not copied: a loop wrapping its input was quadratic.
TEST(RenderInPlace, MovesNestedValuesOutOfTheInput) {
  PayloadTemplate t = compileOk(R"J({"doc": {"w.$": "$.doc"}, "list": ["$.x", {"k.$": "$.x.list"}],
                                    "n.$": "$.n"})J");
  Json input = Json::parse(R"J({"doc": {"a": [1, 2]}, "x": {"list": [3]}, "n": 1})J");
  const Json::object_t* docBefore = &input["doc"].get_ref<const Json::object_t&>();
  const Json::array_t* listBefore = &input["x"]["list"].get_ref<const Json::array_t&>();
  Json out = renderInPlace(t, input);
  EXPECT_EQ(out.dump(), R"J({"doc":{"w":{"a":[1,2]}},"list":["$.x",{"k":[3]}],"n":1})J");
  EXPECT_EQ(&out["doc"]["w"].get_ref<const Json::object_t&>(), docBefore);
  EXPECT_EQ(&out["list"][1]["k"].get_ref<const Json::array_t&>(), listBefore);
  expectSameBothWays(R"J({"doc": {"w.$": "$.doc"}, "list": ["$.x", {"k.$": "$.x.list"}], "n.$": "$.n"})J",
                     R"J({"doc": {"a": [1, 2]}, "x": {"list": [3]}, "n": 1})J");
}

// Two reads of one value, or of a value and a part of it, are copies: moving
// either would leave the other a null.
TEST(RenderInPlace, CopiesValuesReadTwice) {
  const char* tmpls[] = {
      R"J({"a": {"w.$": "$.doc"}, "b": {"w.$": "$.doc"}})J",
      R"J({"a": {"w.$": "$.doc"}, "b": {"w.$": "$.doc.x"}})J",
      R"J({"a": {"w.$": "$.doc.x"}, "n.$": "States.ArrayLength($.doc.x)"})J",
      R"J({"a": {"w.$": "$.doc.x[0]"}, "b.$": "$.doc.x[*]"})J",
      R"J({"a": {"w.$": "$.doc.x[0]"}, "b.$": "$..x"})J",
      R"J({"a": {"w.$": "$.doc"}, "doc.$": "$.doc"})J",
      R"J({"a": {"w.$": "$.doc"}, "all.$": "$"})J",
  };
  for (const char* tmpl : tmpls) {
    PayloadTemplate t = compileOk(tmpl);
    const Json original = Json::parse(R"J({"doc": {"x": [1]}})J");
    Json expected = *t.render(EvalContext{&original}, "Parameters", nullptr);
    Json input = original;
    EXPECT_EQ(renderInPlace(t, input), expected) << tmpl;
  }
}

// A failure after a value was found to move quotes the whole input, as AWS does.
TEST(RenderInPlace, AFailureAfterAMoveQuotesTheWholeInput) {
  expectSameBothWays(R"J({"a": {"w.$": "$.doc"}, "b.$": "$.missing"})J", R"J({"doc": {"x": [1]}})J");
  expectSameBothWays(R"J({"a": {"w.$": "$.doc"}, "b.$": "States.MathAdd($.doc2, 1)"})J",
                     R"J({"doc": {"x": [1]}, "doc2": "two"})J");
  expectSameBothWays(R"J({"a.$": "$.doc", "b.$": "$.missing"})J", R"J({"doc": {"x": [1]}})J");
}

// JsonMerge takes a document only it reads out of the dead input instead of
// copying it (its members' nodes move into the result), whether the result
// goes back under the document's own key or another.
TEST(RenderInPlace, JsonMergeTakesADocumentOnlyItReads) {
  const char* tmpls[] = {
      R"J({"doc.$": "States.JsonMerge($.doc, $.patch, false)", "i.$": "$.i"})J",
      R"J({"i.$": "$.i", "merged.$": "States.JsonMerge($.doc, $.patch, false)", "p.$": "$.other"})J",
  };
  for (const char* tmpl : tmpls) {
    PayloadTemplate t = compileOk(tmpl);
    Json input = Json::parse(R"J({"i": 1, "doc": {"list": [1, 2], "h": "old"}, "patch": {"h": "new"}, "other": 2})J");
    const Json::array_t* listBefore = &input["doc"]["list"].get_ref<const Json::array_t&>();
    Json expected = *t.render(EvalContext{&input}, "Parameters", nullptr);
    Json out = renderInPlace(t, input);
    EXPECT_EQ(out, expected) << tmpl;
    const Json& merged = out.contains("doc") ? out["doc"] : out["merged"];
    EXPECT_EQ(merged.dump(), R"J({"h":"new","list":[1,2]})J");
    EXPECT_EQ(&merged["list"].get_ref<const Json::array_t&>(), listBefore) << tmpl;  // moved, not copied
    expectSameBothWays(tmpl, R"J({"i": 1, "doc": {"list": [1, 2], "h": "old"}, "patch": {"h": "new"}, "other": 2})J");
  }
}

// A document something else reads too is copied, never taken.
TEST(RenderInPlace, JsonMergeCopiesADocumentReadElsewhere) {
  const char* tmpls[] = {
      R"J({"m.$": "States.JsonMerge($.doc, $.patch, false)", "doc.$": "$.doc"})J",
      R"J({"m.$": "States.JsonMerge($.doc, $.patch, false)", "n.$": "States.ArrayLength($.doc.list)"})J",
      R"J({"m.$": "States.JsonMerge($.doc, $.doc, false)"})J",
      R"J({"m.$": "States.JsonMerge($.doc, $.patch, false)", "w": {"all.$": "$"}})J",
      R"J({"m.$": "States.JsonMerge($.doc, $.patch, false)", "l.$": "$..list"})J",
      R"J({"a.$": "States.JsonMerge($.doc, $.patch, false)", "b.$": "States.JsonMerge($.patch, $.doc, false)"})J",
  };
  for (const char* tmpl : tmpls) {
    PayloadTemplate t = compileOk(tmpl);
    const Json original = Json::parse(R"J({"doc": {"list": [1, 2]}, "patch": {"x": 1}})J");
    Json expected = *t.render(EvalContext{&original}, "Parameters", nullptr);
    Json input = original;
    EXPECT_EQ(renderInPlace(t, input), expected) << tmpl;
  }
}

// The merge renders after the other fields, yet the failure reported is
// still the first field's in template order, and every cause quotes the
// whole input.
TEST(RenderInPlace, JsonMergeFailuresComeInTemplateOrder) {
  const char* input = R"J({"doc": {"a": 1}, "patch": {"b": 2}, "text": "t"})J";
  expectSameBothWays(R"J({"m.$": "States.JsonMerge($.doc, $.text, false)", "x.$": "$.missing"})J", input);
  expectSameBothWays(R"J({"m.$": "States.JsonMerge($.doc, $.patch, false)", "x.$": "$.missing"})J", input);
  expectSameBothWays(R"J({"x.$": "$.missing", "m.$": "States.JsonMerge($.doc, $.text, false)"})J", input);
  expectSameBothWays(R"J({"m.$": "States.JsonMerge($.doc, $.patch, true)", "y.$": "$.text"})J", input);
  expectSameBothWays(R"J({"m.$": "States.JsonMerge($.doc, $.nothing, false)", "y.$": "$.text"})J", input);
  Rendered first = renderOnce(compileOk(R"J({"m.$": "States.JsonMerge($.doc, $.text, false)", "x.$": "$.missing"})J"),
                              Json::parse(input), true);
  EXPECT_EQ(first.failure.error, "States.IntrinsicFailure");
  Rendered later = renderOnce(compileOk(R"J({"m.$": "States.JsonMerge($.doc, $.patch, false)", "x.$": "$.missing"})J"),
                              Json::parse(input), true);
  EXPECT_EQ(later.failure.error, "States.Runtime");
  EXPECT_NE(later.failure.cause.value_or("").find(R"J("doc":{"a":1})J"), std::string::npos) << *later.failure.cause;
}

// Templates drawn at random from fields that merge, select, fail and
// overlap render the same in place as copied, failures included.
TEST(RenderInPlace, RandomMergeTemplatesAgreeWithAnOrdinaryRender) {
  const char* operands[] = {"$.doc", "$.patch", "$.text", "$.missing", "$.doc.inner", "$.list"};
  const char* others[] = {R"J("$.doc")J", R"J("$.doc.inner")J", R"J("$.missing")J", R"J("$.text")J",
                          R"J("States.ArrayLength($.list)")J", R"J("States.JsonToString($.patch)")J"};
  const char* inputs[] = {R"J({"doc": {"a": 1, "inner": {"x": [1]}}, "patch": {"a": 2, "b": 3}, "text": "t",
                              "list": [1, 2]})J",
                          R"J({"doc": {"inner": {}}, "patch": {"inner": 0}, "list": []})J"};
  std::mt19937 rng(16);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  for (int round = 0; round < 400; ++round) {
    std::string tmpl = "{";
    size_t fields = 1 + pick(4);
    for (size_t f = 0; f < fields; ++f) {
      if (f) tmpl += ", ";
      tmpl += "\"f" + std::to_string(f) + ".$\": ";
      if (pick(2) == 0) {
        tmpl += std::string("\"States.JsonMerge(") + operands[pick(6)] + ", " + operands[pick(6)] + ", " +
                (pick(8) == 0 ? "true" : "false") + ")\"";
      } else {
        tmpl += others[pick(6)];
      }
    }
    tmpl += "}";
    expectSameBothWays(tmpl.c_str(), inputs[pick(2)]);
  }
}

// The depth bound follows the template: members kept or copied at their
// own level add nothing (a loop's depth bound must not grow each
// iteration), a value nested one level deeper adds one.
TEST(RenderInPlace, DepthBoundsFollowTheTemplate) {
  const char* input = R"J({"i": 1, "doc": {"a": [1]}})J";  // 3 levels
  Rendered kept = renderOnce(compileOk(R"J({"i.$": "States.MathAdd($.i, 1)", "doc.$": "$.doc"})J"),
                             Json::parse(input), true);
  EXPECT_EQ(kept.bound.depth, 3u);
  Rendered copied = renderOnce(compileOk(R"J({"n.$": "$.i", "d.$": "$.doc.a"})J"), Json::parse(input), false);
  EXPECT_EQ(copied.bound.depth, 2u);
  Rendered wrapped = renderOnce(compileOk(R"J({"w": {"doc.$": "$.doc"}, "lit": [[[]]]})J"), Json::parse(input), true);
  EXPECT_EQ(wrapped.bound.depth, 4u);
  EXPECT_EQ(measure(*wrapped.value).depth, 4u);
  // A large computed value's depth is walked, not guessed from its size
  // (which would send every state's exit walking the whole output).
  std::string flat = "[";
  for (int i = 0; i < 1000; ++i) flat += std::to_string(i) + ",";
  flat += "0]";
  Json big = Json::parse(R"J({"text": "x"})J");
  big["text"] = flat;
  Rendered parsed = renderOnce(compileOk(R"J({"list.$": "States.StringToJson($.text)"})J"), big, false);
  EXPECT_EQ(parsed.bound.depth, 2u);
}

TEST(RenderInPlace, ReusesOnlyTheGivenInput) {
  PayloadTemplate t = compileOk(R"J({"i.$": "$.i"})J");
  Json input = Json::parse(R"J({"i": 1, "j": 2})J");
  Json other = input;
  RenderOptions options;
  options.reuse = &other;  // not the EvalContext's input: ignored
  auto out = t.render(EvalContext{&input}, "Parameters", nullptr, options);
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, Json::parse(R"J({"i": 1})J"));
  EXPECT_EQ(other, input);
}

}  // namespace
}  // namespace aslrt
