#include "callback_server.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "aslrt/json.h"
#include "callback_registry.h"
#include "aslrt/json_parse.h"

namespace aslrt {
namespace {

// A request line longer than this closes the connection (SendTaskSuccess's
// output is at most 256 KiB in AWS; JSON escaping can double it).
constexpr size_t kMaxLine = 8u << 20;

std::string gPath, gPrivateDir;
int gListenFd = -1;
// Requests being answered: stop() lets them finish, so a reply that ended the
// execution still gets its "ok" before the process exits.
std::mutex gInFlightMutex;
std::condition_variable gInFlightCv;
int gInFlight = 0;

bool socketAddress(const std::string& path, sockaddr_un* addr, std::string* error) {
  std::memset(addr, 0, sizeof *addr);
  addr->sun_family = AF_UNIX;
  if (path.size() >= sizeof addr->sun_path) {
    *error = "callback socket path '" + path + "' is longer than " + std::to_string(sizeof addr->sun_path - 1) +
             " bytes";
    return false;
  }
  std::memcpy(addr->sun_path, path.c_str(), path.size());
  return true;
}

bool sendAll(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

std::string answer(const std::string& line) {
  Json request = aslrt::parseJson(line);
  Json response = request.is_discarded()
                      ? Json{{"ok", false}, {"error", "ValidationException"}, {"message", "the request is not JSON"}}
                      : CallbackRegistry::instance().handle(request);
  return response.dump() + "\n";
}

void serveConnection(int fd) {
  std::string buffer;
  char chunk[65536];
  for (;;) {
    size_t newline;
    while ((newline = buffer.find('\n')) != std::string::npos) {
      std::string line = buffer.substr(0, newline);
      buffer.erase(0, newline + 1);
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      {
        std::lock_guard<std::mutex> lock(gInFlightMutex);
        ++gInFlight;
      }
      bool sent = sendAll(fd, answer(line));
      {
        std::lock_guard<std::mutex> lock(gInFlightMutex);
        --gInFlight;
      }
      gInFlightCv.notify_all();
      if (!sent) {
        ::close(fd);
        return;
      }
    }
    if (buffer.size() > kMaxLine) break;
    ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    buffer.append(chunk, static_cast<size_t>(n));
  }
  ::close(fd);
}

void acceptLoop(int listenFd) {
  for (;;) {
    int fd = ::accept4(listenFd, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      return;  // the socket was closed (stop)
    }
    std::thread(serveConnection, fd).detach();
  }
}

// True when something answers on `path` (a live executable owns it).
bool someoneListens(const sockaddr_un& addr) {
  int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  bool live = ::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return live;
}

bool makePrivateDirectory(std::string* dir, std::string* error) {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/aslc-XXXXXX";
  if (!::mkdtemp(pattern.data())) {
    *error = "cannot create a private directory for the callback socket (" + pattern + "): " + std::strerror(errno);
    return false;
  }
  *dir = pattern;
  return true;
}

}  // namespace

bool CallbackServer::start(const std::string& requested, std::string* error) {
  std::string path = requested;
  if (path.empty()) {
    if (!makePrivateDirectory(&gPrivateDir, error)) return false;
    path = gPrivateDir + "/callback.sock";
  }
  sockaddr_un addr;
  if (!socketAddress(path, &addr, error)) return false;
  struct stat st;
  if (::lstat(path.c_str(), &st) == 0) {
    if (!S_ISSOCK(st.st_mode)) {
      *error = "callback socket path '" + path + "' exists and is not a socket";
      return false;
    }
    if (someoneListens(addr)) {
      *error = "callback socket '" + path + "' is in use by another process";
      return false;
    }
    ::unlink(path.c_str());  // left by a process that has gone
  }
  // Bound and listening under a temporary name, then renamed: the socket
  // appears only once it accepts connections, so a client that waits for the
  // file never mistakes it for a dead one.
  std::string staging = path + ".tmp" + std::to_string(::getpid());
  sockaddr_un stagingAddr;
  if (!socketAddress(staging, &stagingAddr, error)) return false;
  ::unlink(staging.c_str());
  int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  // Only this user may connect: a token is a capability, and so is the socket.
  mode_t old = ::umask(0177);
  bool bound = fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&stagingAddr), sizeof stagingAddr) == 0;
  ::umask(old);
  if (!bound || ::listen(fd, 64) != 0 || ::rename(staging.c_str(), path.c_str()) != 0) {
    *error = "cannot listen on callback socket '" + path + "': " + std::strerror(errno);
    ::unlink(staging.c_str());
    if (fd >= 0) ::close(fd);
    return false;
  }
  gPath = path;
  gListenFd = fd;
  std::thread(acceptLoop, fd).detach();
  return true;
}

const std::string& CallbackServer::path() { return gPath; }

void CallbackServer::stop() {
  if (gPath.empty()) return;
  ::unlink(gPath.c_str());
  if (!gPrivateDir.empty()) ::rmdir(gPrivateDir.c_str());
  ::shutdown(gListenFd, SHUT_RDWR);  // ends accept(); the fd stays open so no thread sees a reused number
  CallbackRegistry::instance().endPolls();
  std::unique_lock<std::mutex> lock(gInFlightMutex);
  gInFlightCv.wait_for(lock, std::chrono::seconds(2), [] { return gInFlight == 0; });
  gPath.clear();
  gPrivateDir.clear();
}

bool callbackRequest(const std::string& socketPath, const std::string& requestLine, std::string* responseLine,
                     std::string* error) {
  sockaddr_un addr;
  if (!socketAddress(socketPath, &addr, error)) return false;
  int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0 || ::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    *error = "cannot connect to the callback socket '" + socketPath + "': " + std::strerror(errno) +
             " (is the execution still running?)";
    if (fd >= 0) ::close(fd);
    return false;
  }
  bool sent = sendAll(fd, requestLine + "\n");
  std::string buffer;
  char chunk[65536];
  while (sent && buffer.find('\n') == std::string::npos) {
    ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    buffer.append(chunk, static_cast<size_t>(n));
  }
  ::close(fd);
  size_t newline = buffer.find('\n');
  if (newline == std::string::npos) {
    *error = "the execution closed the callback socket '" + socketPath + "' without answering (it has ended)";
    return false;
  }
  *responseLine = buffer.substr(0, newline);
  return true;
}

}  // namespace aslrt
