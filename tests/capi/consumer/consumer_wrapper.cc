// A C++ host program using the installed header-only wrapper: validates the plan file named on the
// command line and prints it as the CSV grid (listing on stderr what the grid cannot hold).
#include <contactplan/contactplan.hpp>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream plan;
  plan << in.rdbuf();
  try {
    const cplan::Engine engine;
    const cplan::Format format = cplan::FormatFromPath(argv[1]);
    engine.Validate(plan.str(), format);
    // The grid holds only the contact map: say on stderr what it leaves out of a fuller plan.
    std::vector<std::string> losses;
    std::cout << engine.ConvertAllowingLosses(plan.str(), format, cplan::Format::kCsv, &losses)
                     .view();
    for (const std::string& loss : losses) std::cerr << "left out: " << loss << "\n";
  } catch (const cplan::Error& error) {
    std::cerr << error.status_name() << ": " << error.what() << "\n";
    return 1;
  }
  return 0;
}
