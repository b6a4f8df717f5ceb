// The ceiling for tools/bench-fakes: a cpp-httplib server that answers every request at once
// (200, empty body), reading and discarding request bodies. Same library, thread pool and
// TCP_NODELAY as `pipemu serve`, so the gap to it is pipemu's own work.
// Build: g++ -O2 -std=c++17 null_server.cpp $(pkg-config --cflags --libs cpp-httplib) -pthread
#include <httplib.h>
#include <netinet/tcp.h>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  int port = argc > 1 ? std::atoi(argv[1]) : 0;
  httplib::Server svr;
  svr.new_task_queue = [] { return new httplib::ThreadPool(64); };
  svr.set_socket_options([](socket_t s) {
    int yes = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  });
  svr.set_keep_alive_max_count(100000);
  auto any = [](const httplib::Request&, httplib::Response& res,
                const httplib::ContentReader& reader) {
    reader([](const char*, size_t) { return true; });
    res.status = 200;
  };
  auto get = [](const httplib::Request&, httplib::Response& res) { res.status = 200; };
  svr.Get(".*", get);
  svr.Put(".*", any);
  svr.Post(".*", any);
  svr.Delete(".*", any);
  int bound = port ? (svr.bind_to_port("127.0.0.1", port) ? port : -1)
                   : svr.bind_to_any_port("127.0.0.1");
  if (bound < 0) return 1;
  std::printf("%d\n", bound);
  std::fflush(stdout);
  svr.listen_after_bind();
}
