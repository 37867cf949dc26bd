// The file name every format prints (see base/text.hpp printable_name).
#include "base/text.hpp"
#include "mdrisk/output.hpp"

namespace mdrisk {

std::string printable_name(std::string_view name) { return text::printable_name(name); }

}  // namespace mdrisk
