#include "io/document_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <stdexcept>
#include <thread>
#include <string>
#include <vector>

#include "io/test_temp_dir.h"

namespace newsdedup {
namespace {

namespace fs = std::filesystem;

std::vector<Document> read_all(const std::vector<std::string>& inputs, Diagnostics& diagnostics,
                               InputOptions options = {}) {
  diagnostics.set_quiet(true);
  DocumentReader reader(inputs, std::move(options), diagnostics);
  std::vector<Document> docs;
  while (auto doc = reader.next()) docs.push_back(std::move(*doc));
  EXPECT_EQ(reader.bytes_consumed(), reader.total_input_bytes());
  return docs;
}

std::uint64_t count(const Diagnostics& diagnostics, const std::string& kind) {
  const auto counts = diagnostics.counts();
  const auto it = counts.find(kind);
  return it == counts.end() ? 0 : it->second;
}

// Many distinct, poorly compressible lines, so that a truncated file still holds whole lines.
std::string numbered_lines(int n) {
  std::string out;
  std::uint32_t state = 12345;
  for (int i = 0; i < n; ++i) {
    std::string words;
    for (int k = 0; k < 80; ++k) {
      state = state * 1103515245u + 12345u;
      words += static_cast<char>('a' + (state >> 16) % 26);
    }
    out += R"({"id":"d)" + std::to_string(i) + R"(","text":")" + words + "\"}\n";
  }
  return out;
}

void write_gzip(const fs::path& path, const std::string& bytes, const char* mode = "wb") {
  gzFile gz = gzopen(path.c_str(), mode);
  ASSERT_NE(gz, nullptr);
  ASSERT_EQ(gzwrite(gz, bytes.data(), static_cast<unsigned>(bytes.size())),
            static_cast<int>(bytes.size()));
  ASSERT_EQ(gzclose(gz), Z_OK);
}

std::string zstd_frame(const std::string& bytes) {
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  const std::size_t n = ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), 3);
  EXPECT_FALSE(ZSTD_isError(n));
  out.resize(n);
  return out;
}

void truncate_to_half(const fs::path& path) { fs::resize_file(path, fs::file_size(path) / 2); }

TEST(DocumentReader, TextFileIsOneDocumentNamedAfterTheFile) {
  TestTempDir dir;
  const auto file = dir.write("story.v2.txt", "Headline\n\nBody text.\n");
  Diagnostics diagnostics;
  const auto docs = read_all({file.string()}, diagnostics);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "story.v2");
  EXPECT_EQ(docs[0].text, "Headline\n\nBody text.\n");
  EXPECT_EQ(docs[0].source, file.string());
  EXPECT_EQ(docs[0].input_bytes, 21u);
  EXPECT_TRUE(docs[0].valid());
  EXPECT_EQ(diagnostics.total(), 0u);
}

TEST(DocumentReader, ReadsTheFixtures) {
  Diagnostics diagnostics;
  const auto docs = read_all({NEWSDEDUP_FIXTURES}, diagnostics);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "000_f93b8b3ccaf1c5a3");
  EXPECT_EQ(docs[1].id, "003_f14518781b17d4c3");
  EXPECT_EQ(docs[1].ordinal, 1u);
  EXPECT_FALSE(docs[0].text.empty());
}

TEST(DocumentReader, JsonlKeepsOtherFieldsAsRawJson) {
  TestTempDir dir;
  const auto file = dir.write(
      "a.jsonl",
      R"({ "id" : "x1", "url" : "http://a/b" , "n": 1.50, "obj": {"a": [1, 2]},)"
      R"( "text": "Hello\nw\u00f6rld", "t":true,"z":null, "k\"q": "v" }  )"
      "\n");
  Diagnostics diagnostics;
  const auto docs = read_all({file.string()}, diagnostics);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "x1");
  EXPECT_EQ(docs[0].text, "Hello\nw\xC3\xB6rld");
  EXPECT_EQ(docs[0].extra_fields_json,
            R"("url":"http://a/b","n":1.50,"obj":{"a": [1, 2]},"t":true,"z":null,"k\"q":"v")");
  EXPECT_EQ(docs[0].source, file.string() + ":1");
  EXPECT_EQ(docs[0].input_bytes, fs::file_size(file));
  EXPECT_EQ(diagnostics.total(), 0u);
}

