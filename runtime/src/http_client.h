// The runtime's HTTP client: libcurl's multi interface on one HTTP thread,
// started on first use. Every request of every fiber goes to that thread, so
// many transfers run at once; a fiber that asked parks and is woken through
// the scheduler's remote wake when its transfer ends, and the other fibers
// keep running meanwhile. TLS peers and host names are verified (libcurl's
// default); ASLC_HTTP_CA_FILE names an extra CA bundle to verify against.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace aslrt {

class Scheduler;

struct HttpRequest {
  std::string method = "GET";   // sent as is; HEAD asks for no body
  std::string url;              // http:// or https://
  std::vector<std::pair<std::string, std::string>> headers;
  std::optional<std::string> body;
  std::optional<int64_t> timeoutMicros;  // the whole transfer; none = no limit
};

struct HttpResponse {
  // Transport outcome: ok, timedOut (the request's timeout passed), another
  // failure (error says what: refused, unresolvable, TLS verification, ...),
  // or no HTTP at all (libcurl cannot be loaded; error says why).
  enum class Transport { Ok, TimedOut, Failed, Unavailable };
  Transport transport = Transport::Failed;
  std::string error;
  long status = 0;
  std::string statusText;  // the reason phrase of the final status line
  std::vector<std::pair<std::string, std::string>> headers;  // in order, as received
  std::string body;
};

// From inside a fiber: performs the request on the HTTP thread while the
// calling fiber is parked. Never throws.
HttpResponse httpFetch(Scheduler& scheduler, HttpRequest request);
// From any thread that may block (tests, worker threads).
HttpResponse httpFetchBlocking(HttpRequest request);


// "Not Found" for 404, ... (RFC 9110); "" for a code it does not know. Used
// when the server sent no reason phrase (HTTP/2 never does).
std::string httpReasonPhrase(long status);

}  // namespace aslrt
