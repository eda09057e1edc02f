#include "aslc/frontend/json_loader.h"

#include <string>
#include <unordered_set>

namespace aslc {
namespace {

constexpr size_t kMaxDepth = 256;

// Recovers token offsets: every SAX event's token is the next one after
// whitespace and separators, because events arrive in document order.
class SpanCursor {
 public:
  // A UTF-8 byte-order mark, which the parser skips, is skipped here too:
  // otherwise every token after it would be found one quote off.
  explicit SpanCursor(const std::string& text) : text_(text), pos_(text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0) {}

  uint32_t nextToken() {
    while (pos_ < text_.size() && isSkippable(text_[pos_])) ++pos_;
    return static_cast<uint32_t>(pos_);
  }
  uint32_t skipPunct() {  // '{' '[' '}' ']'
    uint32_t at = nextToken();
    ++pos_;
    return at;
  }
  uint32_t skipString() {
    uint32_t at = nextToken();
    ++pos_;  // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
    ++pos_;
    return at;
  }
  uint32_t skipBare() {  // numbers, true, false, null
    uint32_t at = nextToken();
    while (pos_ < text_.size() && !isSkippable(text_[pos_]) && !isCloser(text_[pos_])) ++pos_;
    return at;
  }
  uint32_t position() const { return static_cast<uint32_t>(pos_); }

 private:
  static bool isSkippable(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':';
  }
  static bool isCloser(char c) { return c == '}' || c == ']'; }
  const std::string& text_;
  size_t pos_ = 0;
};

class TreeBuilder : public nlohmann::json_sax<aslrt::Json> {
 public:
  TreeBuilder(const SourceBuffer& source, Diagnostics& diags)
      : source_(source), diags_(diags), cursor_(source.text()) {}

  std::optional<JNode> result;

  bool null() override { return scalar(JNode::Kind::Null, nullptr); }
  bool boolean(bool v) override { return scalar(JNode::Kind::Bool, v); }
  bool number_integer(number_integer_t v) override { return scalar(JNode::Kind::Number, v); }
  bool number_unsigned(number_unsigned_t v) override { return scalar(JNode::Kind::Number, v); }
  bool number_float(number_float_t v, const string_t&) override {
    return scalar(JNode::Kind::Number, v);
  }
  bool string(string_t& v) override {
    JNode node;
    node.kind = JNode::Kind::String;
    node.begin = cursor_.skipString();
    node.end = cursor_.position();
    node.scalar = std::move(v);
    return place(std::move(node));
  }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return open(JNode::Kind::Object); }
  bool start_array(std::size_t) override { return open(JNode::Kind::Array); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& k) override {
    Frame& frame = stack_.back();
    uint32_t at = cursor_.skipString();
    if (!frame.seenKeys.insert(k).second)
      diags_.error(at, "duplicate-key", "duplicate key '" + k + "' in object");
    frame.pendingKey = std::move(k);
    frame.pendingKeyOffset = at;
    return true;
  }

  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    uint32_t offset = position == 0 ? 0 : static_cast<uint32_t>(position - 1);
    if (offset > source_.text().size()) offset = static_cast<uint32_t>(source_.text().size());
    diags_.error(offset, "json-syntax", cleanMessage(ex.what()));
    return false;
  }

 private:
  struct Frame {
    JNode node;
    std::string pendingKey;
    uint32_t pendingKeyOffset = 0;
    std::unordered_set<std::string> seenKeys;
  };

  static std::string cleanMessage(const std::string& what) {
    // nlohmann says "[json.exception.parse_error.101] parse error at line 1, column 5: syntax
    // error while parsing value - ..."; the location is ours to print, so keep the reason.
    size_t colon = what.find(": ");
    std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
    return "invalid JSON: " + reason;
  }

  bool scalar(JNode::Kind kind, aslrt::Json value) {
    JNode node;
    node.kind = kind;
    node.begin = cursor_.skipBare();
    node.end = cursor_.position();
    node.scalar = std::move(value);
    return place(std::move(node));
  }

  bool open(JNode::Kind kind) {
    if (stack_.size() >= kMaxDepth) {
      diags_.error(cursor_.nextToken(), "json-syntax", "JSON nested deeper than 256 levels");
      return false;
    }
    Frame frame;
    frame.node.kind = kind;
    frame.node.begin = cursor_.skipPunct();
    stack_.push_back(std::move(frame));
    return true;
  }

  bool close() {
    JNode node = std::move(stack_.back().node);
    stack_.pop_back();
    cursor_.skipPunct();
    node.end = cursor_.position();
    return place(std::move(node));
  }

  bool place(JNode node) {
    if (stack_.empty()) {
      result = std::move(node);
      return true;
    }
    Frame& parent = stack_.back();
    if (parent.node.kind == JNode::Kind::Array) {
      parent.node.elements.push_back(std::move(node));
      return true;
    }
    parent.node.members.push_back({std::move(parent.pendingKey), parent.pendingKeyOffset, std::move(node)});
    return true;
  }

  const SourceBuffer& source_;
  Diagnostics& diags_;
  SpanCursor cursor_;
  std::vector<Frame> stack_;
};

}  // namespace

std::optional<JNode> loadJson(const SourceBuffer& source, Diagnostics& diags) {
  // nlohmann's lexer takes a NUL byte for the end of the text: what follows
  // would be ignored unseen (or reported as an unexpected end).
  if (size_t nul = source.text().find('\0'); nul != std::string::npos) {
    diags.error(static_cast<uint32_t>(nul), "json-syntax", "invalid JSON: a NUL byte, which JSON text cannot contain");
    return std::nullopt;
  }
  TreeBuilder builder(source, diags);
  bool ok = aslrt::Json::sax_parse(source.text(), &builder, nlohmann::json::input_format_t::json, true);
  if (!ok || !builder.result) return std::nullopt;
  return std::move(builder.result);
}

}  // namespace aslc