TEST(DocumentReader, NumericAndMissingIds) {
  TestTempDir dir;
  const auto file = dir.write("ids.jsonl",
                              "\n"
                              R"({"id": 42, "text": "a"})" "\n"
                              "   \r\n"
                              R"({"text": "b", "id": null})" "\n"
                              R"({"id": "", "text": "c"})" "\n"
                              R"({"id": -1.5e3, "text": "d"})");
  Diagnostics diagnostics;
  const auto docs = read_all({file.string()}, diagnostics);
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].id, "42");
  EXPECT_EQ(docs[1].id, file.string() + ":4");
  EXPECT_EQ(docs[1].extra_fields_json, "");
  EXPECT_EQ(docs[2].id, file.string() + ":5");
  EXPECT_EQ(docs[3].id, "-1.5e3");
  for (std::size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ(docs[i].ordinal, i);
    EXPECT_TRUE(docs[i].valid()) << docs[i].problem;
  }
  EXPECT_EQ(diagnostics.total(), 0u);
}

TEST(DocumentReader, ConfigurableFieldNames) {
  TestTempDir dir;
  const auto file = dir.write("f.jsonl", R"({"uid":"u7","body":"b","id":"kept","text":"kept too"})");
  Diagnostics diagnostics;
  InputOptions options;
  options.id_field = "uid";
  options.text_field = "body";
  const auto docs = read_all({file.string()}, diagnostics, options);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "u7");
  EXPECT_EQ(docs[0].text, "b");
  EXPECT_EQ(docs[0].extra_fields_json, R"("id":"kept","text":"kept too")");
}

TEST(DocumentReader, InvalidJsonLinesBecomeProblemDocuments) {
  TestTempDir dir;
  const std::vector<std::string> bad = {
      R"(not json)",
      R"([1, 2])",
      R"({"text": "a"} trailing)",
      R"({"text": "a", "x": [1,,2]})",
      R"({"text": "a", "n": 01})",
      R"({"text": "a", "n": 1.})",
      R"({"text": "a", "s": "\q"})",
      R"({"text": "a" "b": 1})",
      R"({"text": "a", "b": tru})",
      R"({"text": "a")",
      "{\"text\": \"tab\tinside\"}",
  };
  std::string content = R"({"id": "ok", "text": "fine"})" "\n";
  for (const auto& line : bad) content += line + "\n";
  const auto file = dir.write("bad.jsonl", content);
  Diagnostics diagnostics;
  const auto docs = read_all({file.string()}, diagnostics);
  ASSERT_EQ(docs.size(), bad.size() + 1);
  EXPECT_TRUE(docs[0].valid());
  for (std::size_t i = 1; i < docs.size(); ++i) {
    EXPECT_FALSE(docs[i].valid()) << bad[i - 1];
    EXPECT_EQ(docs[i].id, file.string() + ":" + std::to_string(i + 1)) << bad[i - 1];
    EXPECT_EQ(docs[i].ordinal, i);
    EXPECT_TRUE(docs[i].text.empty());
  }
  EXPECT_EQ(count(diagnostics, "invalid_json"), bad.size());
  EXPECT_EQ(diagnostics.total(), bad.size());
}

TEST(DocumentReader, MissingTextKeepsTheId) {
  TestTempDir dir;
  const auto file = dir.write("t.jsonl",
                              R"({"id": "n1", "title": "no text"})" "\n"
                              R"({"id": "n2", "text": 17})" "\n"
                              R"({"text": null})" "\n");
  Diagnostics diagnostics;
  const auto docs = read_all({file.string()}, diagnostics);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "n1");
  EXPECT_EQ(docs[0].problem, "no \"text\" field");
  EXPECT_EQ(docs[1].id, "n2");
  EXPECT_EQ(docs[1].problem, "field \"text\" is not a string");
  EXPECT_EQ(docs[2].id, file.string() + ":3");
  EXPECT_EQ(count(diagnostics, "missing_text"), 3u);
}

