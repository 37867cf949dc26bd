// Calendar days for the date rules: ISO 8601 `YYYY-MM-DD` only, because that
// is what registers write when they write dates at all, and the one form
// that cannot be read two ways (03/04/2026 can).
#include <cstdio>
#include <ctime>

#include "mdrisk/lifecycle.hpp"

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
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  return d;
}

DateScan find_date(std::string_view text) {
  DateScan s;
  for (std::size_t i = 0; i + 10 <= text.size(); ++i) {
    if (!token_at(text, i)) continue;
    s.found = true;
    s.offset = i;
    s.length = 10;
    if (auto d = Date::parse(text.substr(i, 10))) {
      s.valid = true;
      s.date = *d;
    }
    return s;
  }
  return s;
}

Date today_local() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  ::localtime_r(&now, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace mdrisk
