// URL encoding as the HTTP Task does it: percent-encoding of names and
// values, and JSON objects turned into `a=1&b=2` text for query strings and
// for URL_ENCODED request bodies (Transform.RequestEncodingOptions.ArrayFormat
// decides how arrays look). See "Apply URL-encoding on request body" in
// https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html
#pragma once
#include <optional>
#include <string>

#include "aslrt/json.h"

namespace aslrt {

enum class ArrayFormat {
  Indices,   // a[0]=x&a[1]=y (AWS's default)
  Repeat,    // a=x&a=y
  Commas,    // a=x,y
  Brackets,  // a[]=x&a[]=y
};

std::optional<ArrayFormat> arrayFormatNamed(const std::string& name);

// RFC 3986: every byte but the unreserved A-Z a-z 0-9 - . _ ~ as %XX.
std::string percentEncode(const std::string& text);

// The text of a scalar as it goes into a URL: strings as they are, numbers
// and booleans as JSON writes them, null as "".
std::string scalarText(const Json& value);

// An object's members as name=value pairs joined with '&', names and values
// percent-encoded (the brackets the format adds are kept as they are).
// Nested objects become name[key]=value. The object must be an object.
std::string urlEncodeObject(const Json& object, ArrayFormat format);

}  // namespace aslrt