TEST(DocumentReader, RepairsInvalidUtf8) {
  TestTempDir dir;
  const auto jsonl = dir.write("u.jsonl", "{\"id\":\"u\",\"text\":\"caf\xE9 \xFF ok\",\"x\":\"\xC0\"}\n");
  const auto txt = dir.write("v.txt", "na\xEFve");
  Diagnostics diagnostics;
  testing::internal::CaptureStderr();
  diagnostics.set_quiet(false);
  DocumentReader reader({jsonl.string(), txt.string()}, {}, diagnostics);
  const auto first = reader.next();
  const auto second = reader.next();
  const std::string err = testing::internal::GetCapturedStderr();
  ASSERT_TRUE(first && second);
  EXPECT_TRUE(first->valid()) << first->problem;
  EXPECT_EQ(first->text, "caf\xEF\xBF\xBD \xEF\xBF\xBD ok");
  EXPECT_EQ(first->extra_fields_json, "\"x\":\"\xEF\xBF\xBD\"");
  EXPECT_EQ(first->repaired_utf8, 3u);
  EXPECT_EQ(second->text, "na\xEF\xBF\xBDve");
  EXPECT_EQ(second->repaired_utf8, 1u);
  EXPECT_EQ(count(diagnostics, "invalid_utf8"), 2u);
  EXPECT_NE(err.find(jsonl.string() + ":1: 3 invalid UTF-8 sequences replaced by U+FFFD"),
            std::string::npos)
      << err;
}

TEST(DocumentReader, ReadsGzipIncludingConcatenatedMembers) {
  TestTempDir dir;
  const auto file = dir.path() / "a.jsonl.gz";
  write_gzip(file, numbered_lines(3));
  write_gzip(file, R"({"id":"tail","text":"t"})" "\n", "ab");
  Diagnostics diagnostics;
  const auto docs = read_all({file.string()}, diagnostics);
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].id, "d0");
  EXPECT_EQ(docs[3].id, "tail");
  EXPECT_EQ(docs[3].source, file.string() + ":4");
  EXPECT_EQ(diagnostics.total(), 0u);
}

TEST(DocumentReader, ReadsZstdIncludingConcatenatedFrames) {
  TestTempDir dir;
  const auto file = dir.write("a.jsonl.zst", zstd_frame(numbered_lines(3)) +
                                                 zstd_frame(R"({"id":"tail","text":"t"})"));
  Diagnostics diagnostics;
  const auto docs = read_all({file.string()}, diagnostics);
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[2].id, "d2");
  EXPECT_EQ(docs[3].id, "tail");
  EXPECT_EQ(diagnostics.total(), 0u);
}

// Writes a compressed file of `lines` lines cut in half, then a healthy .txt after it.
void check_truncated(const fs::path& file, int lines, const fs::path& next) {
  Diagnostics diagnostics;
  testing::internal::CaptureStderr();
  DocumentReader reader({file.string(), next.string()}, {}, diagnostics);
  std::vector<Document> docs;
  while (auto doc = reader.next()) docs.push_back(std::move(*doc));
  const std::string err = testing::internal::GetCapturedStderr();
  ASSERT_GE(docs.size(), 2u);
  const std::size_t from_file = docs.size() - 1;
  EXPECT_GT(from_file, 0u);
  EXPECT_LT(from_file, static_cast<std::size_t>(lines));
  for (std::size_t i = 0; i < from_file; ++i) {
    EXPECT_TRUE(docs[i].valid()) << docs[i].problem;
    std::string expected = "d";  // not "d" + ...: GCC 12 -Wrestrict false positive
    expected += std::to_string(i);
    EXPECT_EQ(docs[i].id, expected);
  }
  EXPECT_EQ(docs.back().id, "next");
  EXPECT_EQ(count(diagnostics, "corrupt_compressed"), 1u);
  EXPECT_EQ(diagnostics.total(), 1u);
  const std::string location = file.string() + ":" + std::to_string(from_file + 1) + ": ";
  EXPECT_NE(err.find(location), std::string::npos) << err;
}

TEST(DocumentReader, TruncatedGzipYieldsTheCompleteLinesBeforeTheDamage) {
  TestTempDir dir;
  const auto file = dir.path() / "cut.jsonl.gz";
  write_gzip(file, numbered_lines(20000));
  truncate_to_half(file);
  check_truncated(file, 20000, dir.write("next.txt", "after"));
}

TEST(DocumentReader, TruncatedZstdYieldsTheCompleteLinesBeforeTheDamage) {
  TestTempDir dir;
  const auto file = dir.write("cut.jsonl.zst", zstd_frame(numbered_lines(20000)));
  truncate_to_half(file);
  check_truncated(file, 20000, dir.write("next.txt", "after"));
}

