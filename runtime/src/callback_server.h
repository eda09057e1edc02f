// The local callback interface: a Unix socket on which other processes send
// SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat and poll with
// GetActivityTask, one JSON object per line each way (docs/BINDINGS.md,
// "Callbacks and activities"). A listener thread accepts connections; each
// connection gets a thread of its own (GetActivityTask long-polls), and every
// request goes to CallbackRegistry::handle. Nothing here runs on the
// scheduler's thread, so no fiber ever blocks on the socket.
#pragma once
#include <string>

namespace aslrt {

// The environment variable that tells bound commands (and aslc
// send-task-success & co.) where the socket is.
inline constexpr const char* kCallbackSocketEnv = "ASLC_CALLBACK_SOCKET";

class CallbackServer {
 public:
  // Listens on `path`, or, when empty, on a socket in a new private directory
  // (mkdtemp under $TMPDIR or /tmp, mode 0700). A socket file left by a dead
  // process is replaced; one that answers is an error ("in use").
  static bool start(const std::string& path, std::string* error);
  // The socket's path once started, else "".
  static const std::string& path();
  // Removes the socket (and the private directory); call before exiting.
  static void stop();
};

// Client side (aslc send-task-success & co.): one request, one response line.
// False with *error when the socket cannot be reached or the answer is not JSON.
bool callbackRequest(const std::string& socketPath, const std::string& requestLine, std::string* responseLine,
                     std::string* error);

}  // namespace aslrt
