#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--version") == 0) {
    std::printf("ephemera %s\n", EPHEMERA_VERSION);
    return 0;
  }
  std::fprintf(stderr, "usage: ephemera --version\n");
  return 2;
}