TEST(DocumentReader, DamagedGzipIsReportedOnce) {
  TestTempDir dir;
  const auto file = dir.path() / "damaged.jsonl.gz";
  write_gzip(file, numbered_lines(2000));
  {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(fs::file_size(file) / 2));
    f.write("\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF", 8);
  }
  Diagnostics diagnostics;
  const auto docs = read_all({file.string()}, diagnostics);
  EXPECT_GT(docs.size(), 0u);
  EXPECT_TRUE(docs[0].valid());
  EXPECT_EQ(count(diagnostics, "corrupt_compressed"), 1u);
}

TEST(DocumentReader, CompressedFilesThatAreNotCompressedAreReported) {
  TestTempDir dir;
  const auto gz = dir.write("fake.jsonl.gz", R"({"text": "plain"})" "\n");
  const auto zst = dir.write("fake.jsonl.zst", R"({"text": "plain"})" "\n");
  const auto empty = dir.write("empty.jsonl.gz", "");
  Diagnostics diagnostics;
  const auto docs = read_all({gz.string(), zst.string(), empty.string()}, diagnostics);
  EXPECT_TRUE(docs.empty());
  EXPECT_EQ(count(diagnostics, "corrupt_compressed"), 2u);
  EXPECT_EQ(count(diagnostics, "empty_file"), 1u);
  EXPECT_EQ(diagnostics.total(), 3u);
  EXPECT_EQ(diagnostics.skipped(), 2u);
}

TEST(DocumentReader, FoldersAreReadRecursivelyInSortedOrder) {
  TestTempDir dir;
  dir.write("in/c.txt", "c");
  dir.write("in/b/2.txt", "b2");
  dir.write("in/a/z.txt", "az");
  dir.write("in/a/1.jsonl", R"({"id":"a1","text":"x"})" "\n" R"({"id":"a1b","text":"y"})");
  dir.write("in/notes.md", "skip me");
  dir.write("in/b/data.json", "{}");
  Diagnostics diagnostics;
  diagnostics.set_quiet(true);
  DocumentReader reader({(dir.path() / "in").string()}, {}, diagnostics);
  const fs::path in = dir.path() / "in";
  EXPECT_EQ(reader.files(), (std::vector<fs::path>{in / "a/1.jsonl", in / "a/z.txt",
                                                   in / "b/2.txt", in / "c.txt"}));
  std::vector<std::string> ids;
  while (auto doc = reader.next()) ids.push_back(doc->id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a1", "a1b", "z", "2", "c"}));
  EXPECT_EQ(count(diagnostics, "skipped_file"), 2u);
  EXPECT_EQ(reader.total_input_bytes(), reader.bytes_consumed());
}

TEST(DocumentReader, ExplicitFileOfAnotherKindIsSkipped) {
  TestTempDir dir;
  const auto md = dir.write("x.md", "text");
  const auto txt = dir.write("y.txt", "text");
  Diagnostics diagnostics;
  const auto docs = read_all({md.string(), txt.string()}, diagnostics);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "y");
  EXPECT_EQ(count(diagnostics, "skipped_file"), 1u);
}

TEST(DocumentReader, MissingInputThrows) {
  TestTempDir dir;
  const std::string missing = (dir.path() / "nope").string();
  Diagnostics diagnostics;
  try {
    DocumentReader reader({missing}, {}, diagnostics);
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), missing + ": no such file or directory");
  }
}

TEST(DocumentReader, VanishedFileIsReportedAndSkipped) {
  TestTempDir dir;
  const auto gone = dir.write("in/a.jsonl", R"({"text":"x"})");
  dir.write("in/b.txt", "b");
  Diagnostics diagnostics;
  diagnostics.set_quiet(true);
  DocumentReader reader({(dir.path() / "in").string()}, {}, diagnostics);
  fs::remove(gone);
  const auto doc = reader.next();
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->id, "b");
  EXPECT_EQ(doc->ordinal, 0u);
  EXPECT_FALSE(reader.next());
  EXPECT_EQ(count(diagnostics, "unreadable_file"), 1u);
}

