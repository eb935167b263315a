#include "io/json_line_parser.h"

#include <fmt/core.h>
#include <simdjson.h>

#include "io/line_reader.h"
#include "text/utf8.h"

namespace newsdedup {

namespace od = simdjson::ondemand;
using simdjson::error_code;

static_assert(LineReader::kPadding >= simdjson::SIMDJSON_PADDING);

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// RFC 8259 number grammar; simdjson hands out number tokens without checking them.
bool is_json_number(std::string_view s) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

struct TextField {
  bool found = false;
  bool is_string = false;
};

}  // namespace

struct JsonLineParser::Impl {
  InputOptions options;
  od::parser parser;
  std::unique_ptr<simdjson::dom::parser> validator;  // for nested values; rarely needed
  std::string repaired;

  error_code read(std::string_view line, Document& doc, TextField& text, bool& not_object);
  error_code raw_value(od::value& value, std::string_view& raw);
};

// Reads the members of the object on `line`; fails on the first JSON error.
error_code JsonLineParser::Impl::read(std::string_view line, Document& doc, TextField& text,
                                      bool& not_object) {
  od::document json;
  const std::size_t capacity = line.size() + LineReader::kPadding;
  if (auto e = parser.iterate(line.data(), line.size(), capacity).get(json)) return e;
  od::json_type type;
  if (auto e = json.type().get(type)) return e;
  if (type != od::json_type::object) {
    not_object = true;
    return simdjson::INCORRECT_TYPE;
  }
  od::object object;
  if (auto e = json.get_object().get(object)) return e;
  for (auto member : object) {
    od::field field;
    if (auto e = std::move(member).get(field)) return e;
    od::value value = field.value();
    // The key as written, quotes included: it ends where the ':' (and any spaces) before
    // the value begin.
    const char* key_begin = field.key().raw() - 1;
    const char* key_end = value.raw_json_token().data();
    while (is_space(key_end[-1])) --key_end;
    --key_end;
    while (is_space(key_end[-1])) --key_end;
    const std::string_view raw_key(key_begin, static_cast<std::size_t>(key_end - key_begin));
    std::string_view name = raw_key.substr(1, raw_key.size() - 2);
    if (name.find('\\') != std::string_view::npos) {
      if (auto e = field.unescaped_key().get(name)) return e;
    }

    if (name == options.text_field) {
      text.found = true;
      std::string_view s;
      const error_code e = value.get_string().get(s);
      text.is_string = e == simdjson::SUCCESS;
      if (text.is_string) {
        doc.text.assign(s);
      } else if (e != simdjson::INCORRECT_TYPE) {
        return e;
      } else if (auto invalid = raw_value(value, s)) {  // not a string, but must still be JSON
        return invalid;
      }
    } else if (name == options.id_field) {
      od::json_type id_type;
      if (auto e = value.type().get(id_type)) return e;
      std::string_view id;
      if (id_type == od::json_type::string) {
        if (auto e = value.get_string().get(id)) return e;
        doc.id.assign(id);
      } else {
        if (auto e = raw_value(value, id)) return e;
        if (id_type == od::json_type::number) doc.id.assign(id);
      }
    } else if (name == "title" && value.type().value_unsafe() == od::json_type::string) {
      // The crawler's title is the document's title (written under the same key, so it is not
      // also carried as an extra field, which would repeat the key).
      std::string_view title;
      if (auto e = value.get_string().get(title)) return e;
      doc.title.assign(title);
    } else {
      std::string_view raw;
      if (auto e = raw_value(value, raw)) return e;
      if (!doc.extra_fields_json.empty()) doc.extra_fields_json += ',';
      doc.extra_fields_json.append(raw_key).append(":").append(raw);
    }
  }
  // The object must be all there is on the line.
  if (json.current_location().error() != simdjson::OUT_OF_BOUNDS) return simdjson::TRAILING_CONTENT;
  return simdjson::SUCCESS;
}

// The value as written, trimmed, after checking that it is valid JSON (On Demand only checks
// what is accessed, and a pass-through value is otherwise never looked at).
error_code JsonLineParser::Impl::raw_value(od::value& value, std::string_view& raw) {
  od::json_type type;
  if (auto e = value.type().get(type)) return e;
  switch (type) {
    case od::json_type::object:
    case od::json_type::array: {
      error_code e;
      if (type == od::json_type::object) {
        od::object nested;
        e = value.get_object().get(nested);
        if (!e) e = nested.raw_json().get(raw);
      } else {
        od::array nested;
        e = value.get_array().get(nested);
        if (!e) e = nested.raw_json().get(raw);
      }
      if (e) return e;
      raw = trim(raw);
      if (!validator) validator = std::make_unique<simdjson::dom::parser>();
      // `raw` lies inside the padded line, so it can be parsed in place.
      return validator->parse(raw.data(), raw.size(), false).error();
    }
    case od::json_type::string: {
      raw = trim(value.raw_json_token());
      std::string_view unused;
      return value.get_string().get(unused);  // checks the escapes
    }
    case od::json_type::number:
      raw = trim(value.raw_json_token());
      return is_json_number(raw) ? simdjson::SUCCESS : simdjson::NUMBER_ERROR;
    case od::json_type::boolean:
      raw = trim(value.raw_json_token());
      return raw == "true" || raw == "false" ? simdjson::SUCCESS : simdjson::T_ATOM_ERROR;
    case od::json_type::null:
      raw = trim(value.raw_json_token());
      return raw == "null" ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
  }
  return simdjson::TAPE_ERROR;
}

JsonLineParser::JsonLineParser(InputOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
}

JsonLineParser::~JsonLineParser() = default;

std::string_view JsonLineParser::parse(std::string_view line, Document& doc) {
  TextField text;
  bool not_object = false;
  error_code e = impl_->read(line, doc, text, not_object);
  // simdjson rejects invalid UTF-8 outright; repair a copy and try again.
  if (e && !is_valid_utf8(line)) {
    std::string& copy = impl_->repaired;
    copy.assign(line);
    doc.repaired_utf8 = static_cast<std::uint32_t>(repair_utf8(copy));
    copy.reserve(copy.size() + LineReader::kPadding);
    doc.id.clear();
    doc.text.clear();
    doc.extra_fields_json.clear();
    text = {};
    not_object = false;
    e = impl_->read(copy, doc, text, not_object);
  }
  if (e) {
    doc.text.clear();
    doc.extra_fields_json.clear();
    doc.problem = not_object ? "invalid JSON: not an object"
                             : fmt::format("invalid JSON: {}", simdjson::error_message(e));
    return "invalid_json";
  }
  if (!text.is_string) {
    doc.text.clear();  // an earlier "text" member may have been a string
    doc.problem = text.found ? fmt::format("field \"{}\" is not a string", impl_->options.text_field)
                             : fmt::format("no \"{}\" field", impl_->options.text_field);
    return "missing_text";
  }
  return {};
}

}  // namespace newsdedup
