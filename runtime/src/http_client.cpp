#include "http_client.h"

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "http_curl.h"
#include "scheduler.h"

namespace aslrt {
namespace {

using Done = std::function<void(HttpResponse&&)>;

// One transfer: the easy handle and what it fills in.
struct Transfer {
  HttpRequest request;
  Done done;
  const void* owner = nullptr;  // the scheduler whose fiber waits, if any
  HttpResponse response;
  CURL* easy = nullptr;
  curl_slist* headerList = nullptr;
  char errorBuffer[CURL_ERROR_SIZE] = {};
};

size_t onBody(char* data, size_t size, size_t count, void* user) {
  static_cast<Transfer*>(user)->response.body.append(data, size * count);
  return size * count;
}

std::string trimmed(std::string s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// Header lines arrive one at a time; a status line starts a new response
// (after a 100 Continue or a proxy's answer), so it clears what came before.
size_t onHeader(char* data, size_t size, size_t count, void* user) {
  HttpResponse& r = static_cast<Transfer*>(user)->response;
  std::string line = trimmed(std::string(data, size * count));
  if (line.rfind("HTTP/", 0) == 0) {
    r.headers.clear();
    size_t codeEnd = line.find(' ', line.find(' ') + 1);
    r.statusText = codeEnd == std::string::npos ? "" : trimmed(line.substr(codeEnd));
  } else if (size_t colon = line.find(':'); colon != std::string::npos && colon > 0) {
    r.headers.emplace_back(line.substr(0, colon), trimmed(line.substr(colon + 1)));
  }
  return size * count;
}

class HttpThread {
 public:
  static HttpThread* instance(std::string* error) {
    static std::once_flag once;
    static HttpThread* thread = nullptr;
    static std::string failure;
    std::call_once(once, [] {
      const CurlApi* api = loadCurl(&failure);
      if (!api) return;
      thread = new HttpThread(api);  // lives until exit (see stop)
      started().store(thread);
      std::atexit([] { thread->stop(); });
    });
    if (!thread) *error = failure;
    return thread;
  }

  // Shared by every execution in the process, so it exists at most once.

  void submit(HttpRequest request, Done done, const void* owner = nullptr) {
    auto t = std::make_unique<Transfer>();
    t->request = std::move(request);
    t->done = std::move(done);
    t->owner = owner;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      incoming_.push_back(std::move(t));
    }
    api_->multi_wakeup(multi_);
  }

  void abandon(const void* owner) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      abandoned_.push_back(owner);
    }
    api_->multi_wakeup(multi_);
  }

 private:
  static std::atomic<HttpThread*>& started() {
    static std::atomic<HttpThread*> thread{nullptr};
    return thread;
  }

  explicit HttpThread(const CurlApi* api) : api_(api), multi_(api->multi_init()) {
    thread_ = std::thread([this] { loop(); });
  }

  // Registered with atexit after libcurl's own initialisation, so it runs
  // before OpenSSL's clean-up: no transfer is left running under it.
  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    api_->multi_wakeup(multi_);
    if (thread_.joinable()) thread_.join();
  }

  void configure(Transfer& t) {
    const CurlApi& c = *api_;
    CURL* e = t.easy;
    const HttpRequest& q = t.request;
    c.easy_setopt(e, CURLOPT_URL, q.url.c_str());
    c.easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    c.easy_setopt(e, CURLOPT_ERRORBUFFER, t.errorBuffer);
    c.easy_setopt(e, CURLOPT_WRITEFUNCTION, &onBody);
    c.easy_setopt(e, CURLOPT_WRITEDATA, &t);
    c.easy_setopt(e, CURLOPT_HEADERFUNCTION, &onHeader);
    c.easy_setopt(e, CURLOPT_HEADERDATA, &t);
    if (const char* ca = std::getenv("ASLC_HTTP_CA_FILE"); ca && *ca) c.easy_setopt(e, CURLOPT_CAINFO, ca);
    if (q.timeoutMicros) c.easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(std::max<int64_t>(1, *q.timeoutMicros / 1000)));
    if (q.method == "HEAD") c.easy_setopt(e, CURLOPT_NOBODY, 1L);
    else c.easy_setopt(e, CURLOPT_CUSTOMREQUEST, q.method.c_str());
    if (q.body) {
      c.easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(q.body->size()));
      c.easy_setopt(e, CURLOPT_POSTFIELDS, q.body->data());  // t.request outlives the transfer
    }
    // No "Expect: 100-continue" round trip for larger bodies.
    t.headerList = c.slist_append(t.headerList, "Expect:");
    for (auto& [name, value] : q.headers) {
      // "Name;" is curl's way to send a header with an empty value.
      std::string line = value.empty() ? name + ";" : name + ": " + value;
      t.headerList = c.slist_append(t.headerList, line.c_str());
    }
    c.easy_setopt(e, CURLOPT_HTTPHEADER, t.headerList);
  }

  void start(std::unique_ptr<Transfer> t) {
    t->easy = api_->easy_init();
    if (!t->easy) return finish(std::move(t), CURLE_OUT_OF_MEMORY);
    configure(*t);
    api_->multi_add_handle(multi_, t->easy);
    running_[t->easy] = std::move(t);
  }

  void finish(std::unique_ptr<Transfer> t, CURLcode code) {
    HttpResponse& r = t->response;
    if (code == CURLE_OK) {
      r.transport = HttpResponse::Transport::Ok;
      api_->easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &r.status);
      if (r.statusText.empty()) r.statusText = httpReasonPhrase(r.status);
    } else {
      r.transport = code == CURLE_OPERATION_TIMEDOUT ? HttpResponse::Transport::TimedOut
                                                     : HttpResponse::Transport::Failed;
      r.error = t->errorBuffer[0] ? t->errorBuffer : api_->easy_strerror(code);
    }
    if (t->easy) api_->easy_cleanup(t->easy);
    if (t->headerList) api_->slist_free_all(t->headerList);
    t->done(std::move(r));
  }

  void reap() {
    int left = 0;
    while (CURLMsg* m = api_->multi_info_read(multi_, &left)) {
      if (m->msg != CURLMSG_DONE) continue;
      CURL* easy = m->easy_handle;
      CURLcode code = m->data.result;
      api_->multi_remove_handle(multi_, easy);
      auto it = running_.find(easy);
      std::unique_ptr<Transfer> t = std::move(it->second);
      running_.erase(it);
      finish(std::move(t), code);
    }
  }

  // Ends the owner's transfers at once, as failures nobody will read.
  void drop(const void* owner) {
    for (auto it = running_.begin(); it != running_.end();) {
      if (it->second->owner != owner) {
        ++it;
        continue;
      }
      api_->multi_remove_handle(multi_, it->first);
      std::unique_ptr<Transfer> t = std::move(it->second);
      it = running_.erase(it);
      finish(std::move(t), CURLE_ABORTED_BY_CALLBACK);
    }
  }

  void loop() {
    for (;;) {
      std::vector<std::unique_ptr<Transfer>> fresh;
      std::vector<const void*> abandoned;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_) return;
        fresh.swap(incoming_);
        abandoned.swap(abandoned_);
      }
      for (auto& t : fresh) start(std::move(t));
      for (const void* owner : abandoned) drop(owner);
      int stillRunning = 0;
      api_->multi_perform(multi_, &stillRunning);
      reap();
      // Sleeps until a socket is ready, curl's next timeout, or a wake-up
      // from submit()/stop().
      api_->multi_poll(multi_, nullptr, 0, 1000, nullptr);
    }
  }

  const CurlApi* api_;
  CURLM* multi_;
  std::thread thread_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Transfer>> incoming_;  // guarded by mutex_
  std::vector<const void*> abandoned_;               // guarded by mutex_
  bool stopping_ = false;                            // guarded by mutex_
  std::map<CURL*, std::unique_ptr<Transfer>> running_;  // the HTTP thread's own
};

