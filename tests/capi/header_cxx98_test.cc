// contactplan.h compiles as C++98 too (-std=c++98 -pedantic-errors -Werror): a host on an old C++
// toolchain can include it without the header-only wrapper.
#include <cstdio>

#include "contactplan/contactplan.h"

int main() {
  if (!CPLAN_CHECK_VERSION()) return 1;
  cplan_format format = CPLAN_FORMAT_CSV;
  std::printf("contactplan %s reads %s\n", cplan_version(), cplan_format_name(format));
  return 0;
}