TEST(DocumentReader, BinaryTextFileIsAProblemDocument) {
  TestTempDir dir;
  const auto file = dir.write("blob.txt", std::string("\x7F" "ELF\0\0\x01", 7));
  Diagnostics diagnostics;
  const auto docs = read_all({file.string()}, diagnostics);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "blob");
  EXPECT_EQ(docs[0].problem, "binary file");
  EXPECT_TRUE(docs[0].text.empty());
  EXPECT_EQ(count(diagnostics, "binary_file"), 1u);
}

TEST(DocumentReader, HugeLine) {
  TestTempDir dir;
  std::string text;
  for (int i = 0; text.size() < (20u << 20); ++i) text += "word" + std::to_string(i) + ' ';
  const auto file = dir.write("big.jsonl", R"({"id":"big","text":")" + text + "\"}\n" +
                                               R"({"id":"after","text":"small"})" "\n");
  Diagnostics diagnostics;
  InputOptions options;
  options.max_document_bytes = 32u << 20;  // above the default
  const auto docs = read_all({file.string()}, diagnostics, options);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text, text);
  EXPECT_EQ(docs[1].id, "after");
  EXPECT_EQ(diagnostics.total(), 0u);
}

// A line or .txt file over the limit becomes a problem document (id: where it is), reported with
// its size, and reading goes on after it; one at the limit is read. Compressed lines too.
TEST(DocumentReader, DocumentsOverTheLimitAreProblemDocuments) {
  TestTempDir dir;
  const std::string at_limit = R"({"id":"fits","text":")" + std::string(1000 - 23, 'a') + "\"}";
  ASSERT_EQ(at_limit.size(), 1000u);
  const std::string over = R"({"id":"over","text":")" + std::string(5000, 'b') + "\"}";
  const std::string lines = over + "\n" + at_limit + "\n" + R"({"id":"after","text":"small"})" "\n";
  dir.write("a.jsonl", lines);
  write_gzip(dir.path() / "b.jsonl.gz", lines);
  dir.write("c.txt", std::string(1001, 'c'));
  dir.write("d.txt", std::string(1000, 'd'));
  Diagnostics diagnostics;
  InputOptions options;
  options.max_document_bytes = 1000;
  const auto docs = read_all({dir.path().string()}, diagnostics, options);
  ASSERT_EQ(docs.size(), 8u);
  for (const std::string file : {"a.jsonl", "b.jsonl.gz"}) {
    const std::size_t first = file == "a.jsonl" ? 0 : 3;
    const std::string source = (dir.path() / file).string() + ":1";
    EXPECT_EQ(docs[first].id, source);
    EXPECT_EQ(docs[first].problem, "document of 5024 bytes, over the limit of 1000 (--max-document); not read");
    EXPECT_EQ(docs[first].input_bytes, 5024u);
    EXPECT_TRUE(docs[first].text.empty());
    const std::string renamed = first == 0 ? "" : "#2";  // the same lines twice
    EXPECT_EQ(docs[first + 1].id, "fits" + renamed);
    EXPECT_EQ(docs[first + 1].text.size(), 1000u - 23);
    EXPECT_EQ(docs[first + 2].id, "after" + renamed);
  }
  EXPECT_EQ(docs[6].id, "c");
  EXPECT_EQ(docs[6].problem, "document of 1001 bytes, over the limit of 1000 (--max-document); not read");
  EXPECT_TRUE(docs[6].text.empty());
  EXPECT_EQ(docs[7].id, "d");
  EXPECT_TRUE(docs[7].problem.empty());
  EXPECT_EQ(docs[7].text.size(), 1000u);
  EXPECT_EQ(count(diagnostics, "document_too_large"), 3u);
}

TEST(DocumentReader, CrlfAndByteOrderMark) {
  TestTempDir dir;
  const auto file = dir.write("w.jsonl", "\xEF\xBB\xBF{\"id\":\"w1\",\"text\":\"a\"}\r\n"
                                         "{\"id\":\"w2\",\"text\":\"b\"}\r\n");
  Diagnostics diagnostics;
  const auto docs = read_all({file.string()}, diagnostics);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "w1");
  EXPECT_EQ(docs[1].id, "w2");
  EXPECT_EQ(docs[0].input_bytes + docs[1].input_bytes, fs::file_size(file));
  EXPECT_EQ(diagnostics.total(), 0u);
}

