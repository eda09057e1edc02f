#include "task_command.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

#include "callback_server.h"

extern char** environ;

namespace aslrt {
namespace {

// The command and every process it started (it leads its own group).
void killGroup(pid_t pid) { kill(-pid, SIGKILL); }

constexpr size_t kErrTailBytes = 4096;

struct Pipes {
  int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1};
  // O_CLOEXEC: a command started at the same time by another worker must not
  // inherit these ends, or this child's stdout would never reach EOF.
  bool open() { return pipe2(in, O_CLOEXEC) == 0 && pipe2(out, O_CLOEXEC) == 0 && pipe2(err, O_CLOEXEC) == 0; }
  void closeAll() {
    for (int* fd : {&in[0], &in[1], &out[0], &out[1], &err[0], &err[1]})
      if (*fd >= 0) close(*fd), *fd = -1;
  }
};

std::vector<std::string> environmentOf(const CommandSpec& spec) {
  std::vector<std::string> env;
  if (spec.inheritEnvironment)
    for (char** e = environ; *e; ++e) {
      std::string entry = *e;
      if (!spec.env.count(entry.substr(0, entry.find('=')))) env.push_back(entry);
    }
  for (auto& [name, value] : spec.env) env.push_back(name + "=" + value);
  // The callback socket reaches the command even with an empty environment,
  // so it can answer the token it was given (docs/BINDINGS.md).
  const std::string& socket = CallbackServer::path();
  if (!spec.inheritEnvironment && !socket.empty() && !spec.env.count(kCallbackSocketEnv))
    env.push_back(std::string(kCallbackSocketEnv) + "=" + socket);
  return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

int spawnChild(const CommandSpec& spec, Pipes& p, pid_t* pid) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, p.in[0], 0);
  posix_spawn_file_actions_adddup2(&actions, p.out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, p.err[1], 2);
  if (!spec.cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, spec.cwd.c_str());
  // The worker blocks SIGPIPE for itself; the child starts with a clean mask
  // and default dispositions.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, pipeOnly;
  sigemptyset(&none);
  sigemptyset(&pipeOnly);
  sigaddset(&pipeOnly, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &pipeOnly);
  // Its own process group, so that a kill reaches what it started too
  // (`sh -c "sleep 8; ..."`: the sleep holds the output pipes open).
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);
  std::vector<std::string> argv = spec.argv, env = environmentOf(spec);
  std::vector<char*> cargv = pointers(argv), cenv = pointers(env);
  int rc = posix_spawnp(pid, cargv[0], &actions, &attr, cargv.data(), cenv.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  return rc;
}

// One read from the child's stdout (kept) or stderr (passed through, and
// its end kept for a failure's cause); closes the end at EOF.
void drain(int& fd, bool isStdout, CommandResult& r) {
  char buf[65536];
  ssize_t n = read(fd, buf, sizeof buf);
  if (n <= 0) {
    if (n == 0 || errno != EINTR) close(fd), fd = -1;
    return;
  }
  if (isStdout) return void(r.out.append(buf, n));
  ssize_t ignored = write(2, buf, n);
  (void)ignored;
  r.errTail.append(buf, n);
  if (r.errTail.size() > kErrTailBytes) r.errTail.erase(0, r.errTail.size() - kErrTailBytes);
}

// One non-blocking write of the rest of the input; closes stdin when done
// or when the child stopped reading.
void feed(int& fd, const std::string& input, size_t& written) {
  ssize_t n = write(fd, input.data() + written, input.size() - written);
  if (n > 0) written += n;
  if ((n < 0 && errno != EINTR && errno != EAGAIN) || written == input.size()) close(fd), fd = -1;
}

// Feeds stdin and drains stdout/stderr together (either side may fill a
// pipe) until both outputs close or the deadline passes.
void exchange(Pipes& p, const std::string& input, CommandResult& r, std::optional<int64_t> timeoutMicros) {
  using Clock = std::chrono::steady_clock;
  auto deadline = Clock::now() + std::chrono::microseconds(timeoutMicros.value_or(0));
  size_t written = 0;
  if (input.empty()) close(p.in[1]), p.in[1] = -1;
  while (p.out[0] >= 0 || p.err[0] >= 0) {
    pollfd fds[3] = {{p.out[0], POLLIN, 0}, {p.err[0], POLLIN, 0}, {p.in[1], POLLOUT, 0}};
    int waitMs = -1;
    if (timeoutMicros) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) return void(r.timedOut = true);
      waitMs = static_cast<int>(std::min<long long>(left + 1, 60000));
    }
    if (poll(fds, 3, waitMs) < 0 && errno != EINTR) return;
    const short ready = POLLIN | POLLHUP | POLLERR;
    if (p.out[0] >= 0 && (fds[0].revents & ready)) drain(p.out[0], true, r);
    if (p.err[0] >= 0 && (fds[1].revents & ready)) drain(p.err[0], false, r);
    if (p.in[1] >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) feed(p.in[1], input, written);
  }
}

// Waits for the child; one that closed its output but lingers past the
// deadline is killed too.
int reap(pid_t pid, CommandResult& r, std::optional<int64_t> timeoutMicros, std::chrono::steady_clock::time_point t0) {
  int status = 0;
  for (;;) {
    pid_t got = waitpid(pid, &status, timeoutMicros && !r.timedOut ? WNOHANG : 0);
    if (got == pid) return status;
    if (got < 0 && errno != EINTR) return status;
    if (got == 0 && std::chrono::steady_clock::now() - t0 >= std::chrono::microseconds(*timeoutMicros)) {
      r.timedOut = true;
      killGroup(pid);
    } else if (got == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
}

}  // namespace

void CommandControl::cancel() {
  std::lock_guard<std::mutex> lock(mutex_);
  cancelled_ = true;
  if (pid_ > 0) killGroup(pid_);
}

bool CommandControl::started(pid_t pid) {
  std::lock_guard<std::mutex> lock(mutex_);
  pid_ = pid;
  if (cancelled_) killGroup(pid);
  return !cancelled_;
}

void CommandControl::finished() {
  std::lock_guard<std::mutex> lock(mutex_);
  pid_ = 0;
}

bool CommandControl::cancelled() {
  std::lock_guard<std::mutex> lock(mutex_);
  return cancelled_;
}

CommandResult runCommand(const CommandSpec& spec, const std::string& input, std::optional<int64_t> timeoutMicros,
                         CommandControl* control) {
  CommandResult r;
  // A child that exits without reading its input must give EPIPE, not kill us.
  sigset_t pipeOnly;
  sigemptyset(&pipeOnly);
  sigaddset(&pipeOnly, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipeOnly, nullptr);
  Pipes p;
  pid_t pid = -1;
  int rc = p.open() ? spawnChild(spec, p, &pid) : errno;
  close(p.in[0]), close(p.out[1]), close(p.err[1]);
  p.in[0] = p.out[1] = p.err[1] = -1;
  if (rc != 0) {
    r.spawnError = strerror(rc);
    p.closeAll();
    return r;
  }
  auto t0 = std::chrono::steady_clock::now();
  if (control) control->started(pid);
  fcntl(p.in[1], F_SETFL, O_NONBLOCK);
  exchange(p, input, r, timeoutMicros);
  if (r.timedOut) killGroup(pid);
  p.closeAll();
  // A killed child closes its pipes; a cancelled one that handed its output
  // on to a grandchild still holding them is killed here before reaping.
  if (control && control->cancelled()) killGroup(pid);
  if (control) control->finished();
  int status = reap(pid, r, timeoutMicros, t0);
  if (WIFEXITED(status)) r.exitStatus = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  return r;
}

}  // namespace aslrt
