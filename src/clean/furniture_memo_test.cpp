#include "clean/furniture_memo.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clean/furniture_rules.h"

namespace newsdedup {
namespace {

// The remembered verdict is the verdict: the first time (computed), the second (remembered), and
// after many other paragraphs have taken slots.
TEST(FurnitureMemo, RemembersTheVerdictOfEachText) {
  std::vector<std::string> lines = {"Follow us on Twitter", "Home", "Reporting by Jane Doe; Editing by John Roe",
                                    "The minister said the talks would resume next week.", "ADVERTISEMENT",
                                    "Copyright 2024 Example News. All rights reserved.", "", "Photo: Reuters"};
  for (int i = 0; i < 70000; ++i) lines.push_back("Line number " + std::to_string(i) + " of a long page");
  for (int round = 0; round < 2; ++round) {
    for (const std::string& text : lines) {
      const LineShape shape = describe(text);
      ASSERT_EQ(remembered_furniture(shape, text), classify_furniture(shape, text)) << text;
    }
  }
}

}  // namespace
}  // namespace newsdedup
