#include "cli/command_table.hpp"

int main(int argc, char** argv) { return pipemu::cli::main(argc, argv); }