HttpResponse unavailable(const std::string& why) {
  HttpResponse r;
  r.transport = HttpResponse::Transport::Unavailable;
  r.error = why;
  return r;
}

}  // namespace

HttpResponse httpFetch(Scheduler& scheduler, HttpRequest request) {
  std::string error;
  HttpThread* http = HttpThread::instance(&error);
  if (!http) return unavailable(error);
  HttpResponse out;
  FiberRecord* self = scheduler.current();
  scheduler.expectRemoteWake();
  // The transfer belongs to this fiber: cancelling the fiber (a failed
  // sibling, the machine's time-out, an abort) abandons just this request,
  // whose completion then wakes the fiber.
  http->submit(
      std::move(request),
      [&out, &scheduler, self](HttpResponse&& r) {
        out = std::move(r);
        scheduler.remoteWake(self);
      },
      self);
  scheduler.park([http, self] { http->abandon(self); });
  return out;
}

HttpResponse httpFetchBlocking(HttpRequest request) {
  std::string error;
  HttpThread* http = HttpThread::instance(&error);
  if (!http) return unavailable(error);
  std::mutex m;
  std::condition_variable cv;
  std::optional<HttpResponse> out;
  http->submit(std::move(request), [&](HttpResponse&& r) {
    std::lock_guard<std::mutex> lock(m);
    out = std::move(r);
    cv.notify_one();
  });
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock, [&] { return out.has_value(); });
  return std::move(*out);
}

std::string httpReasonPhrase(long status) {
  static const std::map<long, const char*> phrases = {
      {100, "Continue"}, {101, "Switching Protocols"}, {200, "OK"}, {201, "Created"}, {202, "Accepted"},
      {203, "Non-Authoritative Information"}, {204, "No Content"}, {205, "Reset Content"}, {206, "Partial Content"},
      {300, "Multiple Choices"}, {301, "Moved Permanently"}, {302, "Found"}, {303, "See Other"},
      {304, "Not Modified"}, {307, "Temporary Redirect"}, {308, "Permanent Redirect"}, {400, "Bad Request"},
      {401, "Unauthorized"}, {402, "Payment Required"}, {403, "Forbidden"}, {404, "Not Found"},
      {405, "Method Not Allowed"}, {406, "Not Acceptable"}, {407, "Proxy Authentication Required"},
      {408, "Request Timeout"}, {409, "Conflict"}, {410, "Gone"}, {411, "Length Required"},
      {412, "Precondition Failed"}, {413, "Content Too Large"}, {414, "URI Too Long"},
      {415, "Unsupported Media Type"}, {416, "Range Not Satisfiable"}, {417, "Expectation Failed"},
      {421, "Misdirected Request"}, {422, "Unprocessable Content"}, {425, "Too Early"}, {426, "Upgrade Required"},
      {428, "Precondition Required"}, {429, "Too Many Requests"}, {431, "Request Header Fields Too Large"},
      {500, "Internal Server Error"}, {501, "Not Implemented"}, {502, "Bad Gateway"}, {503, "Service Unavailable"},
      {504, "Gateway Timeout"}, {505, "HTTP Version Not Supported"}};
  auto it = phrases.find(status);
  return it == phrases.end() ? "" : it->second;
}

}  // namespace aslrt
