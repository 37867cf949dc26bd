// The one ATX-heading reading (base/atx_heading) and the one directive
// recogniser (base/directive) that every layer asks.
#include <gtest/gtest.h>

#include "base/atx_heading.hpp"
#include "base/directive.hpp"
#include "base/text.hpp"

using namespace mdrisk;

namespace {

std::string text_of(std::string_view line, std::size_t max_indent = 3) {
  const auto h = scan_atx_line(line, max_indent);
  return h ? std::to_string(h->level) + ":" + std::string(h->text(line)) + (h->closed ? " (closed)" : "") : "-";
}

}  // namespace

TEST(AtxLine, ReadsLevelTextAndClosingSequenceAsCommonMarkDoes) {
  EXPECT_EQ(text_of("## Summary Table"), "2:Summary Table");
  EXPECT_EQ(text_of("   ### Three spaces"), "3:Three spaces");
  EXPECT_EQ(text_of("    # Four spaces is code"), "-");
  EXPECT_EQ(text_of("#Hashtag"), "-");
  EXPECT_EQ(text_of("####### seven"), "-");
  EXPECT_EQ(text_of("###### six"), "6:six");
  EXPECT_EQ(text_of("##\tTab after"), "2:Tab after");
  EXPECT_EQ(text_of("## Title ##  "), "2:Title (closed)");
  EXPECT_EQ(text_of("## C#"), "2:C#");  // a closing sequence needs a blank before it
  EXPECT_EQ(text_of("## ###"), "2: (closed)");
  EXPECT_EQ(text_of("##"), "2:");
  EXPECT_EQ(text_of("## Title\r\n"), "2:Title");
  EXPECT_EQ(text_of(" # one space", 0), "-");
  EXPECT_EQ(text_of("# col 0", 0), "1:col 0");
}

TEST(Directive, OneRecogniserWithOrWithoutSpacesInsideTheComment) {
  for (const std::string_view body : {" mdrisk-disable MR302 ", "mdrisk-disable MR302", "mdrisk-disable\tMR302"}) {
    const auto d = parse_directive_body(body);
    ASSERT_TRUE(d) << body;
    EXPECT_EQ(d->kind, Directive::Kind::Disable);
    EXPECT_EQ(d->codes, std::vector<std::string>{"MR302"});
  }
  EXPECT_EQ(parse_directive_body(" mdrisk-disable-next-line ")->kind, Directive::Kind::DisableNextLine);
  EXPECT_EQ(parse_directive_body("mdrisk-disable-file MR1,MR2")->codes, (std::vector<std::string>{"MR1", "MR2"}));
  EXPECT_EQ(parse_directive_body(" mdrisk-enable")->kind, Directive::Kind::Enable);
  EXPECT_FALSE(parse_directive_body(" mdrisk-disabled "));
  EXPECT_FALSE(parse_directive_body(" a note "));

  EXPECT_TRUE(is_directive_html("<!--mdrisk-disable MR302-->\n"));
  EXPECT_TRUE(is_directive_html("  <!-- mdrisk-enable -->"));
  EXPECT_FALSE(is_directive_html("<!-- mdrisk-disable\n-->"));  // must close on its line
  EXPECT_FALSE(is_directive_html("<!-- a comment -->"));
  const std::string_view line = "text <!--mdrisk-disable--> more";
  EXPECT_EQ(directive_comment_end(line, 5), line.find(" more"));
}

TEST(HeadingAnchor, FollowsGitHub) {
  EXPECT_EQ(text::heading_anchor("SEC-001"), "sec-001");
  EXPECT_EQ(text::heading_anchor("R-01: Supplier delay"), "r-01-supplier-delay");
  EXPECT_EQ(text::heading_anchor("What's `new`?  Twice"), "whats-new--twice");
  EXPECT_EQ(text::heading_anchor("snake_case & more"), "snake_case--more");
  EXPECT_EQ(text::heading_anchor("Übergabe an Qualität"), "übergabe-an-qualität");
  EXPECT_EQ(text::heading_anchor("🔴 High"), "-high");
}