TEST(DocumentReader, RepeatedIdsAreRenamedReportedAndKept) {
  TestTempDir dir;
  const auto a = dir.write("a.jsonl", R"({"id":"x","text":"one"})" "\n" R"({"id":"y","text":"two"})" "\n"
                                      R"({"id":"x","text":"three"})" "\n");
  const auto b = dir.write("b.txt", "four");
  const auto c = dir.write("c.jsonl", R"({"id":"b","text":"five"})" "\n" R"({"id":"x","text":"six"})" "\n");
  Diagnostics diagnostics;
  testing::internal::CaptureStderr();
  DocumentReader reader({a.string(), b.string(), c.string()}, {}, diagnostics);
  std::vector<Document> docs;
  while (auto doc = reader.next()) docs.push_back(std::move(*doc));
  const std::string err = testing::internal::GetCapturedStderr();
  ASSERT_EQ(docs.size(), 6u);
  const std::vector<std::string> ids = {docs[0].id, docs[1].id, docs[2].id, docs[3].id, docs[4].id, docs[5].id};
  EXPECT_EQ(ids, (std::vector<std::string>{"x", "y", "x#2", "b", "b#2", "x#3"}));
  EXPECT_EQ(docs[2].original_id, "x");
  EXPECT_EQ(docs[2].text, "three");
  EXPECT_EQ(docs[4].original_id, "b");
  EXPECT_EQ(docs[5].original_id, "x");
  EXPECT_TRUE(docs[0].original_id.empty());
  EXPECT_EQ(count(diagnostics, "duplicate_id"), 3u);
  EXPECT_EQ(diagnostics.skipped(), 0u);
  EXPECT_NE(err.find(a.string() + ":3: duplicate id \"x\" (first at " + a.string() + ":1); kept as \"x#2\"\n"),
            std::string::npos)
      << err;
  EXPECT_NE(err.find(c.string() + ":1: duplicate id \"b\" (first at " + b.string() + "); kept as \"b#2\"\n"),
            std::string::npos)
      << err;
}

TEST(DocumentReader, TheSameFileTwiceYieldsEveryDocumentTwice) {
  TestTempDir dir;
  const auto a = dir.write("a.jsonl", R"({"text":"no id"})" "\n");
  Diagnostics diagnostics;
  const auto docs = read_all({a.string(), a.string()}, diagnostics);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, a.string() + ":1");
  EXPECT_EQ(docs[1].id, a.string() + ":1#2");
}

TEST(DocumentReader, EmptyFilesAreReported) {
  TestTempDir dir;
  const auto txt = dir.write("in/empty.txt", "");
  const auto jsonl = dir.write("in/empty.jsonl", "");
  const auto blank = dir.write("in/blank.jsonl", "\n  \n\r\n");
  Diagnostics diagnostics;
  testing::internal::CaptureStderr();
  DocumentReader reader({(dir.path() / "in").string()}, {}, diagnostics);
  std::vector<Document> docs;
  while (auto doc = reader.next()) docs.push_back(std::move(*doc));
  const std::string err = testing::internal::GetCapturedStderr();
  ASSERT_EQ(docs.size(), 1u);  // an empty .txt is an (empty) document; an empty .jsonl holds none
  EXPECT_EQ(docs[0].id, "empty");
  EXPECT_TRUE(docs[0].valid());
  EXPECT_TRUE(docs[0].text.empty());
  EXPECT_EQ(count(diagnostics, "empty_file"), 3u);
  EXPECT_EQ(diagnostics.skipped(), 0u);
  for (const auto& file : {txt, jsonl, blank}) EXPECT_NE(err.find("newsdedup: " + file.string() + ": "), std::string::npos) << err;
}

TEST(DocumentReader, BinaryJsonlLinesAreEachReportedAsInvalid) {
  TestTempDir dir;
  std::mt19937 random(7);
  std::string bytes(200000, '\0');
  for (char& c : bytes) c = static_cast<char>(random() & 0xFF);
  const auto file = dir.write("noise.jsonl", bytes);
  const auto good = dir.write("z.jsonl", R"({"id":"good","text":"fine"})");
  Diagnostics diagnostics;
  const auto docs = read_all({file.string(), good.string()}, diagnostics);
  ASSERT_GT(docs.size(), 100u);
  for (std::size_t i = 0; i + 1 < docs.size(); ++i) EXPECT_FALSE(docs[i].valid());
  EXPECT_EQ(docs.back().id, "good");
  EXPECT_TRUE(docs.back().valid());
  EXPECT_EQ(count(diagnostics, "invalid_json"), docs.size() - 1);
}

