// Calendar days for the date rules: ISO 8601 `YYYY-MM-DD`, and the dotted
// day-first `DD.MM.YYYY` that German, Swiss, Austrian, Nordic and Eastern
// European registers write. Both read one way only; slashed dates do not
// (03/04/2026 is March or April), so they are never read.
#include <cstdio>
#include <ctime>

#include "mdrisk/lifecycle.hpp"

#include "base/text.hpp"

namespace mdrisk {
namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

bool digit(char c) { return c >= '0' && c <= '9'; }

int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

// `YYYY-MM-DD` at `at`, not glued to more digits or dashes on either side
// (so "12026-01-01" and "2026-01-011" are no dates).
bool token_at(std::string_view t, std::size_t at) {
  if (at + 10 > t.size()) return false;
  for (std::size_t i = 0; i < 10; ++i) {
    const char c = t[at + i];
    if ((i == 4 || i == 7) ? c != '-' : !digit(c)) return false;
  }
  if (at > 0 && (digit(t[at - 1]) || t[at - 1] == '-')) return false;
  if (at + 10 < t.size() && digit(t[at + 10])) return false;
  return true;
}

bool alnum(char c) { return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Glue that makes a dotted number part of something else: a version
// (`v2.10.2026`, `1.2.3`), a decimal or an identifier.
bool glued(char c) { return alnum(c) || c == '.'; }

// A run of 1 to `most` digits at `at`; its length, or 0.
std::size_t digits_at(std::string_view t, std::size_t at, std::size_t most) {
  std::size_t n = 0;
  while (at + n < t.size() && digit(t[at + n])) {
    if (++n > most) return 0;
  }
  return n;
}

// `D.M.YYYY` to `DD.MM.YYYY` at `at` with day 1-31 and month 1-12, standing
// alone: nothing alphanumeric or dotted before it or after it, except one
// sentence-ending dot (`Stand: 11.05.2026.`). The length of the date
// without that dot, or 0. Whether the day exists in that month is the
// caller's question, as with `2026-02-31`.
std::size_t dotted_at(std::string_view t, std::size_t at, Date* out) {
  if (at > 0 && glued(t[at - 1])) return 0;
  const std::size_t d = digits_at(t, at, 2);
  if (d == 0 || at + d >= t.size() || t[at + d] != '.') return 0;
  const std::size_t m_at = at + d + 1;
  const std::size_t m = digits_at(t, m_at, 2);
  if (m == 0 || m_at + m >= t.size() || t[m_at + m] != '.') return 0;
  const std::size_t y_at = m_at + m + 1;
  if (digits_at(t, y_at, 4) != 4) return 0;
  const std::size_t end = y_at + 4;
  if (end < t.size() && glued(t[end])) {
    if (t[end] != '.' || (end + 1 < t.size() && glued(t[end + 1]))) return 0;
  }
  const Date date{number(t.substr(y_at, 4)), number(t.substr(m_at, m)), number(t.substr(at, d))};
  if (date.day < 1 || date.day > 31 || date.month < 1 || date.month > 12) return 0;
  *out = date;
  return end - at;
}

bool real_day(const Date& d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

}  // namespace

// Howard Hinnant's days-from-civil: exact for every Gregorian year.
long Date::days() const {
  const int y = month <= 2 ? year - 1 : year;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  Date d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || !token_at(text, 0)) return std::nullopt;
  Date d{number(text.substr(0, 4)), number(text.substr(5, 2)), number(text.substr(8, 2))};
  if (!real_day(d)) return std::nullopt;
  return d;
}

// One pass, no allocation: at each byte only a bounded look at the next
// eleven, so the scan stays linear in the text.
DateScan find_date(std::string_view text) {
  DateScan s;
  for (std::size_t i = 0; i + 8 <= text.size(); ++i) {
    if (!digit(text[i])) continue;
    if (token_at(text, i)) {
      s.found = true;
      s.offset = i;
      s.length = 10;
      if (auto d = Date::parse(text.substr(i, 10))) {
        s.valid = true;
        s.date = *d;
      }
      return s;
    }
    Date d;
    if (const std::size_t n = dotted_at(text, i, &d)) {
      s.found = true;
      s.offset = i;
      s.length = n;
      s.valid = real_day(d);
      if (s.valid) s.date = d;
      return s;
    }
  }
  return s;
}

std::optional<Date> labelled_date(std::string_view line, std::string_view label, bool right_after) {
  const std::string text = text::casefold(line), want = text::casefold(label);
  if (want.empty()) return std::nullopt;
  for (std::size_t at = text.find(want); at != std::string::npos; at = text.find(want, at + 1)) {
    const std::size_t end = at + want.size();
    if ((at > 0 && alnum(text[at - 1])) || (end < text.size() && alnum(text[end]))) continue;  // inside a word
    std::string_view rest = std::string_view(text).substr(end);
    if (right_after) {
      const auto skip = [&] {
        while (!rest.empty() && std::string_view(" \t:*_(-").find(rest.front()) != std::string_view::npos) rest.remove_prefix(1);
      };
      skip();
      for (const std::string_view word : {"on ", "am ", "vom "}) {
        if (rest.starts_with(word)) {
          rest.remove_prefix(word.size());
          skip();
          break;
        }
      }
    }
    const DateScan scan = find_date(rest);
    if (!scan.found || (right_after && scan.offset != 0)) continue;
    if (scan.valid) return scan.date;
  }
  return std::nullopt;
}

Date today_local() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  ::localtime_r(&now, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace mdrisk
