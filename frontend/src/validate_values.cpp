// Value types of the fields most states share (Comment, Next, End, Default,
// Task timeouts, Assign). Fields with their own rule family
// (paths, templates, Choice rules...) are checked in their own files.
#include "aslc/frontend/validate.h"

namespace aslc::validate_detail {
namespace {

void expectStringField(StateCtx& s, const char* key) {
  if (const JNode* v = s.get(key))
    expectKind(s.ck, *v, JNode::Kind::String, s.at(key), (std::string("'") + key + "'").c_str());
}

void checkEnd(StateCtx& s) {
  if (const JNode* end = s.get("End")) expectKind(s.ck, *end, JNode::Kind::Bool, s.at("End"), "'End'");
}

void checkAssign(StateCtx& s) {
  if (const JNode* assign = s.get("Assign"))
    expectKind(s.ck, *assign, JNode::Kind::Object, s.at("Assign"), "'Assign'");
}

// The ASL spec: "HeartbeatSeconds ... MUST be smaller than TimeoutSeconds";
// a heartbeat that can never arrive in time is a definition error.
void checkHeartbeatBelowTimeout(StateCtx& s) {
  const JNode* heartbeat = s.get("HeartbeatSeconds");
  const JNode* timeout = s.get("TimeoutSeconds");
  if (!heartbeat || !timeout || !heartbeat->isInteger() || !timeout->isInteger()) return;
  if (heartbeat->scalar.get<double>() < timeout->scalar.get<double>()) return;
  s.ck.error(heartbeat->begin, "heartbeat-timeout",
             "'HeartbeatSeconds' must be smaller than 'TimeoutSeconds'", s.at("HeartbeatSeconds"));
}

}  // namespace

void checkStateValues(StateCtx& s) {
  expectStringField(s, "Comment");
  expectStringField(s, "Next");
  expectStringField(s, "Default");
  checkEnd(s);
  // AWS caps Task timeouts at 99999999 seconds and requires them positive.
  checkIntegerField(s, "TimeoutSeconds", 1, 99999999);
  checkIntegerField(s, "HeartbeatSeconds", 1, 99999999);
  checkHeartbeatBelowTimeout(s);
  checkAssign(s);
}

}  // namespace aslc::validate_detail