// A file that opens but cannot be read: /proc/self/mem fails with EIO at offset 0, for root too.
TEST(DocumentReader, FileThatCannotBeReadIsReportedAndSkipped) {
  TestTempDir dir;
  fs::create_directories(dir.path() / "in");
  fs::create_symlink("/proc/self/mem", dir.path() / "in/a.jsonl");
  fs::create_symlink("/proc/self/mem", dir.path() / "in/b.txt");
  dir.write("in/c.txt", "c");
  Diagnostics diagnostics;
  const auto docs = read_all({(dir.path() / "in").string()}, diagnostics);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "c");
  EXPECT_EQ(count(diagnostics, "unreadable_file"), 2u);
  EXPECT_EQ(diagnostics.skipped(), 2u);
}

TEST(DocumentReader, FileWithoutReadPermissionIsReportedAndSkipped) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can read any file";
  TestTempDir dir;
  const auto locked = dir.write("in/a.jsonl", R"({"text":"x"})");
  dir.write("in/b.txt", "b");
  fs::permissions(locked, fs::perms::none);
  Diagnostics diagnostics;
  const auto docs = read_all({(dir.path() / "in").string()}, diagnostics);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "b");
  EXPECT_EQ(count(diagnostics, "unreadable_file"), 1u);
}

TEST(DocumentReader, NamedPipeOnTheCommandLineIsRead) {
  TestTempDir dir;
  const auto pipe = dir.path() / "live.jsonl";
  ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
  std::thread writer([&] {
    std::ofstream out(pipe, std::ios::binary);
    for (int i = 0; i < 1000; ++i) out << R"({"id":"p)" << i << R"(","text":"piped"})" << "\n";
  });
  Diagnostics diagnostics;
  diagnostics.set_quiet(true);
  DocumentReader reader({pipe.string()}, {}, diagnostics);
  std::vector<Document> docs;
  while (auto doc = reader.next()) docs.push_back(std::move(*doc));
  writer.join();
  ASSERT_EQ(docs.size(), 1000u);
  EXPECT_EQ(docs[999].id, "p999");
  EXPECT_EQ(diagnostics.total(), 0u);
}

TEST(DocumentReader, PipesAndFolderLinksInsideAFolderAreReportedNotFollowed) {
  TestTempDir dir;
  dir.write("in/a.txt", "a");
  dir.write("other/b.txt", "b");
  ASSERT_EQ(::mkfifo((dir.path() / "in/pipe.jsonl").c_str(), 0600), 0);
  fs::create_directory_symlink(dir.path() / "other", dir.path() / "in/link");
  fs::create_directory_symlink(dir.path() / "in", dir.path() / "in/loop");
  fs::create_symlink(dir.path() / "nowhere.txt", dir.path() / "in/broken.txt");
  Diagnostics diagnostics;
  testing::internal::CaptureStderr();
  DocumentReader reader({(dir.path() / "in").string()}, {}, diagnostics);
  std::vector<std::string> ids;
  while (auto doc = reader.next()) ids.push_back(doc->id);
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(ids, std::vector<std::string>{"a"});
  EXPECT_EQ(count(diagnostics, "skipped_file"), 4u);
  EXPECT_NE(err.find("in/pipe.jsonl: not a regular file"), std::string::npos) << err;
  EXPECT_NE(err.find("in/link: link to a folder; not followed"), std::string::npos) << err;
  EXPECT_NE(err.find("in/broken.txt: not a regular file"), std::string::npos) << err;
}

TEST(DocumentReader, IsReadableInputName) {
  EXPECT_TRUE(is_readable_input_name("a/b.txt"));
  EXPECT_TRUE(is_readable_input_name("b.jsonl"));
  EXPECT_TRUE(is_readable_input_name("b.JSONL.GZ"));
  EXPECT_TRUE(is_readable_input_name("b.jsonl.zst"));
  EXPECT_FALSE(is_readable_input_name("b.json"));
  EXPECT_FALSE(is_readable_input_name("b.jsonl.bz2"));
  EXPECT_FALSE(is_readable_input_name(".txt"));
}

}  // namespace
}  // namespace newsdedup
